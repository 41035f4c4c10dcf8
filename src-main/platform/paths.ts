/**
 * Where things live on disk. Resources (tessdata, fonts, catalog) ship with the app: in a
 * checkout they are `<repo>/resources`, in a packaged Electron app `process.resourcesPath`
 * holds them (electron-builder `extraResources`). Nothing is ever fetched at run time.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The nearest folder at or above `from` that holds package.json. This module sits two levels
 * down in the sources (src-main/platform) but three in the build (dist/main/platform), and the
 * packaged app's asar holds the build: a fixed "../.." pointed the build at dist/, where neither
 * the scanner addon nor the imaging kernels are.
 */
export function packageRootOf(from: string): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json at or above ${from}`);
  }
}

const repoRoot = packageRootOf(dirname(fileURLToPath(import.meta.url)));

/** The project root of a checkout (also the app root of a packaged build's asar). */
export function appRoot(): string {
  return repoRoot;
}

export function resourcesDir(): string {
  const fromEnv = process.env.SOHOA_RESOURCES_DIR;
  if (fromEnv) return resolve(fromEnv);
  const packaged = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (packaged && existsSync(join(packaged, 'resources'))) return join(packaged, 'resources');
  return join(repoRoot, 'resources');
}

export function resourcePath(...parts: string[]): string {
  return join(resourcesDir(), ...parts);
}

/** The OS's per-user application-data folder for SoHoa (used when no --data-dir is given). */
export function defaultDataDir(): string {
  if (process.platform === 'win32') {
    return join(process.env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'SoHoa');
  }
  if (process.platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'SoHoa');
  return join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'sohoa');
}
