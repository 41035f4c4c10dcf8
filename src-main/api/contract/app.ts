/**
 * The application itself: what is running, and its configuration (the Cài đặt area).
 */
import { z } from 'zod';
import type { AppConfig, LayerKind } from '../../platform/config/index.js';
import { defineContract, event, method, returns } from './define.js';

export interface AppInfo {
  name: 'SoHoa';
  version: string;
  /** `electron` inside the desktop app, `browser` for `sohoa serve`. */
  transport: 'electron' | 'browser';
  /** Node's process.platform: `linux`, `win32`, `darwin`. */
  platform: string;
  dataDir: string;
  versions: { node: string; electron?: string };
}

export interface ConfigView {
  config: AppConfig;
  /** The layers that were read, lowest precedence first; `ignored`: machine-only sections the
   * user's file holds and that were not applied. */
  layers: Array<{ kind: LayerKind; source: string; present: boolean; ignored?: string[] }>;
}

export const appContract = defineContract({
  methods: {
    'app.info': method({
      summary: 'Name, version, transport and data directory of the running app.',
      input: z.strictObject({}),
      output: returns<AppInfo>(),
    }),
    'config.get': method({
      summary: 'The effective configuration and the layers it came from.',
      input: z.strictObject({}),
      output: returns<ConfigView>(),
    }),
    'config.set': method({
      summary:
        "Changes the user's configuration file (null removes a key); validated before writing.",
      input: z.strictObject({
        patch: z
          .record(z.string(), z.unknown())
          .refine((p) => Object.keys(p).length > 0, 'nothing to change'),
      }),
      output: returns<ConfigView>(),
    }),
  },
  events: {
    'config.changed': event<ConfigView>('The effective configuration changed.'),
  },
});
