/** Retention as core services, one per data directory: the purge itself and its schedule. */
import { storeService } from '../dossiers/index.js';
import { defineService } from '../service.js';
import { RetentionService } from './retention-service.js';
import { RetentionSchedule, SCHEDULED_RETENTION_ACTOR } from './schedule.js';

export const retentionService = defineService<RetentionService>({
  name: 'retention',
  create: (core) =>
    new RetentionService({
      store: () => core.use(storeService),
      afterDays: () => core.config.security.retentionDays,
      log: core.log,
    }),
});

/** Started by the running app (not the CLI): purges what the rule says is due, on its own. */
export const retentionScheduleService = defineService<RetentionSchedule>({
  name: 'retention schedule',
  create: (core) => {
    const retention = core.use(retentionService);
    const schedule = new RetentionSchedule({
      purge: () => retention.run({ dryRun: false, actor: SCHEDULED_RETENTION_ACTOR }),
      enabled: () => core.config.security.retentionDays > 0,
      log: core.log,
    });
    schedule.start();
    return schedule;
  },
  dispose: (schedule) => schedule.stop(),
});
