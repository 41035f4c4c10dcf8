/** Handlers of `contract/update.ts`. */
import { checkForUpdate, FEED_TIMEOUT_MS } from '../../core/update/index.js';
import { packageInfo } from '../../platform/index.js';
import { updateContract } from '../contract/update.js';
import { implement } from '../handler.js';

export const updateHandlers = implement(updateContract, {
  'update.check': (_input, { core }) =>
    checkForUpdate(core.config.update, {
      currentVersion: packageInfo().version,
      timeoutMs: FEED_TIMEOUT_MS,
    }),
});
