/**
 * The scanner host's page spool: raw frames go to disk as they arrive, so a page never sits in
 * memory whole, and a page whose last byte has arrived survives the host being killed a moment
 * later. A page is complete exactly when its `.json` exists: the data file is fsynced and renamed
 * first, the manifest written atomically after; a `.part` file is a page that never finished.
 *
 * The spool is in the data folder and holds citizens' papers, so with the folder's data key the
 * pixels are sealed as they are written (the blob store's segmented format, platform/keychain);
 * the manifest holds only geometry and the device name. The key reaches the host inside the scan
 * request over the process channel, never through the environment, arguments or a file.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { SealedWriter, type KeyLookup, type SealKey } from '../../platform/index.js';
import { landingIntentPath } from '../landing-journal.js';

/** A seal key as it crosses the host channel (hex: both IPC serializations carry strings intact). */
export interface WireKey {
  id: string;
  hex: string;
}

/** The data folder's keys as the spools need them: the key to seal with, and to open by id. */
export interface SpoolKeys {
  /** undefined: a folder from before encryption, whose spool stays plain like its blobs */
  writeKey(): SealKey | undefined;
  keyFor: KeyLookup;
}

export const toWireKey = (key: SealKey): WireKey => ({ id: key.id, hex: key.bytes.toString('hex') });
const fromWireKey = (key: WireKey): SealKey => ({ id: key.id, bytes: Buffer.from(key.hex, 'hex') });

export interface SpoolFrame {
  format: 'gray' | 'rgb' | 'red' | 'green' | 'blue';
  depth: number;
  bytesPerLine: number;
  pixelsPerLine: number;
  /** Lines actually received (known only at the end for hand scanners). */
  lines: number;
  /** Byte offset of the frame in the data file's plain content. */
  offset: number;
}

export interface SpooledPage {
  index: number;
  device: string;
  dpi: number;
  frames: SpoolFrame[];
  dataFile: string;
  /** ms since epoch when the page's last byte arrived from the driver. */
  completedAt: number;
}

const name = (index: number) => `page-${String(index).padStart(4, '0')}`;

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export class SpoolWriter {
  readonly #part: string;
  readonly #data: string;
  readonly #fd: number;
  readonly #sealed: SealedWriter | undefined;
  readonly #frames: SpoolFrame[] = [];
  #written = 0;
  #frameStart = 0;
  #current: Omit<SpoolFrame, 'lines' | 'offset'> | undefined;

  /** @param key the data key to seal the page with (none: a folder from before encryption) */
  constructor(
    private readonly dir: string,
    private readonly index: number,
    key?: WireKey,
  ) {
    this.#data = join(dir, `${name(index)}.raw`);
    this.#part = `${this.#data}.part`;
    this.#fd = openSync(this.#part, 'w');
    this.#sealed = key ? new SealedWriter(this.#fd, fromWireKey(key)) : undefined;
  }

  get bytes(): number {
    return this.#written;
  }

  beginFrame(frame: Omit<SpoolFrame, 'lines' | 'offset'>): void {
    this.#current = frame;
    this.#frameStart = this.#written;
  }

  write(chunk: Buffer, length: number): void {
    if (this.#sealed) {
      this.#sealed.write(chunk.subarray(0, length));
      this.#written += length;
      return;
    }
    let done = 0;
    while (done < length)
      done += writeSync(this.#fd, chunk, done, length - done, this.#written + done);
    this.#written += length;
  }

  endFrame(): void {
    if (!this.#current) throw new Error('spool: endFrame without beginFrame');
    const bytes = this.#written - this.#frameStart;
    const lines =
      this.#current.bytesPerLine > 0 ? Math.floor(bytes / this.#current.bytesPerLine) : 0;
    this.#frames.push({ ...this.#current, lines, offset: this.#frameStart });
    this.#current = undefined;
  }

  /** Makes the page durable and visible to the parent; returns its manifest. */
  finish(meta: { device: string; dpi: number }): SpooledPage {
    const lastByteAt = Date.now();
    this.#sealed?.finish();
    fsyncSync(this.#fd);
    closeSync(this.#fd);
    renameSync(this.#part, this.#data);
    const page: SpooledPage = {
      index: this.index,
      ...meta,
      frames: this.#frames,
      dataFile: this.#data,
      completedAt: lastByteAt,
    };
    const manifest = join(this.dir, `${name(this.index)}.json`);
    writeFileSync(`${manifest}.tmp`, JSON.stringify(page));
    fsyncFile(`${manifest}.tmp`);
    renameSync(`${manifest}.tmp`, manifest);
    return page;
  }

  /** Drops an unfinished page (cancel, device error). */
  abort(): void {
    try {
      closeSync(this.#fd);
    } catch {
      // already closed
    }
    rmSync(this.#part, { force: true });
  }
}

/** Completed pages in the spool, in page order (what survives a host crash). */
export function listSpooledPages(dir: string): SpooledPage[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^page-\d{4,}\.json$/.test(f))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as SpooledPage)
    .filter((p) => existsSync(p.dataFile))
    .sort((a, b) => a.index - b.index);
}

/**
 * Removes a page from the spool once it has landed at its destination. The manifest goes first
 * and the landing intent last: a page listed without its intent would be landed again.
 */
export function releaseSpooledPage(dir: string, page: SpooledPage): void {
  rmSync(join(dir, `${name(page.index)}.json`), { force: true });
  rmSync(page.dataFile, { force: true });
  rmSync(landingIntentPath(dir, page.index), { force: true });
}

/** Whether a scan's spool folder still holds a finished page (else it can be removed). */
export function spoolHoldsPages(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).some((f) => /^page-\d{4,}\.json$/.test(f));
}
