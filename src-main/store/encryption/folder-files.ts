/**
 * The sealed files of a data folder outside the blob store: pages waiting in the scanner spool,
 * the pages of batch jobs' ADF runs, and PDFs taken from other counters' packages until they are
 * delivered. They are written by the scan and sync layers (above the store); a key change must
 * reach them too, or a rotation would forget the key they were sealed with. Only the data files
 * are listed: the manifests beside them (frame geometry, destinations) hold no citizen data.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { resealFile, type KeyLookup, type SealKey } from '../../platform/keychain/index.js';
import { processAlive } from '../../platform/process-alive.js';

const SEALED_FILES: ReadonlyArray<{ dir: string[]; name: RegExp }> = [
  // <data>/spool/scan/<scan>/page-NNNN.raw (a .part is a page that never finished)
  { dir: ['spool', 'scan'], name: /^page-\d{4,}\.raw$/ },
  // <data>/batch/job-N/run-NNNN/page-NNNN.<ext>
  { dir: ['batch'], name: /^page-\d+\.(png|jpg|tif)$/ },
  // <data>/sync/packages/<sha256>.pdf
  { dir: ['sync', 'packages'], name: /^[0-9a-f]{64}\.pdf$/ },
];

function* walk(dir: string, name: RegExp): Generator<string> {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path, name);
    else if (entry.isFile() && name.test(entry.name)) yield path;
  }
}

/** What a re-sealing killed midway left beside its file (`<file>.<pid>.reseal`, see resealFile). */
const RESEAL_TEMP = /\.(\d+)\.reseal$/;

/** Every sealed (or, in a folder being encrypted, still plain) data file outside the blobs. */
export function folderDataFiles(dataDir: string): string[] {
  return SEALED_FILES.flatMap(({ dir, name }) => [...walk(join(dataDir, ...dir), name)]);
}

/**
 * Seals each of those files with `key` unless it already is; returns how many were rewritten.
 * A file that vanishes meanwhile (a page landed and released by a running app) is skipped.
 */
export function resealFolderFiles(
  dataDir: string,
  keyFor: KeyLookup,
  key: SealKey,
  onFile?: (done: number, total: number) => void,
): { resealed: number; total: number } {
  for (const { dir } of SEALED_FILES) {
    for (const temp of walk(join(dataDir, ...dir), RESEAL_TEMP)) {
      const pid = Number(RESEAL_TEMP.exec(temp)?.[1]);
      if (!processAlive(pid)) rmSync(temp, { force: true });
    }
  }
  const files = folderDataFiles(dataDir);
  let resealed = 0;
  for (const [i, file] of files.entries()) {
    try {
      if (resealFile(file, keyFor, key)) resealed++;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    onFile?.(i + 1, files.length);
  }
  return { resealed, total: files.length };
}
