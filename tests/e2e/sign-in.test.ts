/**
 * Clerk sign-in in a real Chromium against a real `sohoa serve` in local identity mode (as IT
 * turns it on): first run creates the administrator, the screen locks after the idle time with
 * the work left exactly as it was behind it, a wrong password and a locked account say so.
 */
import { describe, expect, it } from 'vitest';
import { callStatusFromPage, eventually, saveScreenshot, useUiSession } from './harness/index.js';

const ADMIN_PASSWORD = 'quan-tri-vien-2026';
const CLERK_PASSWORD = 'can-bo-mot-cua';

const ui = useUiSession({
  env: {
    SOHOA_SECURITY_IDENTITY: 'local',
    SOHOA_SECURITY_IDLE_LOCK_SECONDS: '10',
    SOHOA_SECURITY_MAX_FAILED_ATTEMPTS: '3',
  },
});

/** Calls the API from the test as a script would: station token, optional session cookie. */
async function api(method: string, input: unknown, session?: string) {
  const res = await fetch(new URL(`/api/call/${method}`, ui.serve.origin), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${ui.serve.token}`,
      ...(session ? { cookie: session } : {}),
    },
    body: JSON.stringify(input),
  });
  return { status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0] };
}

describe('sign-in and lock screen (local identity)', () => {
  it('creates the first administrator, locks when idle and unlocks to the same work', async () => {
    const { page, problems } = await ui.newPage();
    await page.goto(ui.serve.openUrl);
    await page.getByRole('heading', { name: 'Tạo tài khoản quản trị đầu tiên' }).waitFor();
    // Nothing of the app (and no citizen data) is shown before an account exists.
    expect(await page.getByRole('main').count()).toBe(0);
    expect(await callStatusFromPage(page, 'dossier.list')).toBe(401);

    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Họ và tên').fill('Trần Quản Trị');
    await page.getByLabel('Mật khẩu (ít nhất 10 ký tự)').fill(ADMIN_PASSWORD);
    await page.getByLabel('Nhập lại mật khẩu').fill('something-else');
    await page.getByRole('button', { name: 'Tạo tài khoản và đăng nhập' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('Hai mật khẩu không giống nhau.');
    await page.getByLabel('Nhập lại mật khẩu').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Tạo tài khoản và đăng nhập' }).click();

    await page.getByRole('main').waitFor();
    expect(await page.getByTestId('signed-in-clerk').textContent()).toBe(
      'Cán bộ: Trần Quản Trị · quản trị viên',
    );
    // Work in progress: a search typed but not finished.
    await page.getByRole('link', { name: /Tra cứu/ }).click();
    await page.locator('#search-query').click();
    await page.keyboard.type('nguyen van');

    // No input for the idle time: the lock screen covers the work, the core refuses calls.
    const lock = page.getByRole('dialog', { name: 'Màn hình đã khóa' });
    await lock.waitFor({ timeout: 30_000 });
    expect(await lock.textContent()).toContain('Đang làm việc: Trần Quản Trị (admin)');
    expect(await page.locator('.auth-app').getAttribute('inert')).not.toBeNull();
    expect(await page.locator('#search-query').isVisible()).toBe(false);
    expect(await callStatusFromPage(page, 'dossier.list')).toBe(423);
    await saveScreenshot(page, 'sign-in-locked-vi');
    // Keys pressed on the lock screen stay there: the work behind it hears none of them
    // (Alt+1 would open Tiếp nhận, Alt+N a new dossier, Alt+5 Cài đặt).
    await lock.getByLabel('Mật khẩu').focus();
    for (const key of ['Alt+1', 'Alt+N', 'Alt+5']) await page.keyboard.press(key);
    expect(await lock.getByLabel('Mật khẩu').inputValue()).toBe('');
    expect(await page.locator('.auth-app [aria-current="page"]').textContent()).toContain(
      'Tra cứu',
    );

    await lock.getByLabel('Mật khẩu').fill('not-the-password');
    await lock.getByRole('button', { name: 'Mở khóa' }).click();
    await eventually(() => lock.getByRole('alert').textContent()).toBe(
      'Sai tên đăng nhập hoặc mật khẩu',
    );

    await lock.getByLabel('Mật khẩu').fill(ADMIN_PASSWORD);
    await lock.getByRole('button', { name: 'Mở khóa' }).click();
    await lock.waitFor({ state: 'detached' });
    // The same screen, the same unfinished search (none of the keys above reached it).
    expect(await page.locator('#search-query').isVisible()).toBe(true);
    expect(await page.locator('#search-query').inputValue()).toBe('nguyen van');
    expect(await callStatusFromPage(page, 'dossier.list')).toBe(200);

    // The administrator adds a clerk and looks at retention from the session bar.
    await page.getByRole('button', { name: 'Quản trị' }).click();
    const admin = page.getByRole('dialog', { name: 'Quản trị máy trạm' });
    await admin.getByLabel('Tên đăng nhập').fill('hoa');
    await admin.getByLabel('Họ và tên').fill('Lê Thị Hoa');
    await admin.getByLabel('Mật khẩu (ít nhất 10 ký tự)').fill(CLERK_PASSWORD);
    await admin.getByRole('button', { name: 'Thêm tài khoản' }).click();
    const table = admin.getByRole('table', { name: 'Danh sách tài khoản' });
    await eventually(() => table.locator('tbody tr').count()).toBe(2);
    expect(await table.locator('tbody tr', { hasText: 'hoa' }).textContent()).toContain(
      'Lê Thị Hoacán bộhoạt động',
    );
    await admin.getByRole('button', { name: 'Xem trước' }).click();
    await eventually(() => admin.getByTestId('retention-report').textContent()).toContain(
      'Chưa đặt thời hạn lưu giữ',
    );
    await saveScreenshot(page, 'sign-in-admin-vi');
    await admin.getByRole('button', { name: 'Đóng' }).click();
    await admin.waitFor({ state: 'detached' });
    expect(problems.filter((p) => p.startsWith('pageerror'))).toEqual([]);
  });

  it('tells a clerk about a wrong password and then a locked account', async () => {
    const admin = await api('auth.signIn', { username: 'admin', password: ADMIN_PASSWORD });
    expect(admin.status).toBe(200);

    await ui.browser.context.clearCookies();
    const { page } = await ui.newPage();
    await page.goto(ui.serve.openUrl);
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    const attempt = async (password: string) => {
      await page.getByLabel('Tên đăng nhập').fill('hoa');
      await page.getByLabel('Mật khẩu').fill(password);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
    };
    await attempt('wrong-password-1');
    await eventually(() => page.getByRole('alert').textContent()).toBe(
      'Sai tên đăng nhập hoặc mật khẩu',
    );
    await attempt('wrong-password-2');
    await attempt('wrong-password-3');
    await eventually(() => page.getByRole('alert').textContent()).toMatch(
      /^Tài khoản "hoa" bị khóa tạm thời vì nhập sai mật khẩu nhiều lần\. Thử lại sau \d\d:\d\d/,
    );
    await saveScreenshot(page, 'sign-in-account-locked-vi');

    // An administrator lifts the lock; the clerk signs in and sees her name, without admin rights.
    expect((await api('accounts.unlock', { username: 'hoa' }, admin.cookie)).status).toBe(200);
    await attempt(CLERK_PASSWORD);
    await page.getByRole('main').waitFor();
    expect(await page.getByTestId('signed-in-clerk').textContent()).toBe('Cán bộ: Lê Thị Hoa');
    expect(await callStatusFromPage(page, 'accounts.list')).toBe(403);

    // Signing out returns to the sign-in screen; the app is gone with the session.
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    expect(await page.getByRole('main').count()).toBe(0);
    expect(await callStatusFromPage(page, 'dossier.list')).toBe(401);
  });
});
