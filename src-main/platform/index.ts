export { appRoot, resourcesDir, resourcePath, defaultDataDir } from './paths.js';
export { moduleEntry } from './entry.js';
export type { ModuleEntry } from './entry.js';
