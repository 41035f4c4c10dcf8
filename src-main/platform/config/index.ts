export { configSchema } from './schema.js';
export type { AppConfig, ConfigFile, ConfigSection } from './schema.js';
export { loadConfig, validateConfigFile, updateUserConfig } from './load.js';
export type { LoadedConfig, LoadOptions } from './load.js';
export { machineConfigPath, userConfigPath, environmentKeys } from './sources.js';
export type { ConfigLayer, LayerKind } from './sources.js';
export type { PlainObject } from './merge.js';
