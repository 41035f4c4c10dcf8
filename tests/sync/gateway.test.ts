/**
 * The reference gateway against the contract, over real HTTP: tokens, 460 on a sha256 mismatch,
 * idempotent PUT with revisions and If-Match, code leases, and injected 503 with Retry-After.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startGateway } from '../../src-main/sync/index.js';
import type { RunningGateway } from '../../src-main/sync/index.js';
import { AGENCY, CREDENTIALS, tempDir } from './fixtures.js';

const running: RunningGateway[] = [];
afterEach(async () => {
  while (running.length) await running.pop()?.close();
});

async function gateway(faults = {}): Promise<RunningGateway> {
  const gw = await startGateway({
    dataDir: join(tempDir('gateway'), 'gw'),
    credentials: CREDENTIALS,
    faults,
  });
  running.push(gw);
  return gw;
}

async function token(gw: RunningGateway): Promise<Record<string, string>> {
  const res = await fetch(`${gw.url}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      client_id: CREDENTIALS[0]?.client_id,
      client_secret: CREDENTIALS[0]?.client_secret,
      MaDonVi: AGENCY,
    }),
  });
  const body = (await res.json()) as { access_token: string };
  return { authorization: `Bearer ${body.access_token}` };
}

const b64 = (s: string): string => Buffer.from(s).toString('base64');

async function upload(
  gw: RunningGateway,
  auth: Record<string, string>,
  bytes: Buffer,
  announced: string,
): Promise<{ status: number; location: string; body: string }> {
  const created = await fetch(`${gw.url}/files`, {
    method: 'POST',
    headers: {
      ...auth,
      'tus-resumable': '1.0.0',
      'upload-length': String(bytes.length),
      'upload-metadata': `filename ${b64('a.pdf')},mime ${b64('application/pdf')},sha256 ${b64(announced)}`,
    },
  });
  expect(created.status).toBe(201);
  const location = created.headers.get('location') ?? '';
  const patched = await fetch(location, {
    method: 'PATCH',
    headers: {
      ...auth,
      'tus-resumable': '1.0.0',
      'upload-offset': '0',
      'content-type': 'application/offset+octet-stream',
    },
    body: bytes,
  });
  return { status: patched.status, location, body: await patched.text() };
}

describe('reference gateway', () => {
  it('refuses wrong credentials and missing tokens with the contract error body', async () => {
    const gw = await gateway();
    const res = await fetch(`${gw.url}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        client_id: 'station-test',
        client_secret: 'wrong-secret',
        MaDonVi: AGENCY,
      }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error_code: 401,
      message: 'Sai mã máy trạm, mật khẩu hoặc mã đơn vị.',
    });
    expect((await fetch(`${gw.url}/catalog/procedures`)).status).toBe(401);
  });

  it('rejects a file whose bytes do not match the announced sha256 with 460, and forgets it', async () => {
    const gw = await gateway();
    const auth = await token(gw);
    const bytes = Buffer.from('%PDF-1.7 scanned page');
    const bad = await upload(gw, auth, bytes, '0'.repeat(64));
    expect(bad.status).toBe(460);
    expect(JSON.parse(bad.body).message).toContain('không khớp');
    expect(
      (
        await fetch(bad.location, {
          method: 'HEAD',
          headers: { ...auth, 'tus-resumable': '1.0.0' },
        })
      ).status,
    ).toBe(404);
    const good = await upload(gw, auth, bytes, createHash('sha256').update(bytes).digest('hex'));
    expect(good.status).toBe(204);
    expect(gw.repo.summary().files).toBe(1);
  });

  it('PUT is idempotent, a changed body is the next revision, a stale If-Match is 409', async () => {
    const gw = await gateway();
    const auth = { ...(await token(gw)), 'content-type': 'application/json' };
    const codes = await fetch(`${gw.url}/dossier-codes`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ MaDonVi: AGENCY, Ngay: '261126', SoLuong: 2 }),
    });
    const { MaHoSo } = (await codes.json()) as { MaHoSo: string[] };
    expect(MaHoSo).toEqual([`${AGENCY}-261126-0001`, `${AGENCY}-261126-0002`]);
    const foreign = await fetch(`${gw.url}/dossier-codes`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ MaDonVi: '000.00.08.H56', Ngay: '261126', SoLuong: 1 }),
    });
    expect(foreign.status).toBe(422);

    const dossier = {
      MaHoSo: MaHoSo[0],
      MaTTHC: '1.001193',
      TenTTHC: 'Đăng ký khai sinh',
      ChuHoSo: 'Phạm Văn Đức',
      LoaiDoiTuong: 1,
      NgayTiepNhan: '20261126100000',
      NoiNopHoSo: AGENCY,
      DonViXuLy: AGENCY,
      TrangThaiHoSo: 2,
      TaiLieuNop: [],
    };
    const put = (body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${gw.url}/dossiers/${MaHoSo[0]}`, {
        method: 'PUT',
        headers: { ...auth, ...headers },
        body: JSON.stringify(body),
      });
    const first = await put(dossier);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ error_code: 0, MaHoSo: MaHoSo[0], PhienBan: '1' });
    const again = await put(dossier);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { PhienBan: string }).PhienBan).toBe('1');
    const edited = await put({ ...dossier, DiaChi: 'Tổ 5' }, { 'If-Match': '1' });
    expect(((await edited.json()) as { PhienBan: string }).PhienBan).toBe('2');
    const stale = await put({ ...dossier, DiaChi: 'Tổ 6' }, { 'If-Match': '1' });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { message: string }).message).toContain('phiên bản 2');
    expect(gw.repo.summary()).toMatchObject({ dossiers: 1, revisions: 2 });
    const got = await fetch(`${gw.url}/dossiers/${MaHoSo[0]}`, { headers: auth });
    expect(await got.json()).toMatchObject({ DiaChi: 'Tổ 5', PhienBan: '2', TrangThaiHoSo: 2 });
  });

  it('fault injection answers 503 with Retry-After', async () => {
    const gw = await gateway({ failRate: 1, retryAfterSeconds: 7 });
    const statuses = new Set<number>();
    for (let i = 0; i < 12; i += 1) {
      const res = await fetch(`${gw.url}/catalog/agencies`);
      statuses.add(res.status);
      if (res.status === 503) expect(res.headers.get('retry-after')).toBe('7');
      expect(((await res.json()) as { error_code: number }).error_code).toBe(res.status);
    }
    expect([...statuses].every((s) => s === 503 || s === 500)).toBe(true);
  });
});
