/**
 * Browser mode is guarded by the token: a page opened without it (or with a wrong one) gets
 * no data at all, and says so in the clerk's language instead of showing an empty app.
 */
import { describe, expect, it } from 'vitest';
import { callStatusFromPage, saveScreenshot, useUiSession, eventually } from './harness/index.js';

const ui = useUiSession();

describe('access token', () => {
  it('gives a page opened without the token no data: every API call is 401', async () => {
    await ui.browser.context.clearCookies();
    const { page } = await ui.newPage();
    const apiStatuses: number[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/api/call/'))
        apiStatuses.push(response.status());
    });
    await page.goto(`${ui.serve.origin}/#/settings`);

    // The page says what to do, and the status bar says why nothing works.
    const banner = page.locator('.access-banner');
    await banner.waitFor();
    expect(await banner.getAttribute('role')).toBe('alert');
    expect(await banner.textContent()).toContain(
      'mã truy cập (token) mà lệnh “sohoa serve” đã in ra',
    );
    const core = page.locator('[data-status="core"] .status-value');
    await eventually(() => core.textContent()).toBe('chưa được cấp quyền');
    expect(await page.getByTestId('app-info').count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain(
      'Thiếu hoặc sai mã truy cập (token)',
    );

    expect(apiStatuses.length).toBeGreaterThan(0);
    expect(apiStatuses.every((status) => status === 401)).toBe(true);
    expect(await callStatusFromPage(page, 'app.info')).toBe(401);
    expect(await page.locator('body').innerText()).not.toContain(ui.serve.dataDir);
    await saveScreenshot(page, 'auth-no-token-vi');
  });

  it('refuses a wrong token in the address and sets no cookie', async () => {
    await ui.browser.context.clearCookies();
    const { page } = await ui.newPage();
    const response = await page.goto(`${ui.serve.origin}/?token=not-the-token`);
    expect(response?.status()).toBe(401);
    expect(await ui.browser.context.cookies(ui.serve.origin)).toEqual([]);
    expect(await callStatusFromPage(page, 'app.info')).toBe(401);
  });

  it('lets the same tab in once it is opened with the right token', async () => {
    await ui.browser.context.clearCookies();
    const { page, problems } = await ui.openApp({ hash: '#/settings' });
    await page.getByTestId('app-info').waitFor();
    expect(await callStatusFromPage(page, 'app.info')).toBe(200);
    expect(await page.locator('.access-banner').count()).toBe(0);
    await eventually(() => page.locator('[data-status="core"] .status-value').textContent()).toBe(
      'đã kết nối',
    );
    expect(problems).toEqual([]);
  });
});
