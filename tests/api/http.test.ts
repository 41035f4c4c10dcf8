import { mkdtempSync, readFileSync, existsSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHttpServer, type RunningHttpServer } from '../../src-main/api/index.js';
import { createCore, type Core } from '../../src-main/core/index.js';

const TOKEN = 'test-token_1~x';
let dir: string;
let core: Core;
let server: RunningHttpServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sohoa-http-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><title>SoHoa</title><p>Tiếp nhận</p>',
  );
  core = createCore({
    dataDir: join(dir, 'data'),
    env: { SOHOA_MACHINE_CONFIG: join(dir, 'machine.json') },
  });
  server = await startHttpServer({ core, token: TOKEN, port: 0, rendererDir });
});

afterAll(async () => {
  await server.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

function call(
  method: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(new URL(`/api/call/${method}`, server.url), {
    method: 'POST',
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body,
  });
}

const bearer = { authorization: `Bearer ${TOKEN}` };

describe('browser-mode HTTP transport', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
  });

  it('answers 401 without a token, with a wrong one, or with a wrong cookie', async () => {
    const attempts: Array<Record<string, string>> = [
      {},
      { authorization: 'Bearer nope' },
      { cookie: 'sohoa_token=nope' },
    ];
    for (const headers of attempts) {
      const res = await call('app.info', undefined, headers);
      expect(res.status).toBe(401);
      const body = (await res.json()) as { error: { code: string; messageVi: string } };
      expect(body.error.code).toBe('UNAUTHORIZED');
      expect(body.error.messageVi).toContain('token');
    }
  });

  it('runs a call with the bearer token and answers { result }', async () => {
    const res = await call('app.info', undefined, bearer);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as {
      result: { name: string; transport: string; dataDir: string };
    };
    expect(body.result).toMatchObject({
      name: 'SoHoa',
      transport: 'browser',
      dataDir: core.dataDir,
    });
  });

  it('trades /?token= for an HttpOnly SameSite=Strict cookie that authorises calls', async () => {
    const res = await fetch(new URL(`/?token=${encodeURIComponent(TOKEN)}`, server.url), {
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^sohoa_token=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const pair = cookie.split(';')[0] ?? '';
    const ok = await call('config.get', undefined, { cookie: `other=1; ${pair}` });
    expect(ok.status).toBe(200);

    const wrong = await fetch(new URL('/?token=wrong', server.url), { redirect: 'manual' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('answers 400 for malformed JSON', async () => {
    const res = await call('config.set', '{"patch":', bearer);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.message).toContain('not valid JSON');
  });

  it('answers 400 naming the field when the input fails its schema, and changes nothing', async () => {
    const userFile = join(core.dataDir, 'config.json');
    const res = await call(
      'config.set',
      JSON.stringify({ patch: { sync: { intervalSeconds: 'often' } } }),
      bearer,
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string; messageVi: string } };
    expect(body.error.message).toContain('sync.intervalSeconds');
    expect(body.error.messageVi).toMatch(/sync\.intervalSeconds: .*mong đợi số/);
    expect(existsSync(userFile)).toBe(false);

    const extra = await call('app.info', JSON.stringify({ verbose: true }), bearer);
    expect(extra.status).toBe(400);
    expect(((await extra.json()) as { error: { message: string } }).error.message).toContain(
      'verbose: unknown key',
    );

    const missing = await call('config.set', JSON.stringify({}), bearer);
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toContain(
      'patch',
    );
    expect(existsSync(userFile)).toBe(false);
  });

  it('answers 404 for an unknown method or API route, even before auth matters to the handler', async () => {
    const res = await call('app.nothing', undefined, bearer);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    const route = await fetch(new URL('/api/other', server.url), { headers: bearer });
    expect(route.status).toBe(404);
    const unauth = await call('app.nothing');
    expect(unauth.status).toBe(401);
  });

  it('serves the renderer with a strict CSP', async () => {
    const res = await fetch(server.url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Tiếp nhận');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-frame-options')).toBe('DENY');

    const route = await fetch(new URL('/tra-cuu', server.url));
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('Tiếp nhận');
    expect((await fetch(new URL('/assets/missing.js', server.url))).status).toBe(404);
  });
});

describe('event WebSocket', () => {
  const wsUrl = (): string => server.url.replace(/^http/, 'ws') + 'api/events';

  it('refuses the upgrade without the token', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const socket = new WebSocket(wsUrl());
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.on('open', () => reject(new Error('opened without a token')));
      socket.on('error', () => undefined);
    });
    expect(status).toBe(401);
  });

  it('pushes contract events to an authorised client', async () => {
    const socket = new WebSocket(wsUrl(), { headers: bearer });
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const received = new Promise<{
      event: string;
      payload: { config: { sync: { intervalSeconds: number } } };
    }>((resolve) =>
      socket.once('message', (data: Buffer) => resolve(JSON.parse(data.toString('utf8')))),
    );
    const res = await call(
      'config.set',
      JSON.stringify({ patch: { sync: { intervalSeconds: 90 } } }),
      bearer,
    );
    expect(res.status).toBe(200);
    const message = await received;
    expect(message.event).toBe('config.changed');
    expect(message.payload.config.sync.intervalSeconds).toBe(90);
    expect(JSON.parse(readFileSync(join(core.dataDir, 'config.json'), 'utf8'))).toEqual({
      sync: { intervalSeconds: 90 },
    });
    socket.close();
  });
});
