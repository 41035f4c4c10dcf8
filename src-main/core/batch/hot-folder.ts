/**
 * A hot folder: scanners or people drop files into it while a job runs. Polled rather than
 * watched with fs.watch, because contractors' stations often share it over SMB/NFS, where change
 * events are unreliable. A file is taken once it is complete — its size and modification time
 * unchanged for `settleMs` — and never twice (the job's file list is the memory, in SQLite).
 * Hidden files and the usual partial-download names are someone's copy in progress, not scans.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { listSourceFiles, type SourceFile } from './source-files.js';

export interface HotFolderOptions {
  /** How often the folder is listed (default 1 s). */
  pollMs?: number;
  /** How long a file must stay unchanged to count as complete (default 2 s). */
  settleMs?: number;
  /** Stop after this long without a new file; absent: watch until `signal`. */
  idleStopMs?: number;
  signal?: AbortSignal;
}

export interface HotFolderHooks {
  known(path: string): boolean;
  register(file: {
    path: string;
    size: number;
    error?: { code: string; vi: string; en: string };
  }): void;
  /** Lands what is registered and not landed yet. */
  land(): Promise<void>;
}

const IN_PROGRESS = /(^|\/)\.|\.(part|partial|tmp|crdownload|download)$|~$/i;

interface Seen {
  size: number;
  mtimeMs: number;
  since: number;
}

function register(hooks: HotFolderHooks, file: SourceFile): void {
  hooks.register({
    path: file.path,
    size: file.size,
    ...(file.problem
      ? { error: { code: file.problem.code, vi: file.problem.messageVi, en: file.problem.message } }
      : {}),
  });
}

/**
 * Registers, once, every file of a folder whose writer renames complete files into place (the
 * scanner spool): no settling needed, only copies in progress are skipped.
 */
export async function registerWritten(folder: string, hooks: HotFolderHooks): Promise<void> {
  for (const file of await listSourceFiles(folder))
    if (!IN_PROGRESS.test(file.path) && !hooks.known(file.path)) register(hooks, file);
}

export async function watchHotFolder(
  folder: string,
  hooks: HotFolderHooks,
  options: HotFolderOptions = {},
): Promise<void> {
  const pollMs = options.pollMs ?? 1000;
  const settleMs = options.settleMs ?? 2000;
  const seen = new Map<string, Seen>();
  let lastNew = Date.now();
  await hooks.land(); // files registered by a run that was killed
  while (!options.signal?.aborted) {
    const now = Date.now();
    const complete: SourceFile[] = [];
    for (const file of await listSourceFiles(folder, { withTimes: true })) {
      if (IN_PROGRESS.test(file.path) || hooks.known(file.path)) continue;
      const before = seen.get(file.path);
      if (!before || before.size !== file.size || before.mtimeMs !== file.mtimeMs) {
        seen.set(file.path, { size: file.size, mtimeMs: file.mtimeMs ?? 0, since: now });
        continue;
      }
      if (now - before.since >= settleMs) complete.push(file);
    }
    for (const file of complete) {
      seen.delete(file.path);
      register(hooks, file);
    }
    if (complete.length > 0) {
      lastNew = Date.now();
      await hooks.land();
    } else if (
      options.idleStopMs !== undefined &&
      seen.size === 0 &&
      Date.now() - lastNew >= options.idleStopMs
    ) {
      return;
    }
    try {
      await sleep(pollMs, undefined, options.signal ? { signal: options.signal } : {});
    } catch {
      return; // stopped while waiting
    }
  }
}
