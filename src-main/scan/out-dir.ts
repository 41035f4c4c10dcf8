/**
 * `--out DIR`: each page becomes `page-NNNN.<ext>` in a folder, written atomically (temp file,
 * fsync, rename) the moment it arrives. Numbering continues after the pages already there, so a
 * second scan into the same folder never overwrites the first.
 */
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { AcquiredImage } from './types.js';
import type { LandedPage, PageDestination } from './destination.js';

const EXTENSIONS: Record<AcquiredImage['mime'], string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/tiff': 'tif',
};

export class OutDirDestination implements PageDestination {
  #next: number;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    const taken = readdirSync(dir)
      .map((f) => /^page-(\d+)\.\w+$/.exec(f)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number);
    this.#next = Math.max(0, ...taken) + 1;
  }

  async land(image: AcquiredImage): Promise<LandedPage> {
    const number = this.#next++;
    const path = join(
      this.dir,
      `page-${String(number).padStart(4, '0')}.${EXTENSIONS[image.mime]}`,
    );
    const temp = `${path}.${process.pid}.tmp`;
    const fd = openSync(temp, 'wx');
    try {
      let done = 0;
      while (done < image.bytes.length)
        done += writeSync(fd, image.bytes, done, image.bytes.length - done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
    return { index: image.index, location: { path } };
  }
}
