/**
 * Clerk sign-in (the sign-in, first-run and lock screens). The session token never appears in
 * a result: browser mode keeps it in an HttpOnly cookie, Electron in the IPC channel.
 */
import { z } from 'zod';
import type { AuthStatus } from '../../domain/index.js';
import { DisplayNameSchema, PasswordSchema, UsernameSchema } from '../../domain/index.js';
import { defineContract, method, returns } from './define.js';

export const authContract = defineContract({
  methods: {
    'auth.status': method({
      summary: 'Identity mode, the signed-in clerk, lock state, first run, idle-lock delay.',
      input: z.strictObject({}),
      output: returns<AuthStatus>(),
    }),
    'auth.signIn': method({
      summary: 'Signs a clerk in with a local account (local identity mode).',
      input: z.strictObject({ username: UsernameSchema, password: z.string().min(1).max(256) }),
      output: returns<AuthStatus>(),
    }),
    'auth.setupAdmin': method({
      summary: 'First run of local mode: creates the first administrator and signs them in.',
      input: z.strictObject({
        username: UsernameSchema,
        displayName: DisplayNameSchema,
        password: PasswordSchema,
      }),
      output: returns<AuthStatus>(),
    }),
    'auth.lock': method({
      summary: 'Locks the session (idle or on demand); the work on screen stays.',
      input: z.strictObject({}),
      output: returns<AuthStatus>(),
    }),
    'auth.unlock': method({
      summary: "Unlocks the session with the signed-in clerk's password.",
      input: z.strictObject({ password: z.string().max(256) }),
      output: returns<AuthStatus>(),
    }),
    'auth.signOut': method({
      summary: 'Ends the session.',
      input: z.strictObject({}),
      output: returns<AuthStatus>(),
    }),
  },
});
