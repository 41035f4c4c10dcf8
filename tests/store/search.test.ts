import { describe, expect, it } from 'vitest';
import type { Store } from '../../src-main/store/index.js';
import { toFtsQuery } from '../../src-main/store/index.js';
import { AppError } from '../../src-main/domain/index.js';
import { serviceFor, snapshot, withStore } from './helpers.js';

function seed(store: Store): { birth: number; marriage: number; pageId: number } {
  const s = serviceFor(store);
  const birth = s.create(
    {
      MaTTHC: '1.001193',
      ChuHoSo: 'Nguyễn Văn Đặng',
      NgayTiepNhan: '20261110090000',
      DiaChi: 'Phường Đống Đa, Hà Nội',
    },
    't',
  );
  const marriage = s.create(
    {
      MaTTHC: '1.000894',
      ChuHoSo: 'Trần Thị Hoa',
      NgayTiepNhan: '20261120090000',
      TrichYeuHoSo: 'Đăng ký kết hôn',
    },
    't',
  );
  s.create({ MaTTHC: '2.000815', ChuHoSo: 'Lê Dũng', NgayTiepNhan: '20261125090000' }, 't');
  const page = store.addPage({
    componentId: birth.components[0]!.id,
    bytes: Buffer.from('p1'),
    mime: 'image/png',
  });
  const long = `${'Phần mở đầu của tờ khai có rất nhiều chữ. '.repeat(8)}Họ và tên người được khai sinh: Nguyễn Văn Đặng, sinh ngày 01/02/2026. ${'Phần cuối. '.repeat(20)}`;
  store.setPageOcr({ pageId: page.id, text: long, words: [], confidence: 88, engine: 'test' });
  return { birth: birth.dossier.id, marriage: marriage.dossier.id, pageId: page.id };
}

describe('search', () => {
  it('finds accented text from unaccented queries, including đ → d', async () => {
    await withStore((store) => {
      const ids = seed(store);
      const hits = store.search.search({ query: 'nguyen van dang' });
      expect(hits.map((h) => h.kind).sort()).toEqual(['dossier', 'page']);
      expect(hits.every((h) => h.dossierId === ids.birth)).toBe(true);
      expect(
        store.search.search({ query: 'dang ky khai sinh' }).some((h) => h.dossierId === ids.birth),
      ).toBe(true);
      expect(store.search.search({ query: 'dong da' })[0]?.dossierId).toBe(ids.birth);
      expect(store.search.search({ query: 'NGUYỄN VĂN ĐẶNG' }).length).toBe(hits.length);
    });
  });

  it('highlights the matched words in the original accented text, in a window around them', async () => {
    await withStore((store) => {
      const ids = seed(store);
      const page = store.search
        .search({ query: 'nguyen van dang' })
        .find((h) => h.pageId === ids.pageId)!;
      const marked = page.snippet.marks.map(([s, e]) => page.snippet.text.slice(s, e));
      expect(marked).toEqual(['Nguyễn', 'Văn', 'Đặng']);
      expect(page.snippet.text.length).toBeLessThan(200);
      expect(page.snippet.text.startsWith('…')).toBe(true);
    });
  });

  it('ranks by bm25: the dossier named after the query beats one merely mentioning a word', async () => {
    await withStore((store) => {
      const ids = seed(store);
      const hits = store.search.search({ query: 'ket hon' });
      expect(hits[0]?.dossierId).toBe(ids.marriage);
      for (let i = 1; i < hits.length; i++)
        expect(hits[i]!.score).toBeGreaterThanOrEqual(hits[i - 1]!.score);
    });
  });

  it('filters by procedure, status and reception date range', async () => {
    await withStore((store) => {
      const ids = seed(store);
      expect(
        store.search.search({ query: 'dang', MaTTHC: '1.000894' }).map((h) => h.dossierId),
      ).toEqual([ids.marriage]);
      expect(
        store.search
          .search({ query: 'dang', from: '20261115', to: '20261130' })
          .map((h) => h.dossierId),
      ).toEqual([ids.marriage]);
      expect(
        store.search
          .search({ query: 'dang', to: '20261110' })
          .every((h) => h.dossierId === ids.birth),
      ).toBe(true);
      expect(store.search.search({ query: 'dang', TrangThaiHoSo: 10 })).toEqual([]);
    });
  });

  it.each([
    '"',
    'nguyen"',
    "'; DROP TABLE dossiers; --",
    'NEAR(nguyen dang, 2)',
    'nguyen OR hoa',
    '-nguyen',
    'folded:nguyen',
    '*',
    'nguyen AND',
    '^dang',
    '(((',
    'a'.repeat(400),
  ])('treats FTS/SQL syntax as plain words: %j', async (query) => {
    await withStore((store) => {
      seed(store);
      const before = snapshot(store);
      try {
        const hits = store.search.search({ query });
        expect(Array.isArray(hits)).toBe(true);
      } catch (error) {
        // only "no words at all" may be refused, with a clear bilingual message
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe('VALIDATION');
        expect((error as AppError).localized('vi')).toMatch(/Từ khóa/);
      }
      expect(snapshot(store)).toEqual(before);
      expect(
        store.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'dossiers'").get(),
      ).toEqual({ n: 1 });
    });
  });

  it('builds only quoted terms, the last one as a prefix', () => {
    expect(toFtsQuery('Nguyễn "Văn" Đặn')).toBe('"nguyen" "van" "dan"*');
    expect(toFtsQuery('OR NEAR(x')).toBe('"or" "near" "x"');
    expect(toFtsQuery('!!!')).toBeUndefined();
  });

  it('keeps the index in step when OCR text is replaced', async () => {
    await withStore((store) => {
      const ids = seed(store);
      store.setPageOcr({
        pageId: ids.pageId,
        text: 'Giấy chứng sinh số 77',
        words: [],
        confidence: 90,
        engine: 'test',
      });
      expect(
        store.search.search({ query: 'chung sinh' }).some((h) => h.pageId === ids.pageId),
      ).toBe(true);
      expect(store.search.search({ query: 'phan mo dau' })).toEqual([]);
    });
  });
});
