/**
 * The sealed file format for blobs and spooled pages: AES-256-GCM in 64 KiB segments, so a file
 * can be written as a stream (the scanner spool) and read in ranges (resumable uploads) without
 * ever holding all of it, and any bit flipped, segment dropped, reordered or cut off fails
 * authentication instead of returning wrong pixels.
 *
 *   header  "SOHOAENC" | version 1 | key id (8 bytes) | salt (16) | segment size (u32 BE)
 *   body    per segment: ciphertext | 16-byte tag
 *
 * The header names the data key it was sealed with, so during a key rotation a reader picks the
 * right key per file. Each file gets its own AES key, HKDF(data key, salt), so GCM nonces can be
 * plain segment counters. The additional data of a segment is header | index | last-flag: a file
 * cut at a segment boundary is detected because its new last segment was not sealed as last.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { AppError } from '../../domain/index.js';

export const MAGIC = Buffer.from('SOHOAENC', 'latin1');
const VERSION = 1;
export const KEY_ID_BYTES = 8;
const SALT_BYTES = 16;
export const HEADER_BYTES = MAGIC.length + 1 + KEY_ID_BYTES + SALT_BYTES + 4;
export const TAG_BYTES = 16;
export const SEGMENT_BYTES = 64 * 1024;

export interface SealKey {
  /** 16 hex characters, the name of the data key in the keychain. */
  id: string;
  bytes: Buffer;
}

export interface SealedHeader {
  keyId: string;
  salt: Buffer;
  segmentBytes: number;
  raw: Buffer;
}

export function isSealed(head: Uint8Array): boolean {
  return head.byteLength >= MAGIC.length && MAGIC.equals(head.subarray(0, MAGIC.length));
}

export function newHeader(key: SealKey, segmentBytes = SEGMENT_BYTES): SealedHeader {
  const salt = randomBytes(SALT_BYTES);
  const raw = Buffer.alloc(HEADER_BYTES);
  let at = MAGIC.copy(raw, 0);
  raw[at++] = VERSION;
  at += Buffer.from(key.id, 'hex').copy(raw, at);
  at += salt.copy(raw, at);
  raw.writeUInt32BE(segmentBytes, at);
  return { keyId: key.id, salt, segmentBytes, raw };
}

function damaged(what: string, cause?: unknown): AppError {
  return new AppError(
    'CORRUPT',
    {
      vi: `Tệp mã hóa bị hỏng hoặc bị sửa (${what})`,
      en: `An encrypted file is damaged or was tampered with (${what})`,
    },
    { details: { what }, ...(cause === undefined ? {} : { cause }) },
  );
}

export function parseHeader(head: Uint8Array): SealedHeader {
  const raw = Buffer.from(head.subarray(0, HEADER_BYTES));
  if (raw.length < HEADER_BYTES || !isSealed(raw)) throw damaged('header');
  if (raw[MAGIC.length] !== VERSION) throw damaged(`version ${raw[MAGIC.length]}`);
  const at = MAGIC.length + 1;
  const segmentBytes = raw.readUInt32BE(at + KEY_ID_BYTES + SALT_BYTES);
  if (segmentBytes < 1 || segmentBytes > 16 * 1024 * 1024) throw damaged('segment size');
  return {
    keyId: raw.subarray(at, at + KEY_ID_BYTES).toString('hex'),
    salt: raw.subarray(at + KEY_ID_BYTES, at + KEY_ID_BYTES + SALT_BYTES),
    segmentBytes,
    raw,
  };
}

/** The AES key of one file. */
export function fileKey(dataKey: Buffer, header: SealedHeader): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, header.salt, 'sohoa/sealed-file/v1', 32));
}

function nonce(index: number): Buffer {
  const iv = Buffer.alloc(12);
  iv.writeUInt32BE(index, 8);
  return iv;
}

function aad(header: SealedHeader, index: number, last: boolean): Buffer {
  const tail = Buffer.alloc(5);
  tail.writeUInt32BE(index, 0);
  tail[4] = last ? 1 : 0;
  return Buffer.concat([header.raw, tail]);
}

export function sealSegment(
  key: Buffer,
  header: SealedHeader,
  index: number,
  last: boolean,
  plain: Uint8Array,
): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonce(index));
  cipher.setAAD(aad(header, index, last));
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

export function openSegment(
  key: Buffer,
  header: SealedHeader,
  index: number,
  last: boolean,
  sealed: Uint8Array,
): Buffer {
  if (sealed.byteLength < TAG_BYTES) throw damaged(`segment ${index} is short`);
  const body = sealed.subarray(0, sealed.byteLength - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce(index));
  decipher.setAAD(aad(header, index, last));
  decipher.setAuthTag(sealed.subarray(sealed.byteLength - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch (error) {
    throw damaged(`segment ${index}`, error);
  }
}

/** Plain size of a sealed file of `sealedBytes` (every segment carries a tag; an empty file one). */
export function plainSize(sealedBytes: number, segmentBytes: number): number {
  const body = sealedBytes - HEADER_BYTES;
  const segments = Math.max(1, Math.ceil(body / (segmentBytes + TAG_BYTES)));
  const size = body - segments * TAG_BYTES;
  if (size < 0) throw damaged('length');
  return size;
}

/** Seals a whole buffer (blobs arrive whole). */
export function sealBuffer(key: SealKey, plain: Uint8Array, segmentBytes = SEGMENT_BYTES): Buffer {
  const header = newHeader(key, segmentBytes);
  const k = fileKey(key.bytes, header);
  const count = Math.max(1, Math.ceil(plain.byteLength / segmentBytes));
  const parts: Buffer[] = [header.raw];
  for (let i = 0; i < count; i++) {
    const piece = plain.subarray(i * segmentBytes, (i + 1) * segmentBytes);
    parts.push(sealSegment(k, header, i, i === count - 1, piece));
  }
  return Buffer.concat(parts);
}

/** Opens a whole sealed buffer; `keyFor` maps the header's key id to the data key. */
export function openBuffer(sealed: Uint8Array, keyFor: (keyId: string) => Buffer): Buffer {
  const header = parseHeader(sealed);
  const k = fileKey(keyFor(header.keyId), header);
  const stride = header.segmentBytes + TAG_BYTES;
  const body = sealed.byteLength - HEADER_BYTES;
  const count = Math.max(1, Math.ceil(body / stride));
  const parts: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const start = HEADER_BYTES + i * stride;
    parts.push(openSegment(k, header, i, i === count - 1, sealed.subarray(start, start + stride)));
  }
  return Buffer.concat(parts);
}

/** The key id a sealed file names (undefined for a plain file). */
export function sealedKeyId(head: Uint8Array): string | undefined {
  return isSealed(head) ? parseHeader(head).keyId : undefined;
}
