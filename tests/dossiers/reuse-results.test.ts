/**
 * Result papers handed back and reuse at the counter, on a real store in a temp dir: a result is
 * filed under its owner and found again; a document of an earlier dossier and a result paper
 * (PNG, or a PDF rendered by MuPDF) become documents of a new dossier referencing the same
 * blobs; bad input changes nothing.
 */
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/domain/index.js';
import { serviceFor, snapshot, withStore } from '../store/helpers.js';

const CCCD = '079203001234';

async function png(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#f4f4f0' } })
    .png()
    .toBuffer();
}

async function twoPagePdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]);
  pdf.addPage([595, 842]);
  return Buffer.from(await pdf.save());
}

const refcount = (store: Parameters<Parameters<typeof withStore>[0]>[0], sha: string) =>
  (store.db.prepare('SELECT refcount FROM blobs WHERE sha256 = ?').get(sha) as { refcount: number })
    .refcount;

describe('result papers', () => {
  it('are filed under the owner and found by owner, number or dossier', async () => {
    await withStore(async (store) => {
      const s = serviceFor(store);
      const d = s.create(
        { MaTTHC: '1.001193', ChuHoSo: 'Trần Thị Bình', SoDinhDanh: CCCD },
        'clerk',
      ).dossier;
      const file = (await png(40, 60)).toString('base64');
      const result = s.addResult(
        {
          MaHoSo: d.MaHoSo,
          MaKetQua: 'KQ-KS',
          TenGiayTo: 'Giấy khai sinh',
          SoGiayTo: '123/2026',
          NgayCap: '20261126',
          file,
        },
        'clerk',
      );
      expect(result).toMatchObject({
        MaHoSo: d.MaHoSo,
        SoDinhDanhChuSoHuu: CCCD,
        SoGiayTo: '123/2026',
        mime: 'image/png',
        origin: 'handback',
      });
      expect(s.findResults({ SoDinhDanh: CCCD }).map((r) => r.id)).toEqual([result.id]);
      expect(s.findResults({ SoGiayTo: ' 123/2026 ' }).map((r) => r.id)).toEqual([result.id]);
      expect(s.findResults({ MaHoSo: d.MaHoSo }).map((r) => r.id)).toEqual([result.id]);
      expect(s.findResults({ SoDinhDanh: CCCD, SoGiayTo: 'other' })).toEqual([]);
      expect(s.resultFile(result.id)).toEqual({ mime: 'image/png', base64: file });
      expect(s.show(d.MaHoSo).results.map((r) => r.TenGiayTo)).toEqual(['Giấy khai sinh']);
      expect(store.audit.forDossier(d.id).map((a) => a.action)).toContain('result.add');
    });
  });

  it('refuse a file that is not PDF/PNG/JPEG, an impossible date, and no criterion', async () => {
    await withStore(async (store) => {
      const s = serviceFor(store);
      const d = s.create({ MaTTHC: '1.001193', ChuHoSo: 'A' }, 'clerk').dossier;
      const before = snapshot(store);
      const base = { MaHoSo: d.MaHoSo, TenGiayTo: 'Giấy khai sinh' };
      const notAnImage = Buffer.from('GIF89a-not-allowed').toString('base64');
      expect(() => s.addResult({ ...base, file: notAnImage }, 'c')).toThrow(/PDF, PNG or JPEG/);
      const file = (await png(4, 4)).toString('base64');
      expect(() => s.addResult({ ...base, file, NgayCap: '20260230' }, 'c')).toThrow(AppError);
      expect(() => s.addResult({ ...base, TenGiayTo: 'a/b', file }, 'c')).toThrow(/TenGiayTo/);
      expect(() => s.findResults({})).toThrow(/SoDinhDanh, SoGiayTo or MaHoSo/);
      expect(() => s.findResults({ SoDinhDanh: '12345' })).toThrow(AppError);
      expect(snapshot(store)).toEqual(before);
    });
  });
});

describe('reuse in a new dossier', () => {
  it('copies an earlier document as rows on the same blobs, with its OCR text searchable', async () => {
    await withStore(async (store) => {
      const s = serviceFor(store);
      const old = s.create({ MaTTHC: '1.000894', ChuHoSo: 'Lê Văn Cường', SoDinhDanh: CCCD }, 'c');
      const idCard = old.components.find((c) => c.MaThanhPhanHoSo === 'GT_TUY_THAN')!;
      const page = store.addPage({
        componentId: idCard.id,
        bytes: await png(30, 20),
        mime: 'image/png',
        width: 30,
        height: 20,
      });
      store.setPageOcr({
        pageId: page.id,
        text: 'CĂN CƯỚC CÔNG DÂN Lê Văn Cường',
        words: [],
        confidence: 90,
        engine: 't',
      });
      store.pages.update(page.id, { rotation: 90 });
      const sourceDoc = s.show(old.dossier.MaHoSo).components.find((c) => c.id === idCard.id)!
        .documents[0]!;

      const fresh = s.create(
        { MaTTHC: '1.001193', ChuHoSo: 'Lê Văn Cường', SoDinhDanh: CCCD },
        'c',
      );
      const blobsBefore = (
        store.db.prepare('SELECT count(*) AS n FROM blobs').get() as { n: number }
      ).n;
      const doc = await s.reuse(
        {
          MaHoSo: fresh.dossier.MaHoSo,
          MaThanhPhanHoSo: 'GT_TUY_THAN',
          from: { kind: 'document', documentId: sourceDoc.id },
        },
        'c',
      );
      const shown = s.show(fresh.dossier.MaHoSo);
      const target = shown.components.find((c) => c.MaThanhPhanHoSo === 'GT_TUY_THAN')!;
      expect(target.documents.map((x) => x.id)).toEqual([doc.id]);
      const [copy] = target.documents[0]!.pages;
      expect(copy).toMatchObject({ blobSha256: page.blobSha256, rotation: 90, width: 30 });
      expect(copy!.id).not.toBe(page.id);
      expect(shown.missingRequired).not.toContain('GT_TUY_THAN');
      // no second copy of the bytes; the blob is referenced twice
      expect((store.db.prepare('SELECT count(*) AS n FROM blobs').get() as { n: number }).n).toBe(
        blobsBefore,
      );
      expect(refcount(store, page.blobSha256)).toBe(2);
      const hits = s.search({ query: 'can cuoc cong dan' }).filter((h) => h.kind === 'page');
      expect(hits.map((h) => h.MaHoSo).sort()).toEqual(
        [fresh.dossier.MaHoSo, old.dossier.MaHoSo].sort(),
      );
      expect(store.audit.forDossier(fresh.dossier.id).map((a) => a.action)).toContain(
        'document.reuse',
      );
    });
  });

  it('turns a PDF result paper into page images of a component', async () => {
    await withStore(async (store) => {
      const s = serviceFor(store);
      const old = s.create(
        { MaTTHC: '1.001193', ChuHoSo: 'Phạm Thu', SoDinhDanh: CCCD },
        'c',
      ).dossier;
      const result = s.addResult(
        {
          MaHoSo: old.MaHoSo,
          TenGiayTo: 'Trích lục khai sinh',
          file: (await twoPagePdf()).toString('base64'),
        },
        'c',
      );
      expect(result.mime).toBe('application/pdf');
      const fresh = s.create({ MaTTHC: '1.003583', ChuHoSo: 'Phạm Thu' }, 'c').dossier;
      const doc = await s.reuse(
        {
          MaHoSo: fresh.MaHoSo,
          MaThanhPhanHoSo: 'TK_TRICH_LUC',
          from: { kind: 'result', resultId: result.id },
        },
        'c',
      );
      expect(doc.title).toBe('Trích lục khai sinh');
      const pages = store.pages.list(doc.id);
      expect(pages).toHaveLength(2);
      // A4 (595 × 842 pt) at 200 dpi, as stored and as the bytes say
      const meta = await sharp(store.readPage(pages[0]!.id).bytes).metadata();
      expect(pages[0]).toMatchObject({
        mime: 'image/png',
        dpi: 200,
        width: meta.width,
        height: meta.height,
      });
      expect(Math.abs(meta.width - (595 * 200) / 72)).toBeLessThan(1);
      expect(Math.abs(meta.height - (842 * 200) / 72)).toBeLessThan(1);
    });
  });

  it('refuses an unknown component, document or result and changes nothing', async () => {
    await withStore(async (store) => {
      const s = serviceFor(store);
      const d = s.create({ MaTTHC: '1.001193', ChuHoSo: 'A' }, 'c');
      const empty = s.show(d.dossier.MaHoSo);
      const before = snapshot(store);
      const req = { MaHoSo: d.dossier.MaHoSo, MaThanhPhanHoSo: 'TK_KHAI_SINH' };
      await expect(
        s.reuse({ ...req, MaThanhPhanHoSo: 'NO_SUCH', from: { kind: 'result', resultId: 1 } }, 'c'),
      ).rejects.toThrow(AppError);
      await expect(
        s.reuse({ ...req, from: { kind: 'document', documentId: 999 } }, 'c'),
      ).rejects.toThrow(/#999/);
      await expect(
        s.reuse({ ...req, from: { kind: 'result', resultId: 999 } }, 'c'),
      ).rejects.toThrow(/#999/);
      // a document without pages is nothing to reuse
      const blankDoc = store.addDocument(empty.components[0]!.id, 'trống', 'c');
      const afterDoc = snapshot(store);
      await expect(
        s.reuse({ ...req, from: { kind: 'document', documentId: blankDoc.id } }, 'c'),
      ).rejects.toThrow(/has no pages/);
      expect(snapshot(store)).toEqual(afterDoc);
      await expect(s.reuse({ ...req, from: { kind: 'folder' } } as never, 'c')).rejects.toThrow(
        AppError,
      );
      expect(before.pages).toBe(afterDoc.pages);
    });
  });
});
