/**
 * The dossier methods over the real HTTP transport on 127.0.0.1: good input works, bad input gets
 * a 400 with Vietnamese and English messages and changes nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer } from '../../src-main/api/index.js';
import type { RunningHttpServer } from '../../src-main/api/index.js';
import { createCore } from '../../src-main/core/index.js';
import type { Core } from '../../src-main/core/index.js';
import { storeService } from '../../src-main/core/dossiers/index.js';
import { AGENCY, snapshot } from './helpers.js';
import { callApi, type ApiAnswer } from '../api/call.js';

const TOKEN = 'store-api-test-token';
let dir: string;
let core: Core;
let server: RunningHttpServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sohoa-store-api-'));
  core = createCore({
    dataDir: join(dir, 'data'),
    env: { SOHOA_MACHINE_CONFIG: join(dir, 'machine.json'), SOHOA_AGENCY_CODE: AGENCY },
  });
  server = await startHttpServer({ core, token: TOKEN, port: 0, rendererDir: dir });
});

afterAll(async () => {
  await server.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = (method: string, input: unknown): Promise<ApiAnswer> =>
  callApi(server.url, TOKEN, method, input);

describe('dossier API over HTTP', () => {
  it('receives a dossier with the station agency, then shows, lists and finds it', async () => {
    const created = await call('dossier.create', {
      MaTTHC: '1.000894',
      ChuHoSo: 'Đặng Thị Thu',
      SoDinhDanh: '079190000456',
      NamSinh: 1990,
    });
    expect(created.status).toBe(200);
    const detail = created.body.result as {
      dossier: { MaHoSo: string; NoiNopHoSo: string; DonViXuLy: string; NgayHenTra?: string };
      components: unknown[];
    };
    expect(detail.dossier.NoiNopHoSo).toBe(AGENCY);
    expect(detail.dossier.DonViXuLy).toBe(AGENCY);
    expect(detail.components.length).toBeGreaterThan(0);
    const got = await call('dossier.get', { MaHoSo: detail.dossier.MaHoSo });
    expect((got.body.result as typeof detail).dossier.MaHoSo).toBe(detail.dossier.MaHoSo);
    const hits = await call('dossier.search', { query: 'dang thi thu' });
    expect((hits.body.result as Array<{ MaHoSo: string }>)[0]?.MaHoSo).toBe(detail.dossier.MaHoSo);
    const list = await call('dossier.list', { MaTTHC: '1.000894' });
    expect(list.body.result).toHaveLength(1);
    expect((await call('audit.verify', {})).body.result).toMatchObject({ ok: true, rows: 1 });
    expect((await call('doctor.run', {})).body.result).toMatchObject({ status: 'ok' });
    expect(
      ((await call('catalog.procedures', {})).body.result as unknown[]).length,
    ).toBeGreaterThanOrEqual(20);
  });

  it.each([
    [
      '13-digit CCCD',
      { MaTTHC: '1.001193', ChuHoSo: 'A', SoDinhDanh: '0791900004567' },
      /12 chữ số/,
    ],
    [
      'CCCD against birth year',
      { MaTTHC: '1.001193', ChuHoSo: 'A', SoDinhDanh: '079190000456', NamSinh: 2001 },
      /năm sinh/,
    ],
    ['wrong procedure code', { MaTTHC: '1001193', ChuHoSo: 'A' }, /MaTTHC/],
    ['unknown procedure', { MaTTHC: '9.999999', ChuHoSo: 'A' }, /không có trong danh mục/],
    [
      'path separator in a name',
      { MaTTHC: '1.001193', ChuHoSo: '../../etc/passwd' },
      /path separators/,
    ],
    ['wrong agency code', { MaTTHC: '1.001193', ChuHoSo: 'A', DonViXuLy: 'H56' }, /DonViXuLy/],
    [
      'impossible date',
      { MaTTHC: '1.001193', ChuHoSo: 'A', NgayTiepNhan: '20260230090000' },
      /NgayTiepNhan/,
    ],
    ['unknown field', { MaTTHC: '1.001193', ChuHoSo: 'A', MaHoSo: 'x' }, /MaHoSo/],
  ])(
    'refuses %s with a clear error and leaves the store unchanged',
    async (_label, input, message) => {
      const store = await core.use(storeService);
      const before = snapshot(store);
      const res = await call('dossier.create', input);
      expect([400, 404]).toContain(res.status);
      const error = res.body.error as { code: string; message: string; messageVi: string };
      expect(`${error.messageVi}\n${error.message}`).toMatch(message);
      expect(error.messageVi).not.toBe(error.message);
      expect(snapshot(store)).toEqual(before);
    },
  );

  it('search with FTS syntax or no words never errors out of the database', async () => {
    for (const query of ['"', 'NEAR(', "') OR 1=1 --"]) {
      const res = await call('dossier.search', { query });
      expect([200, 400]).toContain(res.status);
      if (res.status === 400) expect((res.body.error as { code: string }).code).toBe('VALIDATION');
    }
  });
});
