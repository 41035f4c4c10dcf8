/**
 * `sohoa import-package`: takes a package from another counter into this station's outbox. The
 * whole package is checked first (format, dossier shape, every file's sha256 against both the
 * manifest and TaiLieuNop); only then are the files moved into `<dataDir>/sync/packages/` (by
 * content) and the dossier queued. A bad package changes nothing.
 *
 * The PDFs are citizens' papers kept in the data folder until delivered, so they are sealed with
 * the folder's data key as they are unpacked; the sync engine reads them through that key.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import type { z } from 'zod';
import { AppError, invalidInput } from '../../domain/index.js';
import { createSealedWriteStream, type SealKey } from '../../platform/index.js';
import { openDataKeys } from '../../store/index.js';
import type { OutboxItem, OutboxStore } from '../outbox/outbox-store.js';
import { FILE_ENTRY, PackageDossier, PackageManifest } from './format.js';

const MAX_JSON_BYTES = 4 * 1024 * 1024;
const MAX_FILE_BYTES = 512 * 1024 * 1024;

function bad(
  file: string,
  vi: string,
  en: string,
  details: Record<string, unknown> = {},
): AppError {
  return new AppError(
    'VALIDATION',
    { vi: `Gói hồ sơ ${file} không hợp lệ: ${vi}`, en: `Invalid dossier package ${file}: ${en}` },
    { details: { file, ...details } },
  );
}

function open(file: string): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(
      file,
      { lazyEntries: true, autoClose: false, strictFileNames: true },
      (error, zip) => {
        if (error || !zip)
          reject(
            bad(file, 'không đọc được tệp zip', 'not a readable zip file', {
              cause: String(error),
            }),
          );
        else resolve(zip);
      },
    ),
  );
}

function entries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const found: Entry[] = [];
    zip.on('entry', (e: Entry) => {
      found.push(e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(found));
    zip.on('error', reject);
    zip.readEntry();
  });
}

function stream(zip: ZipFile, entry: Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, s) =>
      error || !s ? reject(error ?? new Error('no stream')) : resolve(s),
    ),
  );
}

async function readJson<S extends z.ZodType>(
  file: string,
  zip: ZipFile,
  entry: Entry | undefined,
  name: string,
  schema: S,
): Promise<z.output<S>> {
  if (!entry) throw bad(file, `thiếu ${name}`, `${name} is missing`);
  if (entry.uncompressedSize > MAX_JSON_BYTES)
    throw bad(file, `${name} quá lớn`, `${name} is too large`);
  const chunks: Buffer[] = [];
  for await (const chunk of await stream(zip, entry)) chunks.push(chunk as Buffer);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw bad(file, `${name} không phải JSON`, `${name} is not JSON`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw invalidInput(
      { vi: `${name} trong gói ${file}`, en: `${name} in package ${file}` },
      parsed.error.issues,
    );
  return parsed.data;
}

export interface ImportResult {
  code: string;
  files: number;
  /** 'queued' (new to this outbox) or 'updated' (replaced the version waiting here). */
  outcome: 'queued' | 'updated';
}

/**
 * @param keys the data folder's keys the PDFs are sealed with; default: the folder's, from the
 *   process keychain (as the store opens them)
 */
export async function importPackage(
  file: string,
  dataDir: string,
  outbox: OutboxStore,
  keys: { writeKey(): SealKey | undefined } = openDataKeys(dataDir),
): Promise<ImportResult> {
  if (!existsSync(file)) {
    throw new AppError(
      'NOT_FOUND',
      { vi: `Không tìm thấy tệp ${file}.`, en: `File not found: ${file}.` },
      { details: { file } },
    );
  }
  const zip = await open(file);
  const staging = join(dataDir, 'sync', 'packages', `.import-${process.pid}-${Date.now()}`);
  try {
    const all = await entries(zip);
    const byName = new Map(all.map((e) => [e.fileName, e]));
    for (const e of all) {
      if (!['manifest.json', 'dossier.json'].includes(e.fileName) && !FILE_ENTRY.test(e.fileName)) {
        throw bad(file, `mục lạ trong gói: ${e.fileName}`, `unexpected entry ${e.fileName}`);
      }
    }
    const manifest = await readJson(
      file,
      zip,
      byName.get('manifest.json'),
      'manifest.json',
      PackageManifest,
    );
    const dossier = await readJson(
      file,
      zip,
      byName.get('dossier.json'),
      'dossier.json',
      PackageDossier,
    );
    mkdirSync(staging, { recursive: true });
    const sealWith = keys.writeKey();
    const files = [];
    for (const [i, doc] of dossier.TaiLieuNop.entries()) {
      const listed = manifest.files.find((f) => f.name === doc.TepDinhKemId);
      const entry = byName.get(doc.TepDinhKemId);
      if (!listed || !entry)
        throw bad(file, `thiếu tệp ${doc.TepDinhKemId}`, `file ${doc.TepDinhKemId} is missing`);
      if (listed.sha256 !== doc.HashTepTin)
        throw bad(
          file,
          `mã băm của ${doc.TepDinhKemId} không thống nhất`,
          `sha256 of ${doc.TepDinhKemId} differs between manifest and dossier`,
        );
      if (entry.uncompressedSize > MAX_FILE_BYTES)
        throw bad(file, `${doc.TepDinhKemId} quá lớn`, `${doc.TepDinhKemId} is too large`);
      const target = join(staging, `${i}`);
      const hash = createHash('sha256');
      let size = 0;
      const tap = new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          size += chunk.length;
          done(null, chunk);
        },
      });
      await pipeline(await stream(zip, entry), tap, createSealedWriteStream(target, sealWith));
      const sha256 = hash.digest('hex');
      if (sha256 !== doc.HashTepTin) {
        throw bad(
          file,
          `tệp ${doc.TepDinhKemId} bị hỏng (mã băm không khớp)`,
          `${doc.TepDinhKemId} is damaged (sha256 mismatch)`,
          { expected: doc.HashTepTin, actual: sha256 },
        );
      }
      files.push({ staged: target, sha256, size, filename: doc.TenTepDinhKem });
    }
    const code = dossier.MaHoSo;
    const existing: OutboxItem | undefined = outbox.byCode(code);
    if (
      existing &&
      (existing.dossier.ChuHoSo !== dossier.ChuHoSo ||
        existing.dossier.NgayTiepNhan !== dossier.NgayTiepNhan)
    ) {
      throw new AppError(
        'CONFLICT',
        {
          vi: `Mã hồ sơ ${code} trong gói trùng với một hồ sơ khác đang chờ gửi ở quầy này; không nhập.`,
          en: `Dossier code ${code} in the package collides with a different dossier waiting at this counter; not imported.`,
        },
        { details: { code, file } },
      );
    }
    const { TaiLieuNop, ...rest } = dossier;
    const draft = { ...rest, TaiLieuNop: TaiLieuNop.map(({ TepDinhKemId: _id, ...doc }) => doc) };
    const receipt = outbox.receipt(code);
    const store = join(dataDir, 'sync', 'packages');
    const placed = files.map((f) => {
      const path = join(store, `${f.sha256}.pdf`);
      if (!existsSync(path)) renameSync(f.staged, path);
      return {
        path,
        sha256: f.sha256,
        size: f.size,
        filename: f.filename,
        mime: 'application/pdf',
      };
    });
    outbox.enqueue({
      dossierId: null,
      dossier: draft,
      files: placed,
      baseRevision: receipt?.PhienBan ?? null,
    });
    return { code, files: placed.length, outcome: existing ? 'updated' : 'queued' };
  } finally {
    zip.close();
    rmSync(staging, { recursive: true, force: true });
  }
}
