/**
 * `sohoa export`: writes one dossier (from the store, or as it waits in the outbox) with its
 * PDFs into a package. The zip is written beside the target and renamed into place, so a
 * half-written package never carries the final name.
 */
import { basename } from 'node:path';
import yazl from 'yazl';
import { createPlainReadStream, writeZipAtomically } from '../../platform/index.js';
import type { OutboxEntryInput } from '../outbox/entry.js';
import { PACKAGE_FORMAT, PACKAGE_VERSION } from './format.js';
import type { PackageDossier, PackageManifest } from './format.js';

function safeName(index: number, filename: string): string {
  const cleaned =
    basename(filename)
      .replace(/[^A-Za-z0-9._-]/g, '_')
      .slice(0, 100) || 'tep.pdf';
  return `files/${String(index + 1).padStart(2, '0')}-${cleaned}`;
}

export async function writePackage(
  entry: OutboxEntryInput,
  out: string,
  now = new Date(),
): Promise<{ file: string; files: number }> {
  const names = entry.files.map((f, i) => safeName(i, f.filename));
  const dossier: PackageDossier = {
    ...(entry.dossier as PackageDossier),
    TaiLieuNop: entry.dossier.TaiLieuNop.map((doc, i) => ({
      ...doc,
      TepDinhKemId: names[i] as string,
    })),
  };
  const manifest: PackageManifest = {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    createdAt: now.toISOString(),
    files: entry.files.map((f, i) => ({
      name: names[i] as string,
      sha256: f.sha256,
      size: f.size,
    })),
  };
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), 'manifest.json', { mtime: now });
  zip.addBuffer(Buffer.from(JSON.stringify(dossier, null, 2)), 'dossier.json', { mtime: now });
  entry.files.forEach((f, i) =>
    zip.addReadStream(createPlainReadStream(f.path), names[i] as string, {
      mtime: now,
      compress: false,
      size: f.size,
    }),
  );
  await writeZipAtomically(zip, out, { vi: 'gói hồ sơ', en: 'dossier package' });
  return { file: out, files: entry.files.length };
}
