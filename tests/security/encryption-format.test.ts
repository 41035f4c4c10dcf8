/**
 * The sealed file format of blobs and spooled pages: what goes in comes out, ranges decrypt only
 * what they touch, and any change to the file — a flipped bit, a cut, swapped segments, another
 * key — fails instead of returning wrong bytes.
 */
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  HEADER_BYTES,
  SEGMENT_BYTES,
  SealedWriter,
  openFileBytes,
  plainFileSize,
  readPlainRange,
  sealBuffer,
  sealedKeyId,
} from '../../src-main/platform/keychain/index.js';
import { sandbox } from './keys-fixtures.js';

const box = sandbox('sohoa-format-');
afterAll(() => box.remove());

const key = { id: '0123456789abcdef', bytes: randomBytes(32) };
const other = { id: 'fedcba9876543210', bytes: randomBytes(32) };
const keyFor = (id: string) => {
  if (id === key.id) return key.bytes;
  if (id === other.id) return other.bytes;
  throw new Error(`no key ${id}`);
};

describe('sealed files', () => {
  it.each([0, 1, 1000, SEGMENT_BYTES, SEGMENT_BYTES + 1, 3 * SEGMENT_BYTES + 17])(
    'round-trips %i bytes, whole and in ranges, and hides the content',
    (size) => {
      const plain = randomBytes(size);
      const sealed = sealBuffer(key, plain);
      expect(sealedKeyId(sealed)).toBe(key.id);
      expect(openFileBytes(sealed, keyFor).equals(plain)).toBe(true);
      if (size >= 16) expect(sealed.includes(plain.subarray(0, 16))).toBe(false);
      const file = join(box.root, `f-${size}`);
      writeFileSync(file, sealed);
      expect(plainFileSize(file)).toBe(size);
      for (const [start, end] of [
        [0, size],
        [1, Math.max(1, size - 1)],
        [SEGMENT_BYTES - 3, SEGMENT_BYTES + 5],
        [Math.floor(size / 2), size + 100],
      ] as const) {
        expect(readPlainRange(file, keyFor, start, end).equals(plain.subarray(start, end))).toBe(
          true,
        );
      }
    },
  );

  it('writes a stream in pieces exactly as a whole buffer reads it', () => {
    const plain = randomBytes(2 * SEGMENT_BYTES + 999);
    const file = join(box.root, 'stream');
    const fd = openSync(file, 'w');
    const writer = new SealedWriter(fd, key);
    for (let at = 0; at < plain.length; at += 7777) writer.write(plain.subarray(at, at + 7777));
    writer.finish();
    closeSync(fd);
    expect(writer.bytes).toBe(plain.length);
    expect(openFileBytes(readFileSync(file), keyFor).equals(plain)).toBe(true);
    expect(plainFileSize(file)).toBe(plain.length);
  });

  it('reads plain files (from before encryption) as they are', () => {
    const plain = Buffer.from('%PDF-1.7 plain');
    const file = join(box.root, 'plain');
    writeFileSync(file, plain);
    expect(openFileBytes(readFileSync(file), keyFor).equals(plain)).toBe(true);
    expect(readPlainRange(file, keyFor, 5, 8).toString()).toBe('1.7');
    expect(plainFileSize(file)).toBe(plain.length);
  });

  it('refuses a flipped bit, a cut at a segment boundary, swapped segments and a forged key id', () => {
    const plain = randomBytes(3 * SEGMENT_BYTES);
    const sealed = sealBuffer(key, plain);
    const flipped = Buffer.from(sealed);
    flipped[HEADER_BYTES + 100] = (flipped[HEADER_BYTES + 100] ?? 0) ^ 1;
    expect(() => openFileBytes(flipped, keyFor)).toThrow(/damaged|tampered/);

    const stride = SEGMENT_BYTES + 16;
    const cut = sealed.subarray(0, HEADER_BYTES + 2 * stride);
    expect(() => openFileBytes(cut, keyFor)).toThrow(/damaged|tampered/);

    const swapped = Buffer.concat([
      sealed.subarray(0, HEADER_BYTES),
      sealed.subarray(HEADER_BYTES + stride, HEADER_BYTES + 2 * stride),
      sealed.subarray(HEADER_BYTES, HEADER_BYTES + stride),
      sealed.subarray(HEADER_BYTES + 2 * stride),
    ]);
    expect(() => openFileBytes(swapped, keyFor)).toThrow(/damaged|tampered/);

    const forged = Buffer.from(sealed);
    Buffer.from(other.id, 'hex').copy(forged, 9);
    expect(() => openFileBytes(forged, keyFor)).toThrow(/damaged|tampered/);
  });
});
