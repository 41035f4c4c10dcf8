/**
 * Handing back a result paper from the scanner, in a real Chromium against `sohoa serve` with the
 * SANE test device: the clerk opens the dossier from Tra cứu, scans a paper (the feeder jams on
 * the 2nd sheet; Continue scans the rest into the same paper), finds it was the wrong one and
 * discards it, scans the right one, types its particulars and saves; the paper is then found in
 * search by its number, as one searchable PDF of exactly its pages.
 * Screenshots of each screen.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { callResult } from '../api/call.js';
import { eventually, saveScreenshot, SCANNER_TIMEOUT_MS, useUiSession } from './harness/index.js';

/** Jams on the 2nd sheet of the first batch only (the test device cannot jam by itself). */
const JAM_AT = 2;
/** The test device's feeder holds 10 sheets each time it is opened: what Continue scans. */
const FEEDER_SHEETS = 10;
const TOTAL = JAM_AT - 1 + FEEDER_SHEETS;
/** Cleanup and OCR of every page on a busy 2-core machine, before the PDF is built. */
const SAVE_TIMEOUT_MS = 240_000;

function preparedDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sohoa-e2e-results-'));
  writeFileSync(
    join(dir, 'config.json'),
    JSON.stringify({
      agency: { code: '000.00.06.H56', name: 'UBND phường Bến Nghé' },
      scanner: {
        defaultProfile: 'ket-qua',
        profiles: [
          {
            id: 'ket-qua',
            name: 'Kết quả',
            source: 'adf',
            dpi: 150,
            colour: 'gray',
            pageSize: 'A4',
          },
        ],
      },
    }),
  );
  return dir;
}

const ui = useUiSession({
  dataDir: preparedDataDir(),
  env: { SOHOA_SCAN_INJECT_STATUS: `${JAM_AT}:SANE_STATUS_JAMMED:once` },
});

const api = <T>(method: string, input: unknown) =>
  callResult<T>(ui.serve.origin, ui.serve.token, method, input);

describe('result papers from the scanner', () => {
  it('scans a paper (jam, Continue), discards a wrong one, saves the right one, finds it in search', async () => {
    const { dossier } = await api<{ dossier: { MaHoSo: string } }>('dossier.create', {
      MaTTHC: '1.001193',
      ChuHoSo: 'Võ Thị Thu Hà',
      SoDinhDanh: '079203004321',
    });
    const { MaHoSo } = dossier;
    const { page, problems } = await ui.openApp({ hash: '#/search' });
    await page.getByRole('searchbox', { name: /Tìm hồ sơ/ }).fill(MaHoSo);
    await page.getByRole('button', { name: `Mở hồ sơ ${MaHoSo} của Võ Thị Thu Hà` }).click();
    await page.getByRole('heading', { name: `Hồ sơ ${MaHoSo}` }).waitFor();

    const form = page.getByRole('form', { name: 'Quét giấy tờ kết quả' });
    const scan = form.getByRole('button', { name: 'Quét giấy tờ kết quả' });
    await eventually(() => scan.isEnabled(), SCANNER_TIMEOUT_MS).toBe(true);
    await saveScreenshot(page, 'results-scan-ready');
    await scan.click();

    // The feeder jams: what landed is kept, the clerk is told how to go on.
    const alert = form.getByRole('alert').filter({ hasText: 'Giấy bị kẹt' });
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toContain(`kẹt giấy ở tờ thứ ${JAM_AT}`);
    await eventually(() => form.locator('.scan-thumbs img').count()).toBe(JAM_AT - 1);
    await saveScreenshot(page, 'results-scan-jammed');

    await alert.getByRole('button', { name: 'Tiếp tục quét' }).click();
    await eventually(() => alert.count()).toBe(0);
    await expect
      .poll(() => form.locator('.scan-thumbs img').count(), { timeout: 60_000 })
      .toBe(TOTAL);
    await eventually(() => form.locator('.scan-status').textContent()).toContain(
      `Bản quét chưa lưu: ${TOTAL} trang`,
    );
    await saveScreenshot(page, 'results-scan-landed');

    // That was the wrong paper: the clerk discards the scan and scans the right one.
    page.once('dialog', (dialog) => void dialog.accept());
    await form.getByRole('button', { name: 'Bỏ bản quét này' }).click();
    await eventually(() => form.getByRole('status').textContent()).toBe(
      `Đã bỏ ${TOTAL} trang quét nhầm.`,
    );
    await eventually(() => form.locator('.scan-status').textContent()).toBe(
      'Chưa có trang nào được quét cho giấy tờ kết quả.',
    );
    expect(await form.locator('.scan-thumbs img').count()).toBe(0);
    await scan.click();
    await expect
      .poll(() => form.locator('.scan-thumbs img').count(), { timeout: 60_000 })
      .toBe(FEEDER_SHEETS);
    await eventually(() => form.locator('.scan-status').textContent()).toContain(
      `Bản quét chưa lưu: ${FEEDER_SHEETS} trang`,
    );

    // Saving without a name says so; with the particulars it waits for the reading and saves.
    await form.getByRole('button', { name: 'Lưu giấy tờ đã quét' }).click();
    await eventually(() => form.getByRole('alert').textContent()).toBe(
      'Nhập tên giấy tờ trước khi lưu.',
    );
    await form.getByLabel('Tên giấy tờ *').fill('Giấy khai sinh (bản chính)');
    await form.getByLabel('Mã kết quả').fill('KQ-KS-02');
    await form.getByLabel('Số hiệu').fill('456/2026/KS');
    await form.getByLabel('Ngày cấp').fill('2026-11-26');
    await form.getByRole('button', { name: 'Lưu giấy tờ đã quét' }).click();
    await expect
      .poll(() => form.getByRole('status').textContent(), {
        timeout: SAVE_TIMEOUT_MS,
        interval: 250,
      })
      .toBe(
        `Đã lưu “Giấy khai sinh (bản chính)” (${FEEDER_SHEETS} trang, PDF tra cứu được) vào hồ sơ.`,
      );
    const list = page.getByTestId('result-list');
    await eventually(() => list.textContent()).toContain('Số hiệu 456/2026/KS');
    expect(await form.locator('.scan-status').textContent()).toBe(
      'Chưa có trang nào được quét cho giấy tờ kết quả.',
    );
    await saveScreenshot(page, 'results-scan-saved');

    // Search: the number on the paper finds it (and the owner's CCCD, for the next procedure).
    await page.getByRole('button', { name: /Quay lại kết quả tìm kiếm/ }).click();
    await page.getByRole('searchbox', { name: /Tìm hồ sơ/ }).fill('456/2026/KS');
    const papers = page.getByRole('region', { name: 'Giấy tờ kết quả tìm được' });
    await eventually(() => papers.getByTestId('result-list').textContent()).toContain(
      'Giấy khai sinh (bản chính)',
    );
    expect(await papers.getByTestId('result-list').textContent()).toContain(MaHoSo);
    await saveScreenshot(page, 'results-scan-search');

    // What was stored: one searchable PDF of the right paper's pages, none of the discarded.
    const [found] = await api<Array<{ id: number; mime: string }>>('dossier.findResults', {
      SoGiayTo: '456/2026/KS',
    });
    expect(found?.mime).toBe('application/pdf');
    const file = await api<{ base64: string }>('dossier.resultFile', { resultId: found?.id });
    const pdf = await PDFDocument.load(Buffer.from(file.base64, 'base64'));
    expect(pdf.getPageCount()).toBe(FEEDER_SHEETS);
    expect(problems).toEqual([]);
  }, 420_000);
});
