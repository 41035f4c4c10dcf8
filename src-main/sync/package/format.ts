/**
 * The offline-transfer package (`.zip`), for counters without a line for days: carried on a USB
 * stick to a station that has one.
 *   manifest.json  { format, version, createdAt, files: [{ name, sha256, size }] }
 *   dossier.json   the dossier in the contract's shape; each TaiLieuNop.TepDinhKemId names its
 *                  file inside the package (files/…) until the receiving station uploads it
 *   files/…        the PDFs
 */
import { z } from 'zod';
import { Sha256Hex, TaiLieuNop } from '../contract/index.js';
import { DossierDraft } from '../outbox/entry.js';

export const PACKAGE_FORMAT = 'sohoa-dossier-package';
export const PACKAGE_VERSION = 1;
/** Names inside the package: plain, no directories other than files/, no way out of it. */
export const FILE_ENTRY = /^files\/[A-Za-z0-9][A-Za-z0-9._-]{0,120}$/;

export const PackageManifest = z.object({
  format: z.literal(PACKAGE_FORMAT),
  version: z.literal(PACKAGE_VERSION),
  createdAt: z.string().min(1),
  files: z.array(
    z.object({
      name: z.string().regex(FILE_ENTRY),
      sha256: Sha256Hex,
      size: z.number().int().nonnegative(),
    }),
  ),
});
export type PackageManifest = z.infer<typeof PackageManifest>;

export const PackageDossier = DossierDraft.extend({
  TaiLieuNop: z.array(TaiLieuNop.extend({ TepDinhKemId: z.string().regex(FILE_ENTRY) })),
});
export type PackageDossier = z.infer<typeof PackageDossier>;
