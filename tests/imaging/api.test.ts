import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHttpServer } from '../../src-main/api/index.js';
import type { RunningHttpServer } from '../../src-main/api/index.js';
import { createCore } from '../../src-main/core/index.js';
import type { Core } from '../../src-main/core/index.js';
import { encodePage, renderPage } from '../fixtures/render.js';

// a page rendered and cleaned in a worker thread; a shared CI machine can be slow
vi.setConfig({ testTimeout: 300_000 });

const token = 'imaging-test-token';
let dir: string;
let core: Core;
let server: RunningHttpServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sohoa-imaging-api-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>SoHoa</title>');
  core = createCore({ dataDir: join(dir, 'data'), env: {} });
  server = await startHttpServer({ core, token, port: 0, rendererDir });
});

afterAll(async () => {
  await server.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call(
  method: string,
  input: unknown,
): Promise<{
  status: number;
  body: { result?: unknown; error?: { code: string; messageVi: string } };
}> {
  const response = await fetch(new URL(`/api/call/${method}`, server.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: (await response.json()) as never };
}

describe('imaging API over HTTP', () => {
  it('lists the profiles with every setting resolved', async () => {
    const { status, body } = await call('imaging.profiles', {});
    expect(status).toBe(200);
    expect(body.result).toMatchObject({
      default: 'counter',
      profiles: {
        counter: { colorMode: 'auto', jpegQuality: 60, colorDpi: 200 },
        archive: { colorDpi: 300 },
      },
    });
  });

  it('processes a file into a folder with the profile and overrides given', async () => {
    const page = await renderPage({
      kind: 'prose',
      seed: 81,
      dpi: 200,
      skewDegrees: -5.5,
      seal: true,
    });
    const input = join(dir, 'page.png');
    writeFileSync(input, await encodePage(page.image, 'png'));
    const outDir = join(dir, 'out');
    const { status, body } = await call('imaging.process', {
      input,
      outDir,
      overrides: { colorMode: 'grey', orientation: false },
    });
    expect(status).toBe(200);
    const result = body.result as {
      skewDegrees: number;
      colorMode: string;
      outputBytes: number;
      files: { output: string };
    };
    expect(Math.abs(result.skewDegrees + 5.5)).toBeLessThanOrEqual(0.1);
    expect(result.colorMode).toBe('grey');
    expect(statSync(result.files.output).size).toBe(result.outputBytes);
  });

  it('rejects unknown profiles, bad overrides and unknown keys before touching anything', async () => {
    const input = join(dir, 'page.png');
    const badProfile = await call('imaging.process', { input, profile: 'sepia' });
    expect(badProfile.status).toBe(400);
    expect(badProfile.body.error?.code).toBe('VALIDATION');
    const badOverride = await call('imaging.process', { input, overrides: { jpegQuality: 5000 } });
    expect(badOverride.status).toBe(400);
    expect(badOverride.body.error?.messageVi).toMatch(/không hợp lệ/);
    const unknownKey = await call('imaging.process', { input, rm: '-rf' });
    expect(unknownKey.status).toBe(400);
    const missing = await call('imaging.process', { input: join(dir, 'missing.png') });
    expect(missing.status).toBe(404);
  });
});
