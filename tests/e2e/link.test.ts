/**
 * When the core goes away (stopped, crashed, restarted), the open page says so and comes back
 * by itself when the core does; it never pretends to be connected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureRendererBuilt,
  launchBrowser,
  startServe,
  type Browser,
  type ServeProcess,
} from './harness/index.js';

let browser: Browser;
const serves: ServeProcess[] = [];

beforeAll(async () => {
  await ensureRendererBuilt();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(serves.map((serve) => serve.stop()));
});

describe('link to the core', () => {
  it('shows the loss of the core and reconnects when it is back on the same port', async () => {
    const first = await startServe({ token: 'link-test-token' });
    serves.push(first);
    const page = await browser.context.newPage();
    await page.goto(first.openUrl);
    const core = page.locator('[data-status="core"]');
    await expect.poll(() => core.locator('.status-value').textContent()).toBe('đã kết nối');

    await first.stop();
    await expect.poll(() => core.getAttribute('data-tone')).toBe('bad');
    expect(await core.locator('.status-value').textContent()).toBe('mất kết nối');

    const second = await startServe({ token: 'link-test-token', port: first.port });
    serves.push(second);
    await expect
      .poll(() => core.locator('.status-value').textContent(), { timeout: 20_000 })
      .toBe('đã kết nối');
  });
});
