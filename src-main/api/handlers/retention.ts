/** Handlers of `contract/retention.ts` (the dispatcher lets only administrators through). */
import { retentionService } from '../../core/retention/index.js';
import { retentionContract } from '../contract/retention.js';
import { implement } from '../handler.js';

export const retentionHandlers = implement(retentionContract, {
  'retention.preview': ({ afterDays }, { core, actor }) =>
    core.use(retentionService).run({ dryRun: true, actor, ...(afterDays ? { afterDays } : {}) }),
  'retention.purge': ({ afterDays }, { core, actor }) =>
    core.use(retentionService).run({ dryRun: false, actor, ...(afterDays ? { afterDays } : {}) }),
  'retention.history': (_input, { core }) => core.use(retentionService).purged(),
});
