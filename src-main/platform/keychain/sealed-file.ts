/**
 * Sealed files on disk (format in sealed-format.ts): a streaming writer for pages that arrive in
 * pieces, whole reads, and range reads that decrypt only the segments a range touches. Files
 * without the header are read as they are: data folders from before encryption keep opening.
 */
import {
  closeSync,
  createReadStream,
  fstatSync,
  fsyncSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { lookupDataKey } from './data-keys.js';
import {
  HEADER_BYTES,
  TAG_BYTES,
  fileKey,
  isSealed,
  newHeader,
  openBuffer,
  openSegment,
  parseHeader,
  plainSize,
  sealSegment,
  type SealKey,
  type SealedHeader,
} from './sealed-format.js';

export type KeyLookup = (keyId: string) => Buffer;

function readAt(fd: number, length: number, position: number): Buffer {
  const out = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, out, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return out.subarray(0, done);
}

function writeAll(fd: number, bytes: Uint8Array, position: number): void {
  let done = 0;
  while (done < bytes.byteLength)
    done += writeSync(fd, bytes, done, bytes.byteLength - done, position + done);
}

/** Streams plaintext into a sealed file at `fd`, one segment at a time. */
export class SealedWriter {
  readonly #fd: number;
  readonly #header: SealedHeader;
  readonly #key: Buffer;
  readonly #pending: Buffer;
  #filled = 0;
  #index = 0;
  #position: number;
  #plain = 0;

  constructor(fd: number, key: SealKey) {
    this.#fd = fd;
    this.#header = newHeader(key);
    this.#key = fileKey(key.bytes, this.#header);
    this.#pending = Buffer.alloc(this.#header.segmentBytes);
    writeAll(fd, this.#header.raw, 0);
    this.#position = HEADER_BYTES;
  }

  /** Plain bytes accepted so far. */
  get bytes(): number {
    return this.#plain;
  }

  write(chunk: Uint8Array): void {
    let offset = 0;
    while (offset < chunk.byteLength) {
      // A full segment is sealed only when more data follows: the last one must be marked last.
      if (this.#filled === this.#pending.length) this.#flush(false);
      const n = Math.min(chunk.byteLength - offset, this.#pending.length - this.#filled);
      this.#pending.set(chunk.subarray(offset, offset + n), this.#filled);
      this.#filled += n;
      offset += n;
    }
    this.#plain += chunk.byteLength;
  }

  /** Seals the last segment; the caller fsyncs and closes the file. */
  finish(): void {
    this.#flush(true);
  }

  #flush(last: boolean): void {
    const sealed = sealSegment(
      this.#key,
      this.#header,
      this.#index,
      last,
      this.#pending.subarray(0, this.#filled),
    );
    writeAll(this.#fd, sealed, this.#position);
    this.#position += sealed.length;
    this.#index++;
    this.#filled = 0;
  }
}

/**
 * Seals the file at `path` with `key` in place unless it already is: a plain file (a folder
 * being encrypted) or one sealed with an older key (a rotation). The new file is written beside
 * it a segment at a time and renamed over it, so a crash leaves one or the other, never half.
 * Returns whether the file was rewritten.
 */
export function resealFile(path: string, keyFor: KeyLookup, key: SealKey): boolean {
  const fd = openSync(path, 'r');
  let head: Buffer;
  try {
    head = readAt(fd, HEADER_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  if (isSealed(head) && parseHeader(head).keyId === key.id) return false;
  const temp = `${path}.${process.pid}.reseal`;
  const out = openSync(temp, 'w');
  try {
    const writer = new SealedWriter(out, key);
    const size = plainFileSize(path);
    const step = 1024 * 1024;
    for (let at = 0; at < size; at += step)
      writer.write(readPlainRange(path, keyFor, at, Math.min(size, at + step)));
    writer.finish();
    fsyncSync(out);
  } catch (error) {
    closeSync(out);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(out);
  renameSync(temp, path);
  return true;
}

/**
 * A stream writing a new file at `path`, sealed with `key` (plain without one, for a folder from
 * before encryption), fsynced and closed when it ends: files that arrive as streams (packages).
 */
export function createSealedWriteStream(path: string, key: SealKey | undefined): Writable {
  const fd = openSync(path, 'w');
  const sealed = key ? new SealedWriter(fd, key) : undefined;
  let position = 0;
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      try {
        if (sealed) sealed.write(chunk);
        else writeAll(fd, chunk, position);
        position += chunk.byteLength;
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    final(done) {
      try {
        sealed?.finish();
        fsyncSync(fd);
        close();
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    destroy(error, done) {
      close();
      done(error);
    },
  });
}

/** Whole content of a file, opened if sealed. */
export function openFileBytes(bytes: Buffer, keyFor: KeyLookup): Buffer {
  return isSealed(bytes) ? openBuffer(bytes, keyFor) : bytes;
}

/** Plain size of the file at `path` (sealed or not). */
export function plainFileSize(path: string): number {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = readAt(fd, HEADER_BYTES, 0);
    return isSealed(head) ? plainSize(size, parseHeader(head).segmentBytes) : size;
  } finally {
    closeSync(fd);
  }
}

/** Plain bytes [start, end) of the file at `path`, decrypting only the segments they touch. */
export function readPlainRange(
  path: string,
  keyFor: KeyLookup,
  start: number,
  end: number,
): Buffer {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = readAt(fd, HEADER_BYTES, 0);
    if (!isSealed(head)) return readAt(fd, Math.max(0, end - start), start);
    const header = parseHeader(head);
    const total = plainSize(size, header.segmentBytes);
    const stop = Math.min(end, total);
    if (stop <= start) return Buffer.alloc(0);
    const key = fileKey(keyFor(header.keyId), header);
    const stride = header.segmentBytes + TAG_BYTES;
    const lastIndex = Math.max(0, Math.ceil(total / header.segmentBytes) - 1);
    const first = Math.floor(start / header.segmentBytes);
    const final = Math.floor((stop - 1) / header.segmentBytes);
    const parts: Buffer[] = [];
    for (let i = first; i <= final; i++) {
      const sealed = readAt(fd, stride, HEADER_BYTES + i * stride);
      parts.push(openSegment(key, header, i, i === lastIndex, sealed));
    }
    const from = start - first * header.segmentBytes;
    return Buffer.concat(parts).subarray(from, from + (stop - start));
  } finally {
    closeSync(fd);
  }
}

/**
 * A stream of the plain bytes [start, end) of the file at `path`, sealed or not, decrypting one
 * segment at a time (uploads and packages read stored PDFs through it). The key is looked up
 * among the folders this process opened.
 */
export function createPlainReadStream(
  path: string,
  range: { start?: number; end?: number } = {},
  keyFor: KeyLookup = lookupDataKey,
): Readable {
  const fd = openSync(path, 'r');
  const head = readAt(fd, HEADER_BYTES, 0);
  closeSync(fd);
  const start = range.start ?? 0;
  if (!isSealed(head)) {
    return createReadStream(path, {
      start,
      ...(range.end !== undefined ? { end: range.end - 1 } : {}),
    });
  }
  const end = range.end ?? plainFileSize(path);
  const { segmentBytes } = parseHeader(head);
  async function* segments(): AsyncGenerator<Buffer> {
    for (let at = start; at < end;) {
      const stop = Math.min(end, (Math.floor(at / segmentBytes) + 1) * segmentBytes);
      const piece = readPlainRange(path, keyFor, at, stop);
      if (piece.length === 0) return;
      yield piece;
      at += piece.length;
    }
  }
  return Readable.from(segments(), { objectMode: false });
}
