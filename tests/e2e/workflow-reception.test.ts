/**
 * The clerk's screens in a real Chromium against `sohoa serve`: receiving a dossier by keyboard
 * (procedure found without tone marks, CCCD checked as typed, the code shown, the checklist),
 * the queue with the dossier's sync state, search with snippets, handing back a result paper
 * and reusing it in a new dossier, the shortcut help, and English. Screenshots of every screen.
 */
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eventually, focusedId, saveScreenshot, useUiSession } from './harness/index.js';

const ui = useUiSession({ env: { SOHOA_AGENCY_CODE: '000.00.06.H56' } });

async function api<T>(method: string, input: unknown): Promise<T> {
  const res = await fetch(`${ui.serve.origin}/api/call/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ui.serve.token}` },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { result?: T; error?: unknown };
  if (!res.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.result as T;
}

const checkText = (page: Page) => page.locator('.field-check').first();

async function receive(page: Page, name: string, cccd: string): Promise<string> {
  const search = page.getByRole('combobox', { name: /Tìm thủ tục/ });
  await search.focus();
  await page.keyboard.type('dang ky khai sinh');
  await eventually(() =>
    page.getByRole('option', { selected: true }).locator('.procedure-name').textContent(),
  ).toBe('Đăng ký khai sinh');
  await page.keyboard.press('Enter');
  await eventually(() => page.getByTestId('chosen-procedure').textContent()).toContain('1.001193');
  // the applicant's name has the focus after choosing
  const nameId = await page.getByLabel('Họ và tên chủ hồ sơ *').getAttribute('id');
  await eventually(() => focusedId(page)).toBe(nameId);
  await page.keyboard.type(name);
  await page.getByLabel('Số CCCD / CMND').fill(cccd);
  await page.keyboard.press('Control+Enter');
  await page.getByTestId('dossier-code').waitFor();
  return (await page.getByTestId('dossier-code').textContent()) ?? '';
}

describe('reception, queue, search and results', () => {
  it('receives a dossier from the keyboard, with the CCCD checked as typed', async () => {
    const { page, problems } = await ui.openApp();
    await page.evaluate('sessionStorage.clear()');
    await page.reload();
    await page.getByRole('main').waitFor();
    await eventually(() => page.locator('.next-action').textContent()).toContain(
      'Tìm thủ tục theo tên hoặc mã',
    );
    await page.getByRole('combobox', { name: /Tìm thủ tục/ }).waitFor();
    await page.keyboard.press('/');
    await page.keyboard.type('khai sinh');
    await page.keyboard.press('Enter');
    await page.getByLabel('Họ và tên chủ hồ sơ *').fill('Nguyễn Văn Đặng');

    const identity = page.getByLabel('Số CCCD / CMND');
    await identity.fill('07920');
    await eventually(() => checkText(page).textContent()).toBe(
      'Đã nhập 5 chữ số (CCCD có 12, CMND có 9).',
    );
    await identity.fill('999203001234'); // no province 999
    await eventually(() => identity.getAttribute('aria-invalid')).toBe('true');
    expect(await checkText(page).textContent()).toContain('mã tỉnh 999 không tồn tại');
    await page.getByLabel('Năm sinh (để đối chiếu CCCD)').fill('1990');
    await identity.fill('079203001234');
    await eventually(() => checkText(page).textContent()).toContain('không khớp năm sinh 1990');
    await page.getByLabel('Năm sinh (để đối chiếu CCCD)').fill('2003');
    await eventually(() => checkText(page).textContent()).toBe(
      'CCCD hợp lệ · nơi đăng ký khai sinh: TP. Hồ Chí Minh · nam · sinh năm 2003',
    );
    // cross-boundary reception is offered: the procedure permits it (PhiDiaGioi)
    await page.getByLabel(/Tiếp nhận không phụ thuộc địa giới/).check();
    await page.getByLabel('Mã cơ quan giải quyết').fill('000.00.07.H56');
    await saveScreenshot(page, 'workflow-reception-form');

    await page.getByRole('button', { name: /Tạo hồ sơ/ }).press('Control+Enter');
    const code = page.getByTestId('dossier-code');
    await eventually(() => code.textContent()).toMatch(/^(TAM-)?000\.00\.06\.H56-\d{6}-\d{4}$/);
    const MaHoSo = (await code.textContent()) ?? '';
    const checklist = page.getByRole('table', { name: 'Danh mục thành phần hồ sơ' });
    const rows = checklist.locator('tbody tr');
    expect(await rows.count()).toBe(4);
    expect(await checklist.locator('tr[data-missing]').count()).toBe(3);
    expect(await page.locator('.next-action').textContent()).toContain(
      'Còn 3 thành phần bắt buộc chưa có trang',
    );
    const detail = await api<{ dossier: { DonViXuLy: string; DinhDanhCHS: unknown } }>(
      'dossier.get',
      { MaHoSo },
    );
    expect(detail.dossier).toMatchObject({
      DonViXuLy: '000.00.07.H56',
      DinhDanhCHS: { LoaiDinhDanh: '1', SoDinhDanh: '079203001234' },
    });
    await saveScreenshot(page, 'workflow-reception-created');

    // the procedure is now remembered as recent; a star makes it a favourite
    await page.keyboard.press('Alt+KeyN');
    await page.getByRole('combobox', { name: /Tìm thủ tục/ }).waitFor();
    const first = page.getByRole('option').first();
    expect(await first.locator('.procedure-meta').textContent()).toContain('vừa dùng');
    await page.keyboard.press('Alt+KeyF');
    await eventually(() => first.locator('.procedure-meta').textContent()).toContain('hay dùng');
    expect(problems).toEqual([]);
  });

  it('shows the queue with each dossier’s sync state and says sync is not configured', async () => {
    const { page, problems } = await ui.openApp({ hash: '#/queue' });
    await page.getByRole('heading', { name: 'Hàng đợi và đồng bộ' }).waitFor();
    await eventually(() => page.locator('.banner').textContent()).toContain(
      'Chưa kết nối hệ thống một cửa của tỉnh.',
    );
    const recent = page.getByTestId('recent-dossiers');
    await eventually(() => recent.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await recent.locator('tbody tr').first().locator('td').last().textContent()).toBe(
      'chưa gửi',
    );
    await saveScreenshot(page, 'workflow-queue');

    // Alt+N starts a new dossier from here too: reception opens on the procedure search
    await page.keyboard.press('Alt+KeyN');
    await page.getByRole('combobox', { name: /Tìm thủ tục/ }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/reception');
    expect(problems).toEqual([]);
  });

  it('finds the dossier without tone marks, hands back a result paper and reuses it', async () => {
    const { page, problems } = await ui.openApp({ hash: '#/search' });
    const owner = await api<{ dossier: { MaHoSo: string } }>('dossier.create', {
      MaTTHC: '1.001193',
      ChuHoSo: 'Trần Thị Bích Ngọc',
      SoDinhDanh: '001303004567',
    });
    await page.keyboard.press('/');
    await page.keyboard.type('tran thi bich ngoc');
    const hits = page.getByTestId('search-hits');
    await eventually(() => hits.locator('mark').allTextContents()).toEqual([
      'Trần',
      'Thị',
      'Bích',
      'Ngọc',
    ]);
    await saveScreenshot(page, 'workflow-search');
    await hits
      .getByRole('button', { name: `Mở hồ sơ ${owner.dossier.MaHoSo} của Trần Thị Bích Ngọc` })
      .click();
    await page.getByRole('heading', { name: `Hồ sơ ${owner.dossier.MaHoSo}` }).waitFor();

    // hand back: the birth certificate the citizen collects, scanned to a PNG
    const form = page.getByRole('form', { name: 'Số hóa giấy tờ kết quả' });
    await form.getByLabel('Tên giấy tờ *').fill('Giấy khai sinh');
    await form.getByLabel('Mã kết quả').fill('KQ-KS');
    await form.getByLabel('Số hiệu').fill('215/2026');
    await form.getByLabel('Ngày cấp').fill('2026-11-26');
    const png = await sharp({
      create: { width: 120, height: 170, channels: 3, background: '#f7f3ea' },
    })
      .png()
      .toBuffer();
    await form
      .getByLabel(/Tệp bản quét/)
      .setInputFiles({ name: 'giay-khai-sinh.png', mimeType: 'image/png', buffer: png });
    await form.getByRole('button', { name: 'Lưu giấy tờ kết quả' }).click();
    await eventually(() => form.getByRole('status').textContent()).toBe(
      'Đã lưu “Giấy khai sinh” vào hồ sơ.',
    );
    const results = page.getByTestId('result-list');
    await eventually(() => results.textContent()).toContain('Số hiệu 215/2026');
    expect(await results.textContent()).toContain('Ngày cấp 26/11/2026');
    await saveScreenshot(page, 'workflow-results-handback');

    // a bad file is refused with a clear message and nothing is stored
    await form.getByLabel('Tên giấy tờ *').fill('Tệp hỏng');
    await form
      .getByLabel(/Tệp bản quét/)
      .setInputFiles({ name: 'x.png', mimeType: 'image/png', buffer: Buffer.from('not an image') });
    await form.getByRole('button', { name: 'Lưu giấy tờ kết quả' }).click();
    await eventually(() => form.getByRole('alert').textContent()).toContain(
      'phải là tệp PDF, PNG hoặc JPEG',
    );
    expect(await results.locator('li').count()).toBe(1);

    // the next procedure of the same citizen reuses the paper instead of scanning it
    await page.keyboard.press('Alt+Digit1');
    const MaHoSo = await receive(page, 'Trần Thị Bích Ngọc', '001303004567');
    const earlier = page.getByRole('region', { name: 'Giấy tờ đã có của người này' });
    await earlier
      .getByRole('button', { name: 'Dùng lại “Giấy khai sinh” trong hồ sơ đang tiếp nhận' })
      .waitFor();
    await earlier
      .getByLabel(`Dùng lại cho hồ sơ ${MaHoSo}, thành phần:`)
      .first()
      .selectOption('GIAY_CHUNG_SINH');
    await earlier
      .getByRole('button', { name: 'Dùng lại “Giấy khai sinh” trong hồ sơ đang tiếp nhận' })
      .click();
    await eventually(() => earlier.getByRole('status').first().textContent()).toContain(
      'Đã thêm vào “Giấy chứng sinh hoặc văn bản thay thế giấy chứng sinh” của hồ sơ',
    );
    await eventually(() =>
      page.locator('tr[data-component="GIAY_CHUNG_SINH"] td.num').textContent(),
    ).toBe('1');
    await saveScreenshot(page, 'workflow-reuse');
    const reused = await api<{
      components: Array<{
        MaThanhPhanHoSo: string;
        documents: Array<{ title: string; pages: unknown[] }>;
      }>;
    }>('dossier.get', { MaHoSo });
    const target = reused.components.find((c) => c.MaThanhPhanHoSo === 'GIAY_CHUNG_SINH');
    expect(target?.documents.map((d) => [d.title, d.pages.length])).toEqual([
      ['Giấy khai sinh', 1],
    ]);
    // the refused upload above is the one failed request (HTTP 400, logged by Chromium)
    expect(problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
    expect(problems).toHaveLength(1);
  });

  it('keeps scan profiles, the agency, the gateway and the signing certificate in Settings', async () => {
    const { page, problems } = await ui.openApp({ hash: '#/settings' });
    const profiles = page.getByTestId('scan-profiles');
    await eventually(() => profiles.locator('tbody tr').count()).toBe(1);
    await page.getByRole('button', { name: 'Thêm chế độ quét' }).click();
    const form = page.getByRole('form', { name: 'Thêm chế độ quét' });
    await form.getByLabel('Mã chế độ (chữ thường, số, gạch ngang)').fill('mau-200');
    await form.getByLabel('Tên chế độ').fill('Màu 200 dpi');
    await form.getByLabel('Độ phân giải').selectOption('200');
    await form.getByLabel('Màu').selectOption('color');
    await form.getByLabel('Dùng chế độ này khi quét').check();
    await form.getByRole('button', { name: 'Lưu chế độ quét' }).click();
    await eventually(() => profiles.locator('tr[data-profile="mau-200"] th').textContent()).toBe(
      'Màu 200 dpi (mặc định)',
    );
    const scanner = await api<{
      defaultProfile: string;
      profiles: Array<{ id: string; dpi: number }>;
    }>('scan.profiles', {});
    expect(scanner.defaultProfile).toBe('mau-200');
    expect(scanner.profiles.find((p) => p.id === 'mau-200')?.dpi).toBe(200);

    // a bad id is refused by the core with the field named, nothing saved
    await page.getByRole('button', { name: 'Thêm chế độ quét' }).click();
    await form.getByLabel('Mã chế độ (chữ thường, số, gạch ngang)').fill('Có Dấu');
    await form.getByLabel('Tên chế độ').fill('Sai');
    await form.getByRole('button', { name: 'Lưu chế độ quét' }).click();
    await eventually(() => form.getByRole('alert').textContent()).toContain('id');
    expect(await profiles.locator('tbody tr').count()).toBe(2);
    await form.getByRole('button', { name: 'Hủy' }).click();

    const station = page.getByRole('form', { name: 'Cơ quan và hệ thống một cửa của tỉnh' });
    await station.getByLabel('Tên cơ quan').fill('UBND phường Bến Nghé');
    await station
      .getByLabel('Địa chỉ cổng kết nối của tỉnh')
      .fill('https://motcua.example.gov.vn/sohoa/v1');
    await station.getByLabel('Mã máy trạm (client id)').fill('quay-01');
    await station.getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => station.getByRole('status').textContent()).toBe(
      'Đã lưu vào cấu hình của người dùng.',
    );
    expect(await station.getByTestId('secret-state').textContent()).toContain('sohoa sync login');

    const signing = page.getByRole('form', { name: 'Chứng thư số để ký' });
    await signing.getByLabel('Loại chứng thư').selectOption('pkcs12');
    await signing.getByLabel('Đường dẫn tệp .p12 / .pfx').fill('/etc/sohoa/chung-thu.p12');
    await signing.getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => signing.getByRole('status').textContent()).toBe(
      'Đã lưu vào cấu hình của người dùng.',
    );
    const { config } = await api<{
      config: {
        agency: { name?: string };
        gateway: { baseUrl?: string; clientId?: string };
        signing: { provider: string; pkcs12File?: string };
      };
    }>('config.get', {});
    expect(config).toMatchObject({
      agency: { name: 'UBND phường Bến Nghé' },
      gateway: { baseUrl: 'https://motcua.example.gov.vn/sohoa/v1', clientId: 'quay-01' },
      signing: { provider: 'pkcs12', pkcs12File: '/etc/sohoa/chung-thu.p12' },
    });
    await saveScreenshot(page, 'workflow-settings');
    // the refused profile above is the one failed request (HTTP 400, logged by Chromium)
    expect(problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
  });

  it('lists every shortcut behind "?" and speaks English completely', async () => {
    const { page, problems } = await ui.openApp({ hash: '#/search' });
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Phím tắt' });
    await dialog.waitFor();
    expect(await dialog.locator('kbd').allTextContents()).toEqual([
      'Alt+1…5',
      '?',
      '/',
      'Control+Enter',
      'Alt+N',
      '↑ ↓ Enter',
      'Alt+F',
    ]);
    await saveScreenshot(page, 'workflow-shortcuts');
    await page.keyboard.press('Escape');
    await eventually(() => dialog.isVisible()).toBe(false);

    await page.getByRole('button', { name: 'English' }).click();
    await page.keyboard.press('Alt+Digit1');
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Dossier reception',
    );
    await eventually(() => page.locator('.next-action').textContent()).toMatch(
      /^(Find the procedure|Dossier)/,
    );
    await saveScreenshot(page, 'workflow-reception-en');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    expect(problems).toEqual([]);
  });
});
