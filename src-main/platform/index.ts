export { appRoot, resourcesDir, resourcePath, defaultDataDir } from './paths.js';
export { moduleEntry } from './entry.js';
export type { ModuleEntry } from './entry.js';
export * from './config/index.js';
export * from './log/index.js';
export { packageInfo } from './package-info.js';
export type { PackageInfo } from './package-info.js';
export { writeZipAtomically } from './zip-file.js';
export * from './keychain/index.js';
