/**
 * The app's own package.json, found by walking up from this module, so it works from the
 * sources (src-main/platform), the build (dist/main/platform) and a packaged asar alike.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PackageInfo {
  name: string;
  version: string;
}

let cached: PackageInfo | undefined;

export function packageInfo(): PackageInfo {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(
        readFileSync(join(dir, 'package.json'), 'utf8'),
      ) as Partial<PackageInfo>;
      if (pkg.name === 'sohoa' && typeof pkg.version === 'string') {
        cached = { name: pkg.name, version: pkg.version };
        return cached;
      }
    } catch {
      // no package.json at this level: keep walking up
    }
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error('package.json of sohoa not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}
