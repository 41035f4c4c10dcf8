/**
 * Extracted fields in the review step, in a real Chromium against `sohoa serve`: a form page
 * (typeset with the shipped fonts, a real CCCD number and name on it) is imported into a dossier
 * whose clerk typed another CCCD; the real pipeline cleans and reads it (tesseract.js); the
 * "Thông tin trích xuất" panel lists the scanned CCCD, shows where it is on the page, and — after
 * the clerk compares the typed and the scanned number — fills in the applicant in the store.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi } from '../api/call.js';
import { scannedJpeg } from '../pipeline/helpers.js';
import {
  eventually,
  focusedText,
  saveScreenshot,
  useUiSession,
  UI_TIMEOUT_MS,
} from './harness/index.js';

/** Valid (HCMC, male, born 2003), typed at reception, but not the number on the paper. */
const TYPED_CCCD = '079203001234';
const COMPONENT = 'TK_KHAI_SINH';

function preparedDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sohoa-e2e-fields-'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ agency: { code: '000.00.06.H56' } }));
  return dir;
}

const ui = useUiSession({ dataDir: preparedDataDir(), scanners: 'none' });

/** The result of a method that must succeed, over HTTP with the session's token. */
async function api<T>(method: string, input: unknown): Promise<T> {
  const answer = await callApi(ui.serve.origin, ui.serve.token, method, input);
  if (answer.status !== 200) throw new Error(`${method}: ${JSON.stringify(answer.body.error)}`);
  return answer.body.result as T;
}

/** The form as a 300-dpi scan would hand it over: JPEG with its resolution recorded. */
async function scannedForm(dir: string): Promise<{ file: string; cccd: string }> {
  const { bytes, page } = await scannedJpeg({ kind: 'form', seed: 11, dpi: 300 });
  const cccd = page.truth.fields?.cccd;
  if (!cccd) throw new Error('the form fixture has no CCCD');
  const file = join(dir, 'to-khai.jpg');
  writeFileSync(file, bytes);
  return { file, cccd };
}

describe('review step: extracted fields', () => {
  it('shows the scanned CCCD on its page and, after comparing, fills in the applicant', async () => {
    const created = await api<{ dossier: { MaHoSo: string } }>('dossier.create', {
      MaTTHC: '1.001193',
      ChuHoSo: 'Nguyễn Văn Đặng',
      SoDinhDanh: TYPED_CCCD,
    });
    const MaHoSo = created.dossier.MaHoSo;
    const { file, cccd } = await scannedForm(mkdtempSync(join(tmpdir(), 'sohoa-e2e-form-')));
    expect(cccd).not.toBe(TYPED_CCCD);
    await api('scan.import', { MaHoSo, MaThanhPhanHoSo: COMPONENT, files: [file] });
    // cleanup and OCR of a 300-dpi A4 page take a while on a busy machine
    await expect
      .poll(
        async () =>
          (await api<{ counts: { done: number } }>('pipeline.status', { MaHoSo })).counts.done,
        { timeout: 240_000, interval: 500 },
      )
      .toBe(1);

    const opened = await ui.newPage();
    const { page, problems } = opened;
    const flow = JSON.stringify({ MaHoSo, step: 'review' });
    await page.addInitScript({
      content: `sessionStorage.setItem('sohoa.reception', ${JSON.stringify(flow)})`,
    });
    await page.goto(`${ui.serve.openUrl}#/reception`);

    const panel = page.getByRole('region', { name: 'Thông tin trích xuất' });
    await panel.waitFor({ timeout: UI_TIMEOUT_MS });
    const scannedName = new RegExp(`^Số CCCD ${cccd} `);
    const scanned = panel.getByRole('button', { name: scannedName });
    await scanned.waitFor({ timeout: UI_TIMEOUT_MS });
    await eventually(() => panel.textContent()).toContain('cần xác nhận');

    // choosing the value shows where it was printed on the page
    await scanned.click();
    const box = page.getByRole('img', { name: `Vị trí của “${cccd}” trên trang` });
    await box.waitFor({ timeout: UI_TIMEOUT_MS });
    const boxRect = await box.boundingBox();
    const imageRect = await page.locator('.review-preview-image img').boundingBox();
    expect(boxRect?.width).toBeGreaterThan(10);
    expect(imageRect).not.toBeNull();
    if (boxRect && imageRect) {
      expect(boxRect.x).toBeGreaterThanOrEqual(imageRect.x - 4);
      expect(boxRect.x + boxRect.width).toBeLessThanOrEqual(imageRect.x + imageRect.width + 4);
    }
    await saveScreenshot(page, 'review-fields-shown');

    // the typed CCCD differs: both are shown, and the clerk chooses from the keyboard
    const row = panel
      .getByRole('listitem')
      .filter({ has: page.getByRole('button', { name: scannedName }) });
    await row.getByRole('button', { name: `Dùng Số CCCD ${cccd} cho người nộp` }).click();
    const compare = row.getByRole('group', { name: /khác với giá trị quét được/ });
    await compare.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await compare.locator('[data-role="typed"]').textContent()).toBe(TYPED_CCCD);
    expect(await compare.locator('[data-role="scanned"]').textContent()).toBe(cccd);
    await saveScreenshot(page, 'review-fields-compare');
    // the question takes the focus, on its first answer
    await eventually(() => focusedText(page)).toBe('Thay bằng giá trị quét');
    await page.keyboard.press('Enter');

    await panel
      .getByRole('status')
      .filter({ hasText: `Đã cập nhật số CCCD/CMND của người nộp: ${cccd}.` })
      .waitFor({ timeout: UI_TIMEOUT_MS });
    await row.getByText('Khớp với số CCCD/CMND đã nhập').waitFor({ timeout: UI_TIMEOUT_MS });
    const stored = await api<{ dossier: { DinhDanhCHS?: { SoDinhDanh: string } } }>('dossier.get', {
      MaHoSo,
    });
    expect(stored.dossier.DinhDanhCHS?.SoDinhDanh).toBe(cccd);
    await saveScreenshot(page, 'review-fields-used');

    // the name as read differs from the typed one: the clerk keeps the typed name, and the
    // panel no longer asks about it
    const nameRow = panel.locator('li[data-kind="name"]').first();
    await nameRow.getByRole('button', { name: /^Dùng Họ và tên .* cho người nộp$/ }).click();
    await nameRow.getByRole('button', { name: 'Giữ giá trị đã nhập' }).click();
    await nameRow
      .getByText('Đã giữ họ và tên chủ hồ sơ đã nhập')
      .waitFor({ timeout: UI_TIMEOUT_MS });
    const kept = await api<{ dossier: { ChuHoSo: string } }>('dossier.get', { MaHoSo });
    expect(kept.dossier.ChuHoSo).toBe('Nguyễn Văn Đặng');

    // the same panel in English
    await page.getByRole('button', { name: 'English' }).click();
    const english = page.getByRole('region', { name: 'Extracted information' });
    await english
      .getByRole('button', { name: new RegExp(`^CCCD number ${cccd} .*show on the page$`) })
      .waitFor({ timeout: UI_TIMEOUT_MS });
    await english.getByText('Matches the CCCD/CMND number typed').waitFor();
    // what the clerk was just told follows the language too
    await english
      .getByRole('status')
      .filter({ hasText: "The typed applicant's full name is kept." })
      .waitFor();
    await saveScreenshot(page, 'review-fields-en');
    expect((await api<{ ok: boolean }>('audit.verify', {})).ok).toBe(true);
    expect(problems).toEqual([]);
  }, 420_000);
});
