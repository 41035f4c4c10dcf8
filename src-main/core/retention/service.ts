/**
 * Retention as core services: the service itself, and the schedule that applies the configured
 * rule while an app process runs (a few minutes after start, then every six hours).
 */
import { storeService } from '../dossiers/index.js';
import { defineService } from '../service.js';
import { RetentionService } from './retention-service.js';

const FIRST_RUN_MS = 5 * 60_000;
const EVERY_MS = 6 * 3_600_000;
const ACTOR = 'retention';

export const retentionService = defineService<RetentionService>({
  name: 'retention',
  create: (core) =>
    new RetentionService({
      store: () => core.use(storeService),
      afterDays: () => core.config.security.retentionDays,
      log: core.log,
    }),
});

export const retentionScheduleService = defineService<{ stop(): void }>({
  name: 'retention-schedule',
  create: (core) => {
    const tick = () => {
      if (core.config.security.retentionDays <= 0) return;
      core
        .use(retentionService)
        .run({ dryRun: false, actor: ACTOR })
        .catch((error: unknown) => core.log.error({ err: error }, 'retention purge failed'));
    };
    const first = setTimeout(tick, FIRST_RUN_MS);
    const every = setInterval(tick, EVERY_MS);
    first.unref();
    every.unref();
    return {
      stop() {
        clearTimeout(first);
        clearInterval(every);
      },
    };
  },
  dispose: (schedule) => schedule.stop(),
});
