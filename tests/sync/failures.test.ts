/**
 * Each failure ends in a clear state and loses nothing: refused credentials, a gateway that
 * answers HTML or broken JSON, a 422 with the province's Vietnamese message, Retry-After, a
 * three-day outage (clock moved), and a file changed on disk after reception.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SyncEngine, checkGatewayUrl, startGateway } from '../../src-main/sync/index.js';
import type { Clock, RunningGateway } from '../../src-main/sync/index.js';
import { CREDENTIALS, entry, settingsFor, syncDb, tempDir } from './fixtures.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function gateway(
  dataDir: string,
  options: { port?: number; now?: () => number } = {},
): Promise<RunningGateway> {
  const gw = await startGateway({ dataDir, credentials: CREDENTIALS, ...options });
  cleanups.push(() => gw.close());
  return gw;
}

/** A plain HTTP server on loopback answering every request with `answer`; counts requests. */
async function fakeServer(
  answer: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ url: string; requests: () => number }> {
  let count = 0;
  const server: Server = createServer((req, res) => {
    count += 1;
    req.resume();
    req.on('end', () => answer(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/sohoa/v1`, requests: () => count };
}

function fakeClock(
  start = Date.parse('2026-11-26T02:00:00Z'),
): Clock & { advance(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

describe('failures end in a clear state with nothing lost', () => {
  it('wrong credentials: auth_failed with the reason, the dossier stays queued; right ones deliver it', async () => {
    const dir = tempDir('auth');
    const gw = await gateway(join(dir, 'gw'));
    const db = await syncDb(dir);
    cleanups.push(() => db.close());
    const wrong = new SyncEngine({
      db,
      settings: settingsFor(gw, { clientSecret: 'not-the-secret' }),
    });
    wrong.outbox.enqueue(entry(join(dir, 'files'), 1));
    const state = await wrong.runUntilIdle();
    expect(state.connectivity).toBe('auth_failed');
    expect(state.problem?.vi).toContain('từ chối thông tin đăng nhập');
    expect(wrong.outbox.all().map((i) => [i.state, i.attempts])).toEqual([['queued', 0]]);

    const right = new SyncEngine({ db, settings: settingsFor(gw) });
    expect((await right.runUntilIdle()).connectivity).toBe('online');
    expect(right.outbox.all()).toEqual([]);
    expect(gw.repo.summary().dossiers).toBe(1);
  });

  it('a captive portal answering HTML is shown as a protocol problem; nothing is sent or lost', async () => {
    const dir = tempDir('html');
    const portal = await fakeServer((_req, res) => {
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<html><body>Đăng nhập Wi-Fi</body></html>');
    });
    const db = await syncDb(dir);
    cleanups.push(() => db.close());
    const gw = await gateway(join(dir, 'gw'));
    const engine = new SyncEngine({ db, settings: { ...settingsFor(gw), gatewayUrl: portal.url } });
    engine.outbox.enqueue(entry(join(dir, 'files'), 2));
    const state = await engine.runPass();
    expect(state.problem?.vi).toContain('sai định dạng');
    expect(state.problem?.en).toContain('text/html');
    expect(state.retryAt).toBeGreaterThan(Date.now() - 1000);
    expect(engine.outbox.all()).toHaveLength(1);
    expect(engine.outbox.all()[0]?.state).toBe('queued');

    const real = new SyncEngine({ db, settings: settingsFor(gw) });
    real.resetConnectivity();
    await real.runUntilIdle();
    expect(real.outbox.all()).toEqual([]);
    expect(gw.repo.summary()).toMatchObject({ dossiers: 1, revisions: 1 });
  });

  it('garbage JSON from the gateway is refused, the item backs off, and later goes through once', async () => {
    const dir = tempDir('garbage');
    const broken = await fakeServer((req, res) => {
      if (req.url?.endsWith('/auth/token')) {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"access_token":"t","token_type":"Bearer","expires_in":3600}');
      } else if (req.url?.includes('/catalog/')) {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"version":"1","items":[]}');
      } else if (req.method === 'HEAD') res.writeHead(401).end();
      else
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"MaHoSo": ["000.00.06.H56-261126-00');
    });
    const db = await syncDb(dir);
    cleanups.push(() => db.close());
    const gw = await gateway(join(dir, 'gw'));
    const clock = fakeClock();
    const engine = new SyncEngine({
      db,
      clock,
      settings: { ...settingsFor(gw), gatewayUrl: broken.url },
    });
    engine.outbox.enqueue(entry(join(dir, 'files'), 3));
    await engine.runPass();
    const [item] = engine.outbox.all();
    expect(item?.state).toBe('queued');
    expect(item?.attempts).toBe(1);
    expect(item?.officialCode).toBeNull();
    expect(item?.lastError).toContain('not JSON');
    expect(engine.state().problem?.vi).toContain('sai định dạng');

    const real = new SyncEngine({ db, clock, settings: settingsFor(gw) });
    clock.advance(60_000);
    await real.runUntilIdle();
    expect(real.outbox.all()).toEqual([]);
    expect(gw.repo.summary()).toMatchObject({ dossiers: 1, revisions: 1 });
  });

  it("a 422 puts the dossier in needs_attention with the province's Vietnamese message; the fix goes through", async () => {
    const dir = tempDir('422');
    const gw = await gateway(join(dir, 'gw'));
    const db = await syncDb(dir);
    cleanups.push(() => db.close());
    const engine = new SyncEngine({ db, settings: settingsFor(gw) });
    const bad = entry(join(dir, 'files'), 4, { MaTTHC: '1.999999' });
    engine.outbox.enqueue(bad);
    await engine.runUntilIdle();
    const [item] = engine.outbox.all();
    expect(item?.state).toBe('needs_attention');
    expect(item?.attention).toBe(
      'Thủ tục hành chính mã 1.999999 không có trong danh mục thủ tục của tỉnh.',
    );
    expect(engine.outbox.counts().needs_attention).toBe(1);
    expect(gw.repo.summary().dossiers).toBe(0);

    engine.outbox.enqueue({ ...bad, dossier: { ...bad.dossier, MaTTHC: '1.001193' } });
    await engine.runUntilIdle();
    expect(engine.outbox.all()).toEqual([]);
    // the official code given before the refusal is kept, and the files are not sent twice
    expect(engine.outbox.receipts()[0]?.MaHoSo).toBe(item?.officialCode);
    expect(gw.repo.summary()).toMatchObject({ dossiers: 1, revisions: 1, files: 3 });
  });

  it('Retry-After is honoured: no request before it has passed', async () => {
    const dir = tempDir('retry-after');
    const busy = await fakeServer((_req, res) => {
      res
        .writeHead(503, { 'content-type': 'application/json', 'retry-after': '120' })
        .end('{"error_code":503,"message":"Hệ thống đang bảo trì."}');
    });
    const db = await syncDb(dir);
    cleanups.push(() => db.close());
    const gw = await gateway(join(dir, 'gw'));
    const clock = fakeClock();
    const engine = new SyncEngine({
      db,
      clock,
      settings: { ...settingsFor(gw), gatewayUrl: busy.url },
    });
    engine.outbox.enqueue(entry(join(dir, 'files'), 5));
    const state = await engine.runPass();
    expect(state.retryAt - clock.now()).toBeGreaterThanOrEqual(120_000);
    const asked = busy.requests();
    clock.advance(119_000);
    await engine.runPass();
    expect(busy.requests()).toBe(asked);
    clock.advance(2_000);
    await engine.runPass();
    expect(busy.requests()).toBeGreaterThan(asked);
    expect(engine.outbox.all()).toHaveLength(1);
  });

  it('three days offline: no spinning while down, token renewed and everything delivered once when back', async () => {
    const dir = tempDir('offline');
    const clock = fakeClock();
    const gwDir = join(dir, 'gw');
    const first = await startGateway({
      dataDir: gwDir,
      credentials: CREDENTIALS,
      now: () => clock.now(),
    });
    const port = first.port;
    const db = await syncDb(dir);
    cleanups.push(() => db.close());
    const engine = new SyncEngine({ db, clock, settings: settingsFor(first) });
    await engine.client.accessToken(); // a token from before the outage
    await first.close();

    for (let n = 10; n < 13; n += 1) engine.outbox.enqueue(entry(join(dir, 'files'), n));
    const down = await engine.runUntilIdle();
    expect(down.connectivity).toBe('offline');
    expect(down.nextProbeAt).toBeGreaterThan(clock.now());
    const probes = vi.spyOn(engine.client, 'reachable');
    for (let i = 0; i < 5; i += 1) await engine.runPass();
    expect(probes).not.toHaveBeenCalled();
    // three days pass, with the station trying now and then
    for (let hour = 0; hour < 72; hour += 1) {
      clock.advance(3600_000);
      await engine.runPass();
    }
    expect(probes.mock.calls.length).toBeLessThanOrEqual(72);
    expect(engine.outbox.all().map((i) => [i.state, i.attempts])).toEqual([
      ['queued', 0],
      ['queued', 0],
      ['queued', 0],
    ]);
    expect(engine.state().connectivity).toBe('offline');

    const back = await gateway(gwDir, { port, now: () => clock.now() });
    clock.advance(5 * 60_000);
    const state = await engine.runUntilIdle();
    expect(state.connectivity).toBe('online');
    expect(engine.outbox.all()).toEqual([]);
    expect(back.repo.summary()).toMatchObject({ dossiers: 3, revisions: 3, maxRevision: 1 });
  });

  it('a file changed on disk after reception is not sent: needs_attention says so', async () => {
    const dir = tempDir('changed');
    const gw = await gateway(join(dir, 'gw'));
    const db = await syncDb(dir);
    cleanups.push(() => db.close());
    const engine = new SyncEngine({ db, settings: settingsFor(gw) });
    const e = entry(join(dir, 'files'), 6);
    engine.outbox.enqueue(e);
    writeFileSync(e.files[1]?.path ?? '', 'not the scanned PDF');
    await engine.runUntilIdle();
    const [item] = engine.outbox.all();
    expect(item?.state).toBe('needs_attention');
    expect(item?.attention).toContain('đã bị thay đổi hoặc hỏng');
    expect(gw.repo.summary().dossiers).toBe(0);
  });

  it('refuses plain http:// except on loopback', () => {
    expect(() => checkGatewayUrl('http://motcua.tinh.gov.vn/sohoa/v1')).toThrow(/https/);
    expect(checkGatewayUrl('https://motcua.tinh.gov.vn/sohoa/v1/')).toBe(
      'https://motcua.tinh.gov.vn/sohoa/v1',
    );
    expect(checkGatewayUrl('http://127.0.0.1:8443/sohoa/v1')).toBe(
      'http://127.0.0.1:8443/sohoa/v1',
    );
    expect(checkGatewayUrl('http://[::1]:8443/x')).toBe('http://[::1]:8443/x');
    expect(checkGatewayUrl('http://localhost/x')).toBe('http://localhost/x');
    expect(() => checkGatewayUrl('ftp://127.0.0.1/x')).toThrow();
    expect(() => checkGatewayUrl('https://user:pw@host/x')).toThrow();
  });
});
