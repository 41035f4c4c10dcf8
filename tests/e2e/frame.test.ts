/**
 * The app frame in a real Chromium against a real `sohoa serve`: Vietnamese first with correct
 * diacritics, the bundled font, keyboard navigation, the English switch saved in the user's
 * configuration, and the status bar fed by the core.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  computedFontFamily,
  documentLang,
  focusedId,
  focusedText,
  loadedFontFaces,
  saveScreenshot,
  scriptCookies,
  textExceptLang,
  useUiSession,
  eventually,
  SCANNER_TIMEOUT_MS,
} from './harness/index.js';

const ui = useUiSession();

const vietnameseAreas = ['Tiếp nhận', 'Hàng đợi', 'Tra cứu', 'Lô số hóa', 'Cài đặt'];
const englishAreas = ['Reception', 'Queue', 'Search', 'Batch jobs', 'Settings'];

describe('app frame', () => {
  it('opens in Vietnamese with the five areas, precomposed diacritics and the bundled font', async () => {
    const fontRequests: string[] = [];
    const { page, problems } = await ui.newPage();
    page.on('request', (request) => {
      if (/\.woff2?$/.test(request.url())) fontRequests.push(request.url());
    });
    await page.goto(ui.serve.openUrl);
    await page.getByRole('main').waitFor();

    expect(await documentLang(page)).toBe('vi');
    const names = await page
      .getByRole('navigation', { name: 'Các khu vực làm việc' })
      .locator('.nav-name')
      .allTextContents();
    expect(names).toEqual(vietnameseAreas);
    // Precomposed (NFC) code points, as typed on a Vietnamese keyboard and as search expects.
    expect(names[0]).toBe('Ti\u1ebfp nh\u1eadn');
    expect(names[3]).toBe('L\u00f4 s\u1ed1 h\u00f3a');
    const text = await page.locator('body').innerText();
    expect(text.normalize('NFC')).toBe(text);
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Tiếp nhận hồ sơ',
    );
    expect(await page.title()).toBe('Tiếp nhận · SoHoa');

    // The token was traded for a cookie script cannot read, and left the address bar.
    expect(new URL(page.url()).search).toBe('');
    expect(await scriptCookies(page)).not.toContain('sohoa_token');
    const [cookie] = await ui.browser.context.cookies(ui.serve.origin);
    expect(cookie).toMatchObject({ name: 'sohoa_token', httpOnly: true, sameSite: 'Strict' });

    // Be Vietnam Pro, served by the app itself (no CDN), with its Vietnamese subset in use.
    const loadedFaces = await loadedFontFaces(page, 'Be Vietnam Pro');
    expect(loadedFaces).toBeGreaterThan(0);
    expect(fontRequests.some((url) => url.includes('be-vietnam-pro-vietnamese'))).toBe(true);
    expect(fontRequests.every((url) => url.startsWith(ui.serve.origin))).toBe(true);
    const fontFamily = await computedFontFamily(page, 'h1');
    expect(fontFamily).toMatch(/^"?Be Vietnam Pro/);

    // Strict-CSP friendly: no inline script or style anywhere in the live DOM, and the page is
    // served with the policy (violations would show up as console errors in `problems`).
    expect(await page.locator('script:not([src])').count()).toBe(0);
    expect(await page.locator('[style]').count()).toBe(0);
    expect(
      await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'),
    ).toContain("script-src 'self'");

    await saveScreenshot(page, 'frame-reception-vi');
    expect(problems).toEqual([]);
  });

  it('reports the link to the core, the network, the send queue and the scanner', async () => {
    const { page, problems } = await ui.openApp();
    const status = page.getByRole('contentinfo', { name: 'Trạng thái máy trạm' });
    const item = (id: string) => status.locator(`[data-status="${id}"]`);
    const value = (id: string) => item(id).locator('.status-value').textContent();
    await eventually(() => value('core')).toBe('đã kết nối');
    expect(await item('core').locator('.status-name').textContent()).toBe('Lõi ứng dụng:');
    expect(await value('network')).toBe('trực tuyến');
    // the sync outbox of the fresh data dir: empty, and not configured, so the network item is
    // this machine's connection and says so
    await eventually(() => value('queue')).toBe('0 hồ sơ chờ gửi');
    expect(await item('queue').getAttribute('data-tone')).toBe('ok');
    expect(await item('network').getAttribute('title')).toBe(
      'Kết nối mạng của máy này (chưa kiểm tra được hệ thống một cửa của tỉnh)',
    );
    // the libsane test backend the harness enables: a real device list from the scanner host
    await eventually(() => value('scanner'), SCANNER_TIMEOUT_MS).toBe('Noname frontend-tester');
    expect(await item('scanner').getAttribute('data-tone')).toBe('ok');

    await ui.browser.context.setOffline(true);
    await eventually(() => value('network')).toBe('ngoại tuyến');
    await ui.browser.context.setOffline(false);
    await eventually(() => value('network')).toBe('trực tuyến');
    expect(problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  });

  it('moves between areas with Alt+1…5, showing the shortcuts and focusing the new heading', async () => {
    const { page, problems } = await ui.openApp();
    const nav = page.getByRole('navigation', { name: 'Các khu vực làm việc' });
    expect(await nav.getByRole('link', { name: /Tra cứu/ }).getAttribute('aria-keyshortcuts')).toBe(
      'Alt+3',
    );
    expect(await nav.locator('kbd').allTextContents()).toEqual([
      'Alt+1',
      'Alt+2',
      'Alt+3',
      'Alt+4',
      'Alt+5',
    ]);

    // Reception is open; visit the others, then come back to it.
    for (const index of [1, 2, 3, 4, 0]) {
      const name = vietnameseAreas[index];
      await page.keyboard.press(`Alt+Digit${index + 1}`);
      const current = nav.locator('[aria-current="page"] .nav-name');
      await eventually(() => current.textContent()).toBe(name);
      await eventually(() => focusedId(page)).toBe('area-title');
    }
    expect(new URL(page.url()).hash).toBe('#/reception');

    // The area survives a reload (it lives in the address), and Tab reaches the skip link first.
    await page.keyboard.press('Alt+Digit5');
    await page.reload();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Cài đặt');
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Bỏ qua, đến nội dung chính');
    expect(problems).toEqual([]);
  });

  it('shows what the running core reports in Cài đặt', async () => {
    const { page, problems } = await ui.openApp({ hash: '#/settings' });
    const info = page.getByTestId('app-info');
    await info.waitFor();
    const infoText = await info.innerText();
    expect(infoText).toContain(ui.serve.dataDir);
    expect(infoText).toContain('Trình duyệt (sohoa serve)');
    const layers = await page.getByTestId('config-layers').innerText();
    expect(layers).toContain(join(ui.serve.dataDir, 'config.json'));
    expect(await page.getByTestId('config-values').innerText()).toContain(
      'chưa cấu hình — máy trạm chỉ làm việc ngoại tuyến',
    );
    await saveScreenshot(page, 'frame-settings-vi');
    expect(problems).toEqual([]);
  });

  it('switches to English, saves the choice in the user configuration and follows config changes live', async () => {
    const { page, problems } = await ui.openApp();
    await page.getByRole('button', { name: 'English' }).click();
    const nav = page.getByRole('navigation', { name: 'Work areas' });
    await eventually(() => nav.locator('.nav-name').allTextContents()).toEqual(englishAreas);
    expect(await documentLang(page)).toBe('en');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Dossier reception');
    // Every string is translated: no Vietnamese letter is left outside the 'Tiếng Việt' button
    // and the MaTTHC-style official terms (which are ASCII).
    expect(await textExceptLang(page, 'vi')).not.toMatch(
      /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i,
    );

    const userConfig = join(ui.serve.dataDir, 'config.json');
    await eventually(() => {
      try {
        return (JSON.parse(readFileSync(userConfig, 'utf8')) as { ui?: { language?: string } }).ui
          ?.language;
      } catch {
        return undefined;
      }
    }).toBe('en');
    await saveScreenshot(page, 'frame-reception-en');

    await page.keyboard.press('Alt+Digit5');
    await page.getByTestId('app-info').waitFor();
    expect(await page.getByTestId('app-info').innerText()).toContain('Browser (sohoa serve)');
    await saveScreenshot(page, 'frame-settings-en');

    // Another client (here: a script with the token) sets Vietnamese; the open page follows.
    const response = await fetch(`${ui.serve.origin}/api/call/config.set`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ui.serve.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ patch: { ui: { language: 'vi' } } }),
    });
    expect(response.status).toBe(200);
    await eventually(() => page.locator('nav .nav-name').allTextContents()).toEqual(
      vietnameseAreas,
    );
    expect(problems).toEqual([]);
  });
});
