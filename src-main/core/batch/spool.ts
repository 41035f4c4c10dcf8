/**
 * Where a scanner job's ADF runs write their pages (`<data dir>/batch/job-<id>/run-NNNN/`), in
 * the data directory, so the files the job lands from are as durable as the store itself. The
 * pages are sealed with the folder's data key as they are written (the scan layer's out-dir with
 * the store's keys), and opened by the key id they name when the job lands them.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export function jobSpoolDir(dataDir: string, jobId: number): string {
  const dir = join(dataDir, 'batch', `job-${jobId}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A new folder for the next ADF run, numbered after the ones there. */
export function nextRunDir(spool: string): string {
  const last = Math.max(
    0,
    ...readdirSync(spool).map((f) => Number(/^run-(\d+)$/.exec(f)?.[1] ?? 0)),
  );
  return join(spool, `run-${String(last + 1).padStart(4, '0')}`);
}
