/**
 * Stored PDFs are sealed on disk, yet what leaves the station is the PDF itself: the sync engine
 * uploads it (the reference gateway checks every byte against HashTepTin) and a transfer package
 * carries it, both reading through the folder's key.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  SyncEngine,
  entryFromStore,
  startGateway,
  storeStation,
  writePackage,
} from '../../src-main/sync/index.js';
import { AGENCY, CREDENTIALS, settingsFor } from '../sync/fixtures.js';
import { openIn, sandbox, type Sandbox } from './keys-fixtures.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n% Giấy khai sinh — Phạm Thị Thu Hương\n'),
  Buffer.alloc(150_000, 'x'), // several sealed segments, so uploads cross segment boundaries
  Buffer.from('\n%%EOF\n'),
]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The PDFs inside a package, read by Python's zipfile (an independent reader). */
function packedPdfs(file: string): Buffer[] {
  const script =
    'import sys,zipfile\nz=zipfile.ZipFile(sys.argv[1])\n' +
    'for n in z.namelist():\n  if n.endswith(".pdf"): sys.stdout.write(z.read(n).hex()+"\\n")';
  return execFileSync('python3', ['-c', script, file], { encoding: 'utf8', maxBuffer: 1 << 26 })
    .trim()
    .split('\n')
    .map((hex) => Buffer.from(hex, 'hex'));
}

describe('sealed PDFs leave the station as PDFs', () => {
  let box: Sandbox;
  afterEach(() => box.remove());

  it('uploads and packages the plain bytes of a sealed stored PDF', async () => {
    box = sandbox('sohoa-sealed-sync-');
    const gw = await startGateway({ dataDir: join(box.root, 'gw'), credentials: CREDENTIALS });
    cleanups.push(() => gw.close());
    const store = await openIn(box);
    cleanups.push(() => store.close());
    const { dossier, components } = store.createDossier(
      {
        MaTTHC: '1.001193',
        TenTTHC: 'Đăng ký khai sinh',
        MaLinhVuc: 'HOTICH',
        TenLinhVuc: 'Hộ tịch',
        ChuHoSo: 'Phạm Thị Thu Hương',
        LoaiDoiTuong: 1,
        NoiNopHoSo: AGENCY,
        DonViXuLy: AGENCY,
        KenhThucHien: 1,
        NgayTiepNhan: '20261126083000',
        TrangThaiHoSo: 2,
        components: [
          { MaThanhPhanHoSo: 'TK_KHAI_SINH', TenThanhPhanHoSo: 'Tờ khai', BatBuoc: true },
        ],
      },
      'clerk-1',
    );
    const doc = store.addDocument(components[0]!.id, 'Tờ khai', 'clerk-1');
    // The PDF as the finish step files it: blob first, then the blob row and the document's link.
    const blob = store.blobs.put(PDF);
    store.transaction(() => {
      store.db
        .prepare(
          'INSERT INTO blobs (sha256, size, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
        )
        .run(blob.sha256, blob.size, new Date().toISOString());
      store.db.prepare('UPDATE documents SET pdf_sha256 = ? WHERE id = ?').run(blob.sha256, doc.id);
    });
    const onDisk = readFileSync(store.blobs.path(blob.sha256));
    expect(onDisk.includes(Buffer.from('%PDF'))).toBe(false);

    const entry = entryFromStore(store, store.dossiers.require(dossier.id));
    expect(entry.files).toEqual([expect.objectContaining({ sha256: sha(PDF), size: PDF.length })]);
    const out = join(box.root, 'transfer.zip');
    await writePackage(entry, out);
    const packed = packedPdfs(out);
    expect(packed.map(sha)).toEqual([sha(PDF)]);

    store.dossiers.setSyncState(dossier.id, 'queued', new Date().toISOString());
    // 16 KiB chunks: the upload resumes inside and across the 64 KiB sealed segments
    const engine = new SyncEngine({
      db: store.db,
      settings: settingsFor(gw, { chunkSize: 16 * 1024 }),
      station: storeStation(store),
    });
    await engine.runUntilIdle();
    expect(engine.outbox.all()).toEqual([]);
    expect(gw.repo.summary()).toMatchObject({ dossiers: 1, files: 1 });
    const sent = store.dossiers.require(dossier.id);
    expect(gw.repo.dossier(sent.MaHoSo)?.ChuHoSo).toBe('Phạm Thị Thu Hương');
  });
});
