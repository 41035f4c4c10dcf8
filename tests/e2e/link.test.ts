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
  eventually,
  SCANNER_TIMEOUT_MS,
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
  it('shows the loss of the core, reconnects when it is back, and refreshes what it reports', async () => {
    const first = await startServe({ token: 'link-test-token', scanners: 'none' });
    serves.push(first);
    const page = await browser.context.newPage();
    await page.goto(first.openUrl);
    const core = page.locator('[data-status="core"]');
    await eventually(() => core.locator('.status-value').textContent()).toBe('đã kết nối');
    const scanner = page.locator('[data-status="scanner"] .status-value');
    await eventually(() => scanner.textContent(), SCANNER_TIMEOUT_MS).toBe('không có máy quét');

    await first.stop();
    await eventually(() => core.getAttribute('data-tone')).toBe('bad');
    expect(await core.locator('.status-value').textContent()).toBe('mất kết nối');

    // The core comes back, now with a scanner attached (the libsane test backend).
    const second = await startServe({
      token: 'link-test-token',
      port: first.port,
      scanners: 'test',
    });
    serves.push(second);
    await eventually(() => core.locator('.status-value').textContent()).toBe('đã kết nối');
    await eventually(() => scanner.textContent(), SCANNER_TIMEOUT_MS).toBe(
      'Noname frontend-tester',
    );
    // two starts of `sohoa serve` (tsx compiles the sources each time) on a busy 2-core machine
  }, 300_000);
});
