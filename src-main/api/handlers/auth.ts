/**
 * Handlers of `contract/auth.ts`. Sign-in and first-run setup put the new session in the
 * caller's slot (cookie or channel); sign-out clears it.
 */
import { identityService } from '../../core/identity/index.js';
import { authContract } from '../contract/auth.js';
import { implement } from '../handler.js';

export const authHandlers = implement(authContract, {
  'auth.status': (_input, { core, session }) => core.use(identityService).status(session.token),
  'auth.signIn': async ({ username, password }, { core, session, transport }) => {
    const grant = await core
      .use(identityService)
      .signIn(username, password, transport, session.token);
    session.set(grant.token);
    return grant.status;
  },
  'auth.setupAdmin': async (input, { core, session, transport }) => {
    const grant = await core.use(identityService).setupFirstAdmin(input, transport);
    session.set(grant.token);
    return grant.status;
  },
  'auth.lock': (_input, { core, session, actor }) =>
    core.use(identityService).lock(session.token, actor),
  'auth.unlock': ({ password }, { core, session, actor }) =>
    core.use(identityService).unlock(session.token, password, actor),
  'auth.signOut': async (_input, { core, session, transport }) => {
    const status = await core.use(identityService).signOut(session.token, transport);
    session.set(undefined);
    return status;
  },
});
