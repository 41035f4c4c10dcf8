/**
 * Extracted fields to confirm, over the real HTTP transport on a real SQLite station: a rendered
 * form page read by the real pipeline (cleanup + tesseract.js) lists its CCCD, name and phone
 * against what the clerk typed; using a scanned value fills the applicant (search follows, the
 * audit names the clerk without the personal values), keeping the typed one is remembered even
 * after the page is read again; bad input, unknown dossiers and finished dossiers are refused in
 * Vietnamese and English and change nothing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer } from '../../src-main/api/index.js';
import type { RunningHttpServer } from '../../src-main/api/index.js';
import type { ApplicantFieldView, DossierFields } from '../../src-main/core/dossiers/index.js';
import { pipelineService } from '../../src-main/core/pipeline/index.js';
import type { PipelineService } from '../../src-main/core/pipeline/index.js';
import type { Dossier } from '../../src-main/domain/index.js';
import { callApi } from '../api/call.js';
import type { ApiAnswer } from '../api/call.js';
import { componentId, landPage, newDossier, openStation } from '../pipeline/helpers.js';
import type { Station } from '../pipeline/helpers.js';
import type { FormFields } from '../fixtures/render.js';
import { snapshot } from '../store/helpers.js';

const TOKEN = 'applicant-fields-test-token';
/** Valid (HCMC, male, born 2003) but not the number printed on the form. */
const TYPED_CCCD = '079203001234';
const TYPED_PHONE = '0903123456';

let station: Station;
let pipeline: PipelineService;
let server: RunningHttpServer;
let MaHoSo = '';
let dossierId = 0;
let formPageId = 0;
let truth: FormFields;

const call = (method: string, input: unknown): Promise<ApiAnswer> =>
  callApi(server.url, TOKEN, method, input);

async function ok<T>(method: string, input: unknown): Promise<T> {
  const answer = await call(method, input);
  if (answer.status !== 200)
    throw new Error(`${method} → ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.result as T;
}

const fields = () => ok<DossierFields>('dossier.fields', { MaHoSo });

/** The clerk's decision on a field as the panel sends it (the value shown with its id). */
const decide = (field: ApplicantFieldView, decision: 'use' | 'keep', code = MaHoSo) =>
  call('dossier.decideField', { MaHoSo: code, fieldId: field.id, value: field.value, decision });

async function decided(field: ApplicantFieldView, decision: 'use' | 'keep'): Promise<Dossier> {
  const answer = await decide(field, decision);
  if (answer.status !== 200) throw new Error(`decideField → ${JSON.stringify(answer.body)}`);
  return answer.body.result as Dossier;
}

function first(list: DossierFields, kind: string): ApplicantFieldView {
  const field = list.groups.find((g) => g.kind === kind)?.fields[0];
  if (!field) throw new Error(`no ${kind} field in ${JSON.stringify(list.groups)}`);
  return field;
}

function errorOf(answer: ApiAnswer): { code: string; message: string; messageVi: string } {
  return answer.body.error as { code: string; message: string; messageVi: string };
}

function auditRows(action: string) {
  return station.store.db
    .prepare(
      'SELECT actor, details FROM audit_log WHERE dossier_id = ? AND action = ? ORDER BY seq',
    )
    .all(dossierId, action) as Array<{ actor: string; details: string }>;
}

beforeAll(async () => {
  station = await openStation();
  pipeline = await station.core.use(pipelineService);
  const rendererDir = join(station.dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>SoHoa</title>');
  server = await startHttpServer({ core: station.core, token: TOKEN, port: 0, rendererDir });
  const detail = await newDossier(station.core, {
    ChuHoSo: 'Nguyễn Văn Đặng',
    SoDinhDanh: TYPED_CCCD,
  });
  MaHoSo = detail.dossier.MaHoSo;
  dossierId = detail.dossier.id;
  // a second page before the form, so the form is the component's page 2
  await landPage(station.store, componentId(detail, 'TK_KHAI_SINH'), {
    kind: 'short',
    seed: 3,
    dpi: 200,
  });
  const form = await landPage(station.store, componentId(detail, 'TK_KHAI_SINH'), {
    kind: 'form',
    seed: 11,
    dpi: 300,
  });
  formPageId = form.page.id;
  if (!form.rendered.truth.fields) throw new Error('the form fixture has no fields');
  truth = form.rendered.truth.fields;
  const status = await pipeline.waitForDossier(dossierId, { timeoutMs: 240_000 });
  expect(status.counts.done).toBe(2);
}, 300_000);

afterAll(async () => {
  await server?.close();
  await station?.remove();
});

describe('dossier.fields', () => {
  it('lists the values read off the pages by kind, applicant kinds first, against what was typed', async () => {
    const list = await fields();
    expect(list.MaHoSo).toBe(MaHoSo);
    expect(list.editable).toBe(true);
    expect(list.applicant).toMatchObject({ ChuHoSo: 'Nguyễn Văn Đặng', SoDinhDanh: TYPED_CCCD });
    const kinds = list.groups.map((g) => g.kind);
    expect(kinds.slice(0, 1)).toEqual(['cccd']);
    expect(kinds).toEqual(expect.arrayContaining(['cccd', 'name', 'phone', 'date']));
    expect(kinds.indexOf('name')).toBeLessThan(kinds.indexOf('date'));

    const cccd = first(list, 'cccd');
    expect(cccd).toMatchObject({
      pageId: formPageId,
      MaThanhPhanHoSo: 'TK_KHAI_SINH',
      pageIndex: 1,
      value: truth.cccd,
      valid: true,
      target: 'SoDinhDanh',
      proposed: truth.cccd,
      current: TYPED_CCCD,
      status: 'open',
    });
    expect(cccd.confidence).toBeGreaterThan(0.5);
    const [x0, y0, x1, y1] = cccd.box;
    expect(x1).toBeGreaterThan(x0);
    expect(y1).toBeGreaterThan(y0);
    expect(x1).toBeLessThanOrEqual(cccd.image?.width ?? 0);
    expect(y1).toBeLessThanOrEqual(cccd.image?.height ?? 0);

    // the form prints the name in capitals (OCR may miss a tone mark: the clerk compares);
    // the applicant gets it written as a name
    const name = first(list, 'name');
    expect(name.value).toBe(name.value.toLocaleUpperCase('vi'));
    expect(name.value.split(' ')).toHaveLength(truth.fullName.split(' ').length);
    expect(name.proposed).toBe(
      name.value
        .toLocaleLowerCase('vi')
        .replace(
          /(^|\s)(\p{L})/gu,
          (_, space: string, letter: string) => space + letter.toLocaleUpperCase('vi'),
        ),
    );
    expect(name).toMatchObject({ target: 'ChuHoSo', current: 'Nguyễn Văn Đặng', status: 'open' });
    expect(first(list, 'phone')).toMatchObject({ target: 'SoDienThoai', current: TYPED_PHONE });
    expect(first(list, 'date').target).toBeUndefined();
  });

  it('answers an unknown dossier with 404 in both languages', async () => {
    const answer = await call('dossier.fields', { MaHoSo: '000.00.06.H56-991231-9999' });
    expect(answer.status).toBe(404);
    expect(errorOf(answer).messageVi).toContain('000.00.06.H56-991231-9999');
  });
});

describe('dossier.decideField', () => {
  it('fills the applicant with a scanned CCCD: stored, searchable, audited without the number', async () => {
    const before = first(await fields(), 'cccd');
    const dossier = await decided(before, 'use');
    expect(dossier.DinhDanhCHS).toEqual({ LoaiDinhDanh: '1', SoDinhDanh: truth.cccd });
    expect(station.store.dossiers.require(dossierId).DinhDanhCHS?.SoDinhDanh).toBe(truth.cccd);
    const hits = station.store.search.search({ query: truth.cccd });
    expect(hits.some((h) => h.kind === 'dossier' && h.MaHoSo === MaHoSo)).toBe(true);

    const after = first(await fields(), 'cccd');
    expect(after).toMatchObject({ current: truth.cccd, status: 'same' });
    const [audit] = auditRows('dossier.applicant');
    const creator = station.store.db
      .prepare("SELECT actor FROM audit_log WHERE action = 'dossier.create' AND dossier_id = ?")
      .get(dossierId) as { actor: string };
    expect(audit?.actor).toBeTruthy();
    expect(audit?.actor).not.toBe(creator.actor); // the HTTP session's clerk, not the test's
    expect(JSON.parse(audit?.details ?? '{}')).toMatchObject({
      fields: ['DinhDanhCHS'],
      source: { pageId: formPageId, kind: 'cccd' },
    });
    expect(audit?.details).not.toContain(truth.cccd);
    expect((await call('audit.verify', {})).body.result).toMatchObject({ ok: true });
  });

  it('keeps the typed phone; the decision survives the page being read again', async () => {
    const phone = first(await fields(), 'phone');
    await decided(phone, 'keep');
    expect(station.store.dossiers.require(dossierId).SoDienThoai).toBe(TYPED_PHONE);
    expect(first(await fields(), 'phone').status).toBe('kept');
    expect(auditRows('dossier.applicant.keep')).toHaveLength(1);

    // reading the page again replaces its field rows; the clerk is not asked again
    pipeline.reprocessPage(formPageId);
    await pipeline.waitForDossier(dossierId, { timeoutMs: 240_000 });
    expect(first(await fields(), 'phone').status).toBe('kept');
    // a screen showing another value under that id (rows are replaced) is told to reload
    const stale = await call('dossier.decideField', {
      MaHoSo,
      fieldId: phone.id,
      value: '0999999999',
      decision: 'use',
    });
    expect(stale.status).toBe(404);
    expect(errorOf(stale).messageVi).toContain('tải lại');
    expect(errorOf(stale).message).toContain('reload');
    expect(station.store.dossiers.require(dossierId).SoDienThoai).toBe(TYPED_PHONE);
  }, 300_000);

  it('refuses a kind that is not about the applicant, and a field of another dossier', async () => {
    const date = first(await fields(), 'date');
    const dateAnswer = await decide(date, 'use');
    expect(dateAnswer.status).toBe(400);
    expect(errorOf(dateAnswer).messageVi).toContain('không dùng cho thông tin người nộp');

    const other = await newDossier(station.core, { ChuHoSo: 'Trần Thị Mai' });
    const before = snapshot(station.store);
    const name = first(await fields(), 'name');
    const foreign = await decide(name, 'use', other.dossier.MaHoSo);
    expect(foreign.status).toBe(404);
    expect(station.store.dossiers.require(other.dossier.id).ChuHoSo).toBe('Trần Thị Mai');
    expect(snapshot(station.store)).toEqual(before);
  });
});

describe('dossier.updateApplicant', () => {
  it('changes what was typed, NFC, and the search finds the new name without tone marks', async () => {
    const decomposed = 'Lê Thị Hồng Nhung'.normalize('NFD');
    const dossier = await ok<Dossier>('dossier.updateApplicant', {
      MaHoSo,
      ChuHoSo: decomposed,
      DiaChi: '12 Lê Lợi, phường Bến Nghé',
      Email: 'nhung@example.vn',
    });
    expect(dossier).toMatchObject({
      ChuHoSo: 'Lê Thị Hồng Nhung',
      DiaChi: '12 Lê Lợi, phường Bến Nghé',
      Email: 'nhung@example.vn',
      SoDienThoai: TYPED_PHONE,
    });
    expect(dossier.ChuHoSo).toBe(dossier.ChuHoSo.normalize('NFC'));
    const hits = station.store.search.search({ query: 'le thi hong nhung' });
    expect(hits.some((h) => h.kind === 'dossier' && h.MaHoSo === MaHoSo)).toBe(true);
    const audit = auditRows('dossier.applicant').at(-1);
    expect(JSON.parse(audit?.details ?? '{}').fields).toEqual(['ChuHoSo', 'Email', 'DiaChi']);
  });

  it('refuses what reception refuses, in both languages, and changes nothing', async () => {
    const before = snapshot(station.store);
    const dossier = station.store.dossiers.require(dossierId);
    const cases: Array<[unknown, number, RegExp, RegExp]> = [
      [{ MaHoSo, SoDinhDanh: '999203001234' }, 400, /mã tỉnh 999/, /province code 999/],
      [{ MaHoSo, SoDinhDanh: '12345' }, 400, /12 chữ số/, /12 digits/],
      [{ MaHoSo, SoDinhDanh: TYPED_CCCD, NamSinh: 1990 }, 400, /năm sinh 1990/, /birth year 1990/],
      [{ MaHoSo, SoDienThoai: 'gọi tôi' }, 400, /số điện thoại/, /phone number/],
      [{ MaHoSo, ChuHoSo: 'a/b' }, 400, /không hợp lệ/, /path separators/],
      [{ MaHoSo }, 400, /cần ít nhất một/, /give at least one/],
      [{ MaHoSo, ChuHoSo: 'An', LoaiDoiTuong: 2 }, 400, /LoaiDoiTuong/, /LoaiDoiTuong/],
      [{ MaHoSo: '000.00.06.H56-991231-9999', ChuHoSo: 'An' }, 404, /Không có hồ sơ/, /991231/],
    ];
    for (const [input, status, vi, en] of cases) {
      const answer = await call('dossier.updateApplicant', input);
      expect(answer.status, JSON.stringify(input)).toBe(status);
      expect(errorOf(answer).messageVi, JSON.stringify(input)).toMatch(vi);
      expect(errorOf(answer).message, JSON.stringify(input)).toMatch(en);
    }
    expect(station.store.dossiers.require(dossierId)).toEqual(dossier);
    expect(snapshot(station.store)).toEqual(before);
  });

  it('is refused once the dossier is finished and queued, and the panel says it is read-only', async () => {
    const dossier = station.store.dossiers.require(dossierId);
    station.store.transaction(() =>
      station.store.dossiers.setSyncState(dossierId, 'queued', new Date().toISOString()),
    );
    const queued = station.store.dossiers.require(dossierId);
    const before = snapshot(station.store);
    const typed = await call('dossier.updateApplicant', { MaHoSo, ChuHoSo: 'Phạm Văn Khoa' });
    expect(typed.status).toBe(409);
    expect(errorOf(typed).messageVi).toContain('đã hoàn tất');
    expect(errorOf(typed).message).toContain('can no longer be changed');
    const name = first(await fields(), 'name');
    const scanned = await decide(name, 'use');
    expect(scanned.status).toBe(409);
    expect((await fields()).editable).toBe(false);
    expect(station.store.dossiers.require(dossierId)).toEqual(queued);
    expect(queued.ChuHoSo).toBe(dossier.ChuHoSo);
    expect(snapshot(station.store)).toEqual(before);
  });
});
