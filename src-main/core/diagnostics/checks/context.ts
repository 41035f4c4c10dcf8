/** What the station checks read: the data directory and the configuration in force. */
import type { AppConfig } from '../../../platform/index.js';

export interface StationContext {
  dataDir: string;
  /** The effective configuration (defaults when the files are broken: the config check says so). */
  config: AppConfig;
  env: NodeJS.ProcessEnv;
}
