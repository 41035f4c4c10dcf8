/**
 * `--out DIR`: each page becomes `page-NNNN.<ext>` in a folder, written atomically (temp file,
 * fsync, rename) the moment it arrives. Numbering continues after the pages already there, so a
 * second scan into the same folder never overwrites the first.
 *
 * A folder the clerk chose is theirs and gets plain images. A folder inside the data folder (a
 * batch job's ADF runs) is given the folder's keys, and its pages are sealed like blobs; the
 * batch landing opens them by the key id they name.
 */
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { lookupDataKey, openFileBytes, sealBuffer } from '../platform/index.js';
import type { SpoolKeys } from './host/spool.js';
import type { AcquiredImage } from './types.js';
import type { LandedPage, PageDestination } from './destination.js';
import { sha256Of, type DestinationJournal } from './landing-journal.js';

const EXTENSIONS: Record<AcquiredImage['mime'], string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/tiff': 'tif',
};

/** The page files in a folder with their numbers. */
function numberedPages(dir: string): Array<{ file: string; number: number }> {
  return readdirSync(dir).flatMap((file) => {
    const n = /^page-(\d+)\.\w+$/.exec(file)?.[1];
    return n === undefined ? [] : [{ file, number: Number(n) }];
  });
}

export class OutDirDestination implements PageDestination {
  #next: number;
  readonly journal: DestinationJournal;

  /** @param keys seal the pages with the data folder's key (for folders inside it) */
  constructor(
    private readonly dir: string,
    private readonly keys?: SpoolKeys,
  ) {
    mkdirSync(dir, { recursive: true });
    this.#next = Math.max(0, ...numberedPages(dir).map((p) => p.number)) + 1;
    const keyFor = keys?.keyFor ?? lookupDataKey;
    this.journal = {
      target: { kind: 'out', dir, ...(keys ? { sealed: true } : {}) },
      watermark: () => this.#next,
      landedSince: (sha256, watermark) => {
        const match = numberedPages(dir)
          .filter((p) => p.number >= watermark)
          .find((p) => sha256Of(openFileBytes(readFileSync(join(dir, p.file)), keyFor)) === sha256);
        return match && { path: join(dir, match.file) };
      },
    };
  }

  async land(image: AcquiredImage): Promise<LandedPage> {
    const number = this.#next++;
    const path = join(
      this.dir,
      `page-${String(number).padStart(4, '0')}.${EXTENSIONS[image.mime]}`,
    );
    const temp = `${path}.${process.pid}.tmp`;
    const key = this.keys?.writeKey();
    const bytes = key ? sealBuffer(key, image.bytes) : image.bytes;
    const fd = openSync(temp, 'wx');
    try {
      let done = 0;
      while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
    return { index: image.index, location: { path } };
  }
}
