/** Retention as a core service, one per data directory. */
import { storeService } from '../dossiers/index.js';
import { defineService } from '../service.js';
import { RetentionService } from './retention-service.js';

export const retentionService = defineService<RetentionService>({
  name: 'retention',
  create: (core) =>
    new RetentionService({
      store: () => core.use(storeService),
      afterDays: () => core.config.security.retentionDays,
      log: core.log,
    }),
});
