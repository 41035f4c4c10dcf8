/** Handlers of `contract/accounts.ts` (the dispatcher lets only administrators through). */
import { identityService } from '../../core/identity/index.js';
import { accountsContract } from '../contract/accounts.js';
import { implement } from '../handler.js';

export const accountsHandlers = implement(accountsContract, {
  'accounts.list': (_input, { core }) => core.use(identityService).listAccounts(),
  'accounts.add': (input, { core, actor }) => core.use(identityService).addAccount(input, actor),
  'accounts.setDisabled': ({ username, disabled }, { core, actor }) =>
    core.use(identityService).setDisabled(username, disabled, actor),
  'accounts.unlock': ({ username }, { core, actor }) =>
    core.use(identityService).unlockAccount(username, actor),
  'accounts.resetPassword': ({ username, password }, { core, actor }) =>
    core.use(identityService).resetPassword(username, password, actor),
  'accounts.setRole': ({ username, role }, { core, actor }) =>
    core.use(identityService).setRole(username, role, actor),
});
