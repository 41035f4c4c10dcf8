/**
 * Entry points for worker threads and child processes. From a source checkout the sibling
 * module is TypeScript and the child needs tsx's loader; from a build it is plain JavaScript.
 * Callers never build these paths by hand.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface ModuleEntry {
  /** Absolute file path of the module to run. */
  file: string;
  /** Node flags the child or worker needs to load it. */
  execArgv: string[];
}

/**
 * @param fromUrl `import.meta.url` of the calling module
 * @param relative the sibling module without extension, e.g. `./host`
 */
export function moduleEntry(fromUrl: string, relative: string): ModuleEntry {
  const ts = fileURLToPath(new URL(`${relative}.ts`, fromUrl));
  if (fromUrl.endsWith('.ts') && existsSync(ts)) return { file: ts, execArgv: ['--import', 'tsx'] };
  return { file: fileURLToPath(new URL(`${relative}.js`, fromUrl)), execArgv: [] };
}
