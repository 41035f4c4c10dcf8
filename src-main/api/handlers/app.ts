/**
 * Handlers of `contract/app.ts`: app info and configuration.
 */
import type { Core } from '../../core/index.js';
import { packageInfo } from '../../platform/index.js';
import { appContract, type ConfigView } from '../contract/app.js';
import { implement } from '../handler.js';

function configView(core: Core): ConfigView {
  return { config: core.config, layers: [...core.configLayers] };
}

export const appHandlers = implement(appContract, {
  'app.info': (_input, { core, transport }) => ({
    name: 'SoHoa',
    version: packageInfo().version,
    transport: transport === 'electron' ? 'electron' : 'browser',
    platform: process.platform,
    dataDir: core.dataDir,
    versions: {
      node: process.versions.node,
      ...(process.versions.electron ? { electron: process.versions.electron } : {}),
    },
  }),
  'config.get': (_input, { core }) => configView(core),
  'config.set': ({ patch }, { core, events }) => {
    core.updateConfig(patch);
    const view = configView(core);
    events.emit('config.changed', view);
    return view;
  },
});
