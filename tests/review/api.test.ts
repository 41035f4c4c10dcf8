/**
 * Page review over the real HTTP transport, on a real SQLite store with real page images: every
 * edit lands in the store (and the audit log), bad input is refused in both languages and changes
 * nothing, a deleted page comes back in its place.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  PageImage,
  PageListing,
  PagesChanged,
  PageText,
} from '../../src-main/core/review/index.js';
import { useSaneTestDevice } from '../scan/sane-test-device.js';
import { snapshot } from '../store/helpers.js';
import { landPages, startReviewFixture, type ReviewFixture } from './fixture.js';

useSaneTestDevice(); // before the scanner host starts: it inherits the environment
let fx: ReviewFixture;
let MaHoSo = '';

beforeAll(async () => {
  fx = await startReviewFixture();
  const created = await fx.ok<{ dossier: { MaHoSo: string } }>('dossier.create', {
    MaTTHC: '1.001193',
    ChuHoSo: 'Nguyễn Văn Đặng',
  });
  MaHoSo = created.dossier.MaHoSo;
});

afterAll(async () => {
  await fx.close();
});

const list = () => fx.ok<PageListing>('pages.list', { MaHoSo });
const order = async (component: string) =>
  (await list()).components.find((c) => c.MaThanhPhanHoSo === component)?.pages.map((p) => p.id);

/** Where the dark corner mark is in a rendered image: 'top-left', 'top-right', … */
async function markCorner(image: PageImage): Promise<string> {
  const { data, info } = await sharp(Buffer.from(image.data, 'base64'))
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => data[y * info.width + x] ?? 255;
  const corners: Array<[string, number, number]> = [
    ['top-left', 2, 2],
    ['top-right', info.width - 3, 2],
    ['bottom-left', 2, info.height - 3],
    ['bottom-right', info.width - 3, info.height - 3],
  ];
  return corners
    .filter(([, x, y]) => at(x, y) < 60)
    .map(([name]) => name)
    .join(',');
}

describe('pages.list and images', () => {
  it('lists pages per component in order, with flags, and renders thumbnail and preview', async () => {
    const ids = await landPages(fx.store, MaHoSo, 'TK_KHAI_SINH', 3);
    fx.store.pages.update(ids[1] as number, { blank: true });
    fx.store.setPageOcr({
      pageId: ids[2] as number,
      text: 'Tờ khai đăng ký khai sinh',
      words: [],
      confidence: 0.41,
      engine: 'test',
    });
    const listing = await list();
    const component = listing.components.find((c) => c.MaThanhPhanHoSo === 'TK_KHAI_SINH');
    expect(listing.components.map((c) => c.MaThanhPhanHoSo)).toEqual([
      'TK_KHAI_SINH',
      'GIAY_CHUNG_SINH',
      'VB_UY_QUYEN',
      'GT_TUY_THAN',
    ]);
    expect(component?.pages.map((p) => [p.id, p.index, p.blank, p.lowConfidence])).toEqual([
      [ids[0], 0, false, false],
      [ids[1], 1, true, false],
      [ids[2], 2, false, true],
    ]);

    const thumb = await fx.ok<PageImage>('pages.image', { MaHoSo, pageId: ids[0] });
    expect([thumb.size, thumb.width, thumb.height]).toEqual(['thumbnail', 192, 256]);
    expect(await markCorner(thumb)).toBe('top-left');
    const preview = await fx.ok<PageImage>('pages.image', {
      MaHoSo,
      pageId: ids[0],
      size: 'preview',
    });
    // never enlarged beyond the scan
    expect([preview.width, preview.height]).toEqual([300, 400]);

    const text = await fx.ok<PageText>('pages.text', { MaHoSo, pageId: ids[2] });
    expect(text).toMatchObject({ text: 'Tờ khai đăng ký khai sinh', confidence: 0.41 });
    expect(await fx.ok<PageText>('pages.text', { MaHoSo, pageId: ids[0] })).toEqual({
      pageId: ids[0],
    });
  });
});

describe('edits', () => {
  it('rotate turns the page (stored, rendered turned, audited) and keeps the pixels', async () => {
    const [id] = (await order('TK_KHAI_SINH')) ?? [];
    const before = fx.store.pages.require(id as number);
    const changed = await fx.ok<PagesChanged>('pages.rotate', {
      MaHoSo,
      pageIds: [id],
      degrees: 90,
    });
    expect(changed).toEqual({ MaHoSo, action: 'rotate', pageIds: [id] });
    const after = fx.store.pages.require(id as number);
    expect(after.rotation).toBe(90);
    expect(after.blobSha256).toBe(before.blobSha256);
    const thumb = await fx.ok<PageImage>('pages.image', { MaHoSo, pageId: id });
    expect([thumb.width, thumb.height]).toEqual([256, 192]);
    expect(await markCorner(thumb)).toBe('top-right');
    await fx.ok('pages.rotate', { MaHoSo, pageIds: [id], degrees: 270 });
    expect(fx.store.pages.require(id as number).rotation).toBe(0);
    const actions = fx.store.db
      .prepare("SELECT action FROM audit_log WHERE action LIKE 'page.%'")
      .all() as Array<{ action: string }>;
    expect(actions.map((a) => a.action)).toEqual(['page.rotate', 'page.rotate']);
  });

  it('delete hides pages everywhere; undo puts each back in its own place', async () => {
    const ids = await landPages(fx.store, MaHoSo, 'GIAY_CHUNG_SINH', 5, 120);
    const [a, b, c, d, e] = ids as [number, number, number, number, number];
    const { actionId } = await fx.ok<{ actionId: string }>('pages.delete', {
      MaHoSo,
      pageIds: [b, d],
    });
    expect(await order('GIAY_CHUNG_SINH')).toEqual([a, c, e]);
    const detail = await fx.ok<{
      components: Array<{ MaThanhPhanHoSo: string; documents: Array<{ pages: unknown[] }> }>;
    }>('dossier.get', { MaHoSo });
    const pagesShown = detail.components
      .find((x) => x.MaThanhPhanHoSo === 'GIAY_CHUNG_SINH')
      ?.documents.flatMap((doc) => doc.pages);
    expect(pagesShown).toHaveLength(3);
    expect((await list()).undo).toMatchObject({ actionId, reason: 'deleted', pageIds: [d, b] });
    // the deleted page is neither editable nor viewable until restored
    expect((await fx.call('pages.rotate', { MaHoSo, pageIds: [b], degrees: 90 })).status).toBe(404);

    // meanwhile the clerk moves the last page to the front; undo still restores b and d by place
    await fx.ok('pages.reorder', {
      MaHoSo,
      MaThanhPhanHoSo: 'GIAY_CHUNG_SINH',
      pageIds: [e],
      toIndex: 0,
    });
    const restored = await fx.ok<PagesChanged>('pages.undoDelete', { MaHoSo });
    expect(restored.pageIds.sort()).toEqual([b, d].sort());
    expect(await order('GIAY_CHUNG_SINH')).toEqual([e, b, a, d, c]);
    expect((await list()).undo).toBeUndefined();
    expect((await fx.call('pages.undoDelete', { MaHoSo })).status).toBe(404);
  });

  it('reorders several pages at once and moves pages to another component', async () => {
    const ids = (await order('GIAY_CHUNG_SINH')) as number[];
    await fx.ok('pages.reorder', {
      MaHoSo,
      MaThanhPhanHoSo: 'GIAY_CHUNG_SINH',
      pageIds: [ids[0], ids[2]],
      toIndex: 2,
    });
    const reordered = [ids[1], ids[3], ids[0], ids[2], ids[4]];
    expect(await order('GIAY_CHUNG_SINH')).toEqual(reordered);
    // beyond the end clamps to the end
    await fx.ok('pages.reorder', {
      MaHoSo,
      MaThanhPhanHoSo: 'GIAY_CHUNG_SINH',
      pageIds: [ids[1]],
      toIndex: 99,
    });
    expect(await order('GIAY_CHUNG_SINH')).toEqual([ids[3], ids[0], ids[2], ids[4], ids[1]]);

    const target = (await order('TK_KHAI_SINH')) as number[];
    await fx.ok('pages.move', {
      MaHoSo,
      pageIds: [ids[2], ids[3]],
      toComponent: 'TK_KHAI_SINH',
      toIndex: 1,
    });
    // moved pages keep their reading order (ids[3] stood before ids[2])
    expect(await order('TK_KHAI_SINH')).toEqual([target[0], ids[3], ids[2], ...target.slice(1)]);
    expect(await order('GIAY_CHUNG_SINH')).toEqual([ids[0], ids[4], ids[1]]);
    // into an empty component: a document is made for it
    await fx.ok('pages.move', { MaHoSo, pageIds: [ids[4]], toComponent: 'VB_UY_QUYEN' });
    expect(await order('VB_UY_QUYEN')).toEqual([ids[4]]);
    expect(fx.store.audit.verify().ok).toBe(true);
  });
});

describe('bad input changes nothing', () => {
  it.each([
    ['pages.rotate', { MaHoSo: 'X', pageIds: [1], degrees: 45 }, 400, /degrees/],
    ['pages.rotate', { MaHoSo: 'X', pageIds: [1, 1], degrees: 90 }, 400, /distinct/],
    ['pages.delete', { MaHoSo: 'X', pageIds: [] }, 400, /pageIds/],
    [
      'pages.reorder',
      { MaHoSo: 'X', MaThanhPhanHoSo: 'A', pageIds: [1], toIndex: -1 },
      400,
      /toIndex/,
    ],
    ['pages.move', { MaHoSo: 'X', pageIds: [1], toComponent: 'A', extra: 1 }, 400, /extra/],
    ['pages.image', { MaHoSo: 'X', pageId: 1, size: 'huge' }, 400, /size/],
  ])('%s %j → %i', async (method, input, status, pattern) => {
    const before = snapshot(fx.store);
    const answer = await fx.call(method, input);
    expect(answer.status).toBe(status);
    const error = answer.body.error as { message: string; messageVi: string };
    expect(error.message).toMatch(pattern);
    expect(error.messageVi).toMatch(/không hợp lệ|không được phép/);
    expect(snapshot(fx.store)).toEqual(before);
  });

  it('a page of another dossier, a missing component or a stranger in a reorder is refused whole', async () => {
    const other = await fx.ok<{ dossier: { MaHoSo: string } }>('dossier.create', {
      MaTTHC: '1.001193',
      ChuHoSo: 'Trần Thị Bình',
    });
    const [foreign] = await landPages(fx.store, other.dossier.MaHoSo, 'TK_KHAI_SINH', 1, 40);
    const mine = (await order('TK_KHAI_SINH')) as number[];
    const before = snapshot(fx.store);
    const rotations = mine.map((id) => fx.store.pages.require(id).rotation);

    const mixed = await fx.call('pages.rotate', {
      MaHoSo,
      pageIds: [mine[0], foreign],
      degrees: 90,
    });
    expect(mixed.status).toBe(404);
    expect((mixed.body.error as { messageVi: string }).messageVi).toContain(`#${foreign}`);
    expect(mine.map((id) => fx.store.pages.require(id).rotation)).toEqual(rotations);

    const noComponent = await fx.call('pages.move', {
      MaHoSo,
      pageIds: [mine[0]],
      toComponent: 'KHONG_CO',
    });
    expect(noComponent.status).toBe(404);
    expect((noComponent.body.error as { message: string }).message).toContain('TK_KHAI_SINH');

    const stranger = await fx.call('pages.reorder', {
      MaHoSo,
      MaThanhPhanHoSo: 'GIAY_CHUNG_SINH',
      pageIds: [mine[0]],
      toIndex: 0,
    });
    expect(stranger.status).toBe(400);
    expect((stranger.body.error as { messageVi: string }).messageVi).toContain('chuyển thành phần');

    expect(snapshot(fx.store)).toEqual(before);
    expect(await order('TK_KHAI_SINH')).toEqual(mine);
  });
});

describe('pages.rescan', () => {
  it(
    'a page scanned again takes the old one’s place; undo brings the old one back',
    {
      timeout: 90_000,
    },
    async () => {
      const before = (await order('TK_KHAI_SINH')) as number[];
      const target = before[1] as number;
      const ended = new Map<string, string>();
      const off = fx.core.events.subscribe((name, payload) => {
        if (name === 'scan.finished' || name === 'scan.failed')
          ended.set(
            (payload as { sessionId: string }).sessionId,
            JSON.stringify({ name, payload }),
          );
      });
      const { sessionId } = await fx.ok<{ sessionId: string }>('pages.rescan', {
        MaHoSo,
        pageId: target,
        device: 'test:0',
        source: 'flatbed',
        dpi: 50,
        mode: 'gray',
      });
      await expect.poll(() => ended.get(sessionId), { timeout: 60_000 }).toBeDefined();
      off();
      expect(JSON.parse(ended.get(sessionId) ?? '{}')).toMatchObject({
        name: 'scan.finished',
        payload: { pages: 1 },
      });
      expect((await list()).undo?.reason).toBe('replaced');
      const after = (await order('TK_KHAI_SINH')) as number[];
      const fresh = after[1] as number;
      expect(after).toHaveLength(before.length);
      expect(fresh).not.toBe(target);
      expect(after.filter((id) => id !== fresh)).toEqual(before.filter((id) => id !== target));
      expect(fx.store.pages.require(fresh)).toMatchObject({ width: expect.any(Number), dpi: 50 });

      await fx.ok('pages.undoDelete', { MaHoSo });
      expect(await order('TK_KHAI_SINH')).toEqual([before[0], target, fresh, ...before.slice(2)]);
      const actions = fx.store.db
        .prepare(
          "SELECT action FROM audit_log WHERE action LIKE 'page.%' ORDER BY seq DESC LIMIT 2",
        )
        .all() as Array<{ action: string }>;
      expect(actions.map((a) => a.action)).toEqual(['page.restore', 'page.replace']);
    },
  );

  it('refuses a page that is not in the dossier before touching the scanner', async () => {
    const answer = await fx.call('pages.rescan', { MaHoSo, pageId: 999_999 });
    expect(answer.status).toBe(404);
    expect((answer.body.error as { messageVi: string }).messageVi).toContain('#999999');
  });
});
