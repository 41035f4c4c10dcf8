/**
 * Makes sure `dist/renderer` is built from the current sources before a UI test opens it.
 * Rebuilds only when a renderer source, the Vite config or the CSP is newer than the build. Test
 * files run in parallel processes, so the build is guarded by a lock directory.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './paths.js';

const run = promisify(execFile);
const builtPage = join(repoRoot, 'dist', 'renderer', 'index.html');
const lockDir = join(repoRoot, 'dist', '.renderer-build.lock');
const LOCK_STALE_MS = 5 * 60_000;

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function builtMtime(): number {
  try {
    return statSync(builtPage).mtimeMs;
  } catch {
    return 0;
  }
}

export function rendererIsStale(): boolean {
  const sources = Math.max(
    newestMtime(join(repoRoot, 'src-renderer')),
    newestMtime(join(repoRoot, 'vite.config.ts')),
    newestMtime(join(repoRoot, 'src-main', 'api', 'csp.ts')), // baked into the page's meta tag
  );
  return sources > builtMtime();
}

async function withLock<T>(action: () => Promise<T>): Promise<T> {
  mkdirSync(join(repoRoot, 'dist'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      // a build that crashed leaves its lock behind; do not wait for it forever
      const lock = statSync(lockDir, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > LOCK_STALE_MS)
        rmSync(lockDir, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await action();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

export async function ensureRendererBuilt(): Promise<void> {
  // Checked under the lock too: a build in progress may have written index.html but not yet
  // every asset, and another test process must not serve that half-written folder.
  await withLock(async () => {
    if (!rendererIsStale()) return;
    try {
      await run(
        process.execPath,
        [join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
        {
          cwd: repoRoot,
          // vitest sets NODE_ENV=test, which would make Vite bundle React's development build
          env: { ...process.env, NODE_ENV: 'production' },
          maxBuffer: 16 * 1024 * 1024,
        },
      );
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`renderer build failed:\n${stdout ?? ''}\n${stderr ?? ''}`, { cause: error });
    }
  });
}
