/**
 * Release channels against a real feed on 127.0.0.1 laid out as electron-builder's generic
 * provider writes it: which file each channel and platform reads, that a stable station never
 * takes a pre-release, that `off` or no feed makes no request at all, and that a broken or missing
 * feed is a clear error — through the core, the doctor line and the `sohoa update check` CLI.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkForUpdate, feedFileName } from '../../src-main/core/update/index.js';
import { updateCheck } from '../../src-main/core/diagnostics/checks/update.js';
import { configSchema, packageInfo } from '../../src-main/platform/index.js';
import { runCli } from '../cli/run-cli.js';
import { tempDir } from '../scan/sane-test-device.js';

const files = new Map<string, string>();
const requests: string[] = [];
let server: Server;
let feedUrl: string;

function release(version: string): string {
  return [
    `version: ${version}`,
    'files:',
    `  - url: SoHoa-${version}.AppImage`,
    '    sha512: 3q2+7w==',
    '    size: 104857600',
    `path: SoHoa-${version}.AppImage`,
    'sha512: 3q2+7w==',
    "releaseDate: '2026-11-20T08:00:00.000Z'",
  ].join('\n');
}

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const body = files.get((req.url ?? '').replace('/feed/', ''));
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/yaml' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  files.clear();
  requests.length = 0;
});

const settings = (update: Record<string, unknown>) => configSchema.parse({ update }).update;
const options = {
  currentVersion: '1.2.0',
  timeoutMs: 5000,
  platform: 'linux' as const,
  arch: 'x64',
};

describe('update feed', () => {
  it('names the file electron-updater reads for each channel and platform', () => {
    expect(feedFileName('stable', 'linux', 'x64')).toBe('latest-linux.yml');
    expect(feedFileName('beta', 'linux', 'arm64')).toBe('beta-linux-arm64.yml');
    expect(feedFileName('stable', 'win32', 'x64')).toBe('latest.yml');
    expect(feedFileName('beta', 'win32', 'x64')).toBe('beta.yml');
  });

  it('reports a newer version on the station channel, and nothing when it is current', async () => {
    files.set('latest-linux.yml', release('1.3.0'));
    files.set('beta-linux.yml', release('1.4.0-beta.2'));
    const stable = await checkForUpdate(settings({ feedUrl }), options);
    expect(stable).toMatchObject({
      state: 'available',
      channel: 'stable',
      release: { version: '1.3.0' },
    });
    const beta = await checkForUpdate(settings({ feedUrl, channel: 'beta' }), options);
    expect(beta).toMatchObject({ state: 'available', release: { version: '1.4.0-beta.2' } });
    const current = await checkForUpdate(settings({ feedUrl }), {
      ...options,
      currentVersion: '1.3.0',
    });
    expect(current.state).toBe('up-to-date');
    expect(requests).toEqual([
      '/feed/latest-linux.yml',
      '/feed/beta-linux.yml',
      '/feed/latest-linux.yml',
    ]);
  });

  it('never offers a pre-release to a stable station', async () => {
    files.set('latest-linux.yml', release('2.0.0-rc.1'));
    const status = await checkForUpdate(settings({ feedUrl }), options);
    expect(status.state).toBe('up-to-date');
  });

  it('makes no request when the channel is off or no feed is configured', async () => {
    files.set('latest-linux.yml', release('9.0.0'));
    const off = await checkForUpdate(settings({ feedUrl, channel: 'off' }), options);
    const none = await checkForUpdate(settings({}), options);
    expect(off.state).toBe('disabled');
    expect(off.reason?.en).toMatch(/frozen/);
    expect(none.state).toBe('disabled');
    expect(none.reason?.vi).toMatch(/update\.feedUrl/);
    expect(requests).toEqual([]);
  });

  it('answers a missing, unreachable or malformed feed with a clear error', async () => {
    await expect(checkForUpdate(settings({ feedUrl }), options)).rejects.toMatchObject({
      code: 'UPDATE_NOT_FOUND',
    });
    files.set('latest-linux.yml', 'version: [not, a, version]\nfiles: []');
    await expect(checkForUpdate(settings({ feedUrl }), options)).rejects.toMatchObject({
      code: 'UPDATE_FEED_INVALID',
    });
    const closed = `http://127.0.0.1:9/feed`;
    await expect(checkForUpdate(settings({ feedUrl: closed }), options)).rejects.toMatchObject({
      code: 'UPDATE_UNAVAILABLE',
      messageVi: expect.stringMatching(/Không kết nối được/),
    });
  });

  it('doctor warns (never fails) when the station is behind or the feed is down', async () => {
    const run = (update: Record<string, unknown>) =>
      updateCheck({
        dataDir: '/nonexistent',
        env: {},
        config: configSchema.parse({ update }),
      }).run();
    files.set(feedFileName('stable'), release('99.0.0'));
    expect(await run({ feedUrl })).toMatchObject({
      status: 'warn',
      details: { available: '99.0.0' },
    });
    expect(await run({})).toMatchObject({ status: 'ok' });
    expect(await run({ feedUrl: 'http://127.0.0.1:9/feed' })).toMatchObject({ status: 'warn' });
  });

  it('`sohoa update check --json` reads the feed set in the environment', async () => {
    files.set(feedFileName('stable'), release('99.0.0'));
    const dataDir = tempDir('update-cli');
    const result = await runCli(['--data-dir', dataDir, 'update', 'check', '--json'], {
      SOHOA_UPDATE_FEED_URL: feedUrl,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      state: 'available',
      currentVersion: packageInfo().version,
      release: { version: '99.0.0' },
    });
    const frozen = await runCli(['--data-dir', dataDir, 'update', 'check'], {
      SOHOA_UPDATE_FEED_URL: feedUrl,
      SOHOA_UPDATE_CHANNEL: 'off',
    });
    expect(frozen.stdout).toMatch(/giữ ở phiên bản hiện tại/);
  });
});
