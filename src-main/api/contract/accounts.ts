/** Local clerk accounts, for administrators (settings screen, scripts). */
import { z } from 'zod';
import type { Account } from '../../domain/index.js';
import {
  DisplayNameSchema,
  PasswordSchema,
  RoleSchema,
  UsernameSchema,
} from '../../domain/index.js';
import { defineContract, method, returns } from './define.js';

const username = z.strictObject({ username: UsernameSchema });

export const accountsContract = defineContract({
  methods: {
    'accounts.list': method({
      summary: 'Every local account with its role and state (never a password hash).',
      input: z.strictObject({}),
      output: returns<Account[]>(),
    }),
    'accounts.add': method({
      summary: 'Adds a local account.',
      input: z.strictObject({
        username: UsernameSchema,
        displayName: DisplayNameSchema,
        role: RoleSchema.default('clerk'),
        password: PasswordSchema,
      }),
      output: returns<Account>(),
    }),
    'accounts.setDisabled': method({
      summary: 'Disables (ending its sessions) or re-enables an account.',
      input: username.extend({ disabled: z.boolean() }),
      output: returns<Account>(),
    }),
    'accounts.unlock': method({
      summary: 'Lifts the lock that wrong passwords put on an account.',
      input: username,
      output: returns<Account>(),
    }),
    'accounts.resetPassword': method({
      summary: "Sets a new password (ends the account's sessions).",
      input: username.extend({ password: PasswordSchema }),
      output: returns<Account>(),
    }),
    'accounts.setRole': method({
      summary: 'Makes an account an administrator or a clerk.',
      input: username.extend({ role: RoleSchema }),
      output: returns<Account>(),
    }),
  },
});
