/**
 * Dossiers for the retention tests, planted on a real store: received, with pages (one shared
 * between dossiers), OCR text, a result and a PDF, and — when asked — acknowledged by the
 * province some days ago, as the sync engine leaves them.
 */
import type { Core } from '../../src-main/core/index.js';
import { dossierService } from '../../src-main/core/dossiers/index.js';
import type { Store } from '../../src-main/store/index.js';

export const DAY = 86_400_000;

export interface Planted {
  id: number;
  MaHoSo: string;
  owner: string;
  blobs: string[];
}

const SHARED = Buffer.from('the same blank back page, scanned in two dossiers');

/** A received dossier with two pages (one of them shared), OCR text, a result and a PDF. */
export async function plant(
  c: Core,
  store: Store,
  owner: string,
  acknowledgedDaysAgo: number | null,
): Promise<Planted> {
  const service = await c.use(dossierService);
  const { dossier, components } = service.create(
    { MaTTHC: '1.001193', ChuHoSo: owner, SoDinhDanh: '079090001234', DiaChi: '12 Lê Lợi, Huế' },
    'test:setup',
  );
  const componentId = components[0]?.id as number;
  const own = store.addPage({
    componentId,
    bytes: Buffer.from(`page of ${owner}`),
    mime: 'image/png',
  });
  store.addPage({ componentId, bytes: SHARED, mime: 'image/png' });
  store.setPageOcr({
    pageId: own.id,
    text: `Giấy khai sinh của ${owner}`,
    words: [],
    confidence: 0.9,
    engine: 'test',
  });
  const result = store.addResult(
    {
      dossierId: dossier.id,
      TenGiayTo: 'Giấy chứng nhận',
      origin: 'handback',
      bytes: Buffer.from(`result of ${owner}`),
    },
    'test:setup',
  );
  const pdf = store.blobs.put(Buffer.from(`%PDF of ${owner}`));
  store.transaction(() => {
    store.db
      .prepare(
        'INSERT INTO blobs (sha256, size, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      )
      .run(pdf.sha256, pdf.size, new Date().toISOString());
    store.db
      .prepare('UPDATE documents SET pdf_sha256 = ? WHERE component_id = ?')
      .run(pdf.sha256, componentId);
  });
  if (acknowledgedDaysAgo !== null) {
    // What the sync engine leaves once the province has acknowledged the dossier.
    const at = new Date(Date.now() - acknowledgedDaysAgo * DAY).toISOString();
    store.transaction(() => {
      store.dossiers.setSyncState(dossier.id, 'synced', at);
      store.db
        .prepare(
          `INSERT INTO sync_receipts (MaHoSo, dossier_id, PhienBan, payload_sha256, acknowledged_at)
           VALUES (?, ?, '1', ?, ?)`,
        )
        .run(dossier.MaHoSo, dossier.id, 'a'.repeat(64), at);
      store.db
        .prepare(
          `INSERT INTO sync_outbox (dossier_id, MaHoSo, state, payload, enqueued_at, updated_at)
           VALUES (?, ?, 'sent', ?, ?, ?)`,
        )
        .run(dossier.id, dossier.MaHoSo, JSON.stringify({ ChuHoSo: owner }), at, at);
    });
  }
  return {
    id: dossier.id,
    MaHoSo: dossier.MaHoSo,
    owner,
    blobs: [own.blobSha256, result.blobSha256, pdf.sha256],
  };
}
