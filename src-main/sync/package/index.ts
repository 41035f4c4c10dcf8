export { writePackage } from './export-package.js';
export { importPackage } from './import-package.js';
export type { ImportResult } from './import-package.js';
export { PackageManifest, PackageDossier, PACKAGE_FORMAT } from './format.js';
