/**
 * What a file handed to the counter is, from its first bytes (never from a name a person typed):
 * the formats a result paper or a reused document may come in.
 */
import { AppError } from '../../domain/index.js';

export type FileKind = 'image/png' | 'image/jpeg' | 'application/pdf';

const SIGNATURES: Array<[FileKind, number[]]> = [
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
];

export function sniffFileKind(bytes: Uint8Array): FileKind | undefined {
  return SIGNATURES.find(([, magic]) => magic.every((b, i) => bytes[i] === b))?.[0];
}

export function requireFileKind(bytes: Uint8Array, what: { vi: string; en: string }): FileKind {
  const kind = sniffFileKind(bytes);
  if (!kind) {
    throw new AppError(
      'VALIDATION',
      {
        vi: `${what.vi} phải là tệp PDF, PNG hoặc JPEG`,
        en: `${what.en} must be a PDF, PNG or JPEG file`,
      },
      { details: { size: bytes.length } },
    );
  }
  return kind;
}
