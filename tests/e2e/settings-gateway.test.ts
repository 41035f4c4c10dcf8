/**
 * The gateway client secret in Cài đặt, in a real Chromium against `sohoa serve` and the reference
 * gateway: the station starts without a secret, so a dossier queued earlier waits; the
 * administrator types the secret, the screen says only that it is stored, and the running sync
 * engine sends the dossier without a restart. A clerk sees that only an administrator may change
 * it, even with an administrator written into the data folder's config.json (machine-only, shown
 * as ignored). Screenshots of each state.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/store/index.js';
import { OutboxStore, startGateway } from '../../src-main/sync/index.js';
import type { RunningGateway } from '../../src-main/sync/index.js';
import { AGENCY, CREDENTIALS, entry } from '../sync/fixtures.js';
import { eventually, saveScreenshot, useUiSession } from './harness/index.js';

const credential = CREDENTIALS[0]!;
const keyDir = mkdtempSync(join(tmpdir(), 'sohoa-e2e-keys-'));
const dataDir = mkdtempSync(join(tmpdir(), 'sohoa-e2e-gateway-'));
// Who administers the station is IT's to say, in the machine file.
const machineFile = join(mkdtempSync(join(tmpdir(), 'sohoa-e2e-machine-')), 'config.json');
const administrators = (osAdmins: string[]) =>
  writeFileSync(machineFile, JSON.stringify({ security: { osAdmins } }));
// The reference gateway listens before the station starts (its address goes in the config).
const gateway: Promise<RunningGateway> = startGateway({
  dataDir: mkdtempSync(join(tmpdir(), 'sohoa-e2e-gw-')),
  port: 0,
  credentials: CREDENTIALS,
});

async function prepareStation(): Promise<void> {
  const running = await gateway;
  const store = await openStore(dataDir, { env: { SOHOA_KEY_DIR: keyDir } });
  new OutboxStore(store.db, Date.now).enqueue(entry(join(dataDir, 'files'), 1));
  store.close();
  writeFileSync(
    join(dataDir, 'config.json'),
    JSON.stringify({
      gateway: { baseUrl: running.url, clientId: credential.client_id },
      agency: { code: AGENCY },
      // written into the data folder by someone at the PC: not applied (machine-only)
      security: { osAdmins: [userInfo().username] },
    }),
  );
  // the OS account running the test is this station's administrator
  administrators([userInfo().username]);
}

const ui = useUiSession({
  dataDir,
  scanners: 'none',
  env: { SOHOA_KEY_DIR: keyDir, SOHOA_MACHINE_CONFIG: machineFile },
});
afterAll(async () => (await gateway).close());

describe('gateway client secret in Settings', () => {
  it('an administrator sets it and the waiting dossier syncs; a clerk may not', async () => {
    const running = await gateway;
    const { page, problems } = await ui.openApp({ hash: '#/settings' });
    const station = page.getByRole('form', { name: 'Cơ quan và hệ thống một cửa của tỉnh' });
    const state = station.getByTestId('secret-state');
    await eventually(() => state.textContent()).toContain('Chưa có');
    expect(running.repo.summary()).toMatchObject({ dossiers: 0 });
    const form = page.getByRole('form', { name: 'Mật khẩu máy trạm của cổng kết nối' });
    await saveScreenshot(page, 'settings-gateway-no-secret');

    await form.getByLabel('Mật khẩu máy trạm mới').fill(credential.client_secret);
    await form.getByRole('button', { name: 'Lưu mật khẩu máy trạm' }).click();
    await eventually(() => form.getByRole('status').textContent()).toBe(
      'Đã lưu mật khẩu máy trạm; đồng bộ dùng mật khẩu mới ngay.',
    );
    expect(await form.getByLabel('Mật khẩu máy trạm mới').inputValue()).toBe('');
    expect(await state.textContent()).toBe('Đã lưu trong kho khóa của máy (không hiển thị lại).');
    // The queued dossier goes out through the engine the change restarted, once.
    await expect
      .poll(() => running.repo.summary(), { timeout: 60_000, interval: 200 })
      .toMatchObject({ dossiers: 1, files: 3 });
    expect(await page.content()).not.toContain(credential.client_secret);
    await saveScreenshot(page, 'settings-gateway-secret-saved');

    // IT hands the station to a clerk (no administrator in the machine file) and the app starts
    // again: the secret can no longer be changed from this account.
    administrators([]);
    expect(problems).toEqual([]);
    await page.close(); // it would keep calling the stopped process
    await ui.restartServe();
    const clerk = await ui.openApp({ hash: '#/settings' });
    const clerkForm = clerk.page.getByRole('form', { name: 'Mật khẩu máy trạm của cổng kết nối' });
    await eventually(() => clerk.page.getByTestId('secret-state').textContent()).toContain(
      'Đã lưu',
    );
    await eventually(() => clerkForm.textContent()).toContain(
      'Chỉ quản trị viên được nhập hoặc đổi mật khẩu máy trạm.',
    );
    expect(await clerkForm.getByLabel('Mật khẩu máy trạm mới').count()).toBe(0);
    // The administrator the user's file names is not one; Settings says the section is ignored.
    expect(await clerk.page.getByTestId('config-layers').innerText()).toContain(
      'bỏ qua mục security: chỉ cấu hình máy (bộ phận CNTT) được đặt',
    );
    await saveScreenshot(clerk.page, 'settings-gateway-clerk');
    expect(clerk.problems).toEqual([]);
    expect(running.repo.summary()).toMatchObject({ dossiers: 1, files: 3 });
  }, 240_000);
});

await prepareStation();
