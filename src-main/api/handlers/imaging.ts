/**
 * Handlers of `contract/imaging.ts`. One worker pool per core (created on first use, destroyed
 * when the core closes) keeps image work off the main thread.
 */
import { defineService } from '../../core/index.js';
import { ImagingPool, processFileToDir, profiles, resolveProfile } from '../../imaging/index.js';
import { imagingContract } from '../contract/imaging.js';
import { implement } from '../handler.js';

export const imagingPoolService = defineService({
  name: 'imaging',
  create: () => new ImagingPool(),
  dispose: (pool) => pool.close(),
});

export const imagingHandlers = implement(imagingContract, {
  'imaging.profiles': () => ({
    default: 'counter',
    profiles: Object.fromEntries(Object.keys(profiles).map((name) => [name, resolveProfile(name)])),
  }),
  'imaging.process': async ({ input, outDir, profile, overrides, dpi }, { core, events }) => {
    const summary = await processFileToDir(
      core.use(imagingPoolService),
      input,
      resolveProfile(profile, overrides),
      {
        ...(outDir ? { outDir } : {}),
        ...(dpi ? { dpi } : {}),
      },
    );
    events.emit('imaging.pageProcessed', { input, summary });
    return summary;
  },
});
