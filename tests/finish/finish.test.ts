import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer } from '../../src-main/api/index.js';
import type { RunningHttpServer } from '../../src-main/api/index.js';
import { dossierCodeOnPage } from '../../src-main/core/batch/index.js';
import { pipelineService } from '../../src-main/core/pipeline/index.js';
import type { FinishResult, ReadyReport } from '../../src-main/domain/index.js';
import { callApi } from '../api/call.js';
import type { ApiAnswer } from '../api/call.js';
import { makeTestPki } from '../fixtures/pki/make-pki.js';
import type { TestPki } from '../fixtures/pki/make-pki.js';
import { pdfsig } from '../sign/helpers.js';
import type { RenderedPage } from '../fixtures/render.js';
import { componentId, landPage, newDossier, openStation } from '../pipeline/helpers.js';
import type { Station } from '../pipeline/helpers.js';

const TOKEN = 'finish-test-token';
let station: Station;
let server: RunningHttpServer;
let pki: TestPki;
let work: string;

const call = (method: string, input: unknown): Promise<ApiAnswer> =>
  callApi(server.url, TOKEN, method, input);

function errorOf(answer: ApiAnswer): {
  code: string;
  message: string;
  messageVi: string;
  details?: { problems?: Array<{ code: string }> };
} {
  return answer.body.error as never;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'sohoa-finish-'));
  mkdirSync(join(work, 'pki'));
  pki = makeTestPki(join(work, 'pki'));
  station = await openStation(
    {
      SOHOA_SIGNING_PROVIDER: 'pkcs12',
      SOHOA_SIGNING_PKCS12_FILE: pki.signer.p12File,
      SOHOA_MACHINE_CONFIG: join(work, 'machine.json'),
    },
    join(work, 'data'),
  );
  mkdirSync(join(work, 'renderer'));
  writeFileSync(join(work, 'renderer', 'index.html'), '<!doctype html><title>SoHoa</title>');
  server = await startHttpServer({
    core: station.core,
    token: TOKEN,
    port: 0,
    rendererDir: join(work, 'renderer'),
  });
});

afterAll(async () => {
  await server.close();
  await station.remove();
  rmSync(work, { recursive: true, force: true });
});

describe('finishing a dossier', () => {
  let MaHoSo: string;
  let form: RenderedPage;

  it('blocks on missing required components and an invalid or missing CCCD, naming each', async () => {
    const bare = await newDossier(station.core);
    const check = await call('dossier.checkReady', { MaHoSo: bare.dossier.MaHoSo });
    const report = check.body.result as ReadyReport;
    expect(report.ready).toBe(false);
    const missing = report.problems.filter((p) => p.code === 'MISSING_REQUIRED_COMPONENT');
    expect(missing.map((p) => p.MaThanhPhanHoSo).sort()).toEqual(
      ['GIAY_CHUNG_SINH', 'GT_TUY_THAN', 'TK_KHAI_SINH'].sort(),
    );
    expect(missing[0]?.vi).toMatch(/Thiếu thành phần bắt buộc/);

    const refused = await call('dossier.finish', {
      MaHoSo: bare.dossier.MaHoSo,
      secret: pki.p12Password,
    });
    expect(refused.status).toBe(409);
    const error = errorOf(refused);
    expect(error.code).toBe('FINISH_CONFLICT');
    expect(error.messageVi).toContain('Tờ khai đăng ký khai sinh');
    expect(error.message).toContain('Required component');

    // an applicant CCCD that fails its check (as an imported record may carry) blocks too
    station.store.db
      .prepare("UPDATE dossiers SET SoDinhDanh = '999203001234', LoaiDinhDanh = '1' WHERE id = ?")
      .run(bare.dossier.id);
    const invalid = errorOf(
      await call('dossier.finish', { MaHoSo: bare.dossier.MaHoSo, secret: 'x' }),
    );
    expect(invalid.details?.problems?.map((p) => p.code)).toContain('INVALID_IDENTITY');
    expect(invalid.messageVi).toContain('999203001234');
    station.store.db
      .prepare('UPDATE dossiers SET SoDinhDanh = NULL, LoaiDinhDanh = NULL WHERE id = ?')
      .run(bare.dossier.id);
    const absent = (await call('dossier.checkReady', { MaHoSo: bare.dossier.MaHoSo })).body
      .result as ReadyReport;
    expect(absent.problems.find((p) => p.code === 'INVALID_IDENTITY')?.en).toMatch(/missing/);
    expect(station.store.dossiers.require(bare.dossier.id).syncState).toBe('local');

    const bad = await call('dossier.finish', { MaHoSo: bare.dossier.MaHoSo, paper: 'Letter' });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).code).toBe('VALIDATION');
  });

  it('finishes once pages are processed and the missing component is waived', async () => {
    const detail = await newDossier(station.core, { ChuHoSo: 'Trần Thị Ánh' });
    MaHoSo = detail.dossier.MaHoSo;
    const tk = componentId(detail, 'TK_KHAI_SINH');
    form = (await landPage(station.store, tk, { kind: 'form', seed: 21, dpi: 300 })).rendered;
    await landPage(station.store, tk, { kind: 'short', seed: 4, dpi: 200 });
    await landPage(station.store, componentId(detail, 'GIAY_CHUNG_SINH'), {
      kind: 'prose',
      seed: 8,
      dpi: 200,
    });
    const pipeline = await station.core.use(pipelineService);
    await pipeline.waitForDossier(detail.dossier.id, { timeoutMs: 150_000 });

    const blocked = (await call('dossier.checkReady', { MaHoSo })).body.result as ReadyReport;
    expect(blocked.problems.map((p) => `${p.code}:${p.MaThanhPhanHoSo}`)).toEqual([
      'MISSING_REQUIRED_COMPONENT:GT_TUY_THAN',
    ]);
    const waived = await call('dossier.waiveComponent', {
      MaHoSo,
      MaThanhPhanHoSo: 'GT_TUY_THAN',
      reason: 'Đã đối chiếu bản chính tại quầy',
    });
    expect((waived.body.result as ReadyReport).ready).toBe(true);

    const noSecret = await call('dossier.finish', { MaHoSo });
    expect(errorOf(noSecret).code).toBe('SIGNING_SECRET_VALIDATION');
    const wrong = await call('dossier.finish', { MaHoSo, secret: 'not the password' });
    expect(wrong.status).toBeGreaterThanOrEqual(400);
    expect(station.store.dossiers.requireByCode(MaHoSo).syncState).toBe('local');

    const finished = await call('dossier.finish', { MaHoSo, secret: pki.p12Password, paper: 'A5' });
    expect(finished.status).toBe(200);
    const result = finished.body.result as FinishResult;
    expect(result.syncState).toBe('queued');
    expect(result.documents.map((d) => [d.MaThanhPhanHoSo, d.pages, d.signed])).toEqual([
      ['TK_KHAI_SINH', 2, true],
      ['GIAY_CHUNG_SINH', 1, true],
    ]);
    expect(station.store.dossiers.requireByCode(MaHoSo).syncState).toBe('queued');
    const actions = station.store.db
      .prepare('SELECT action FROM audit_log WHERE dossier_id = ? ORDER BY seq')
      .all(detail.dossier.id)
      .map((r) => (r as { action: string }).action);
    expect(actions).toEqual(
      expect.arrayContaining(['component.waive', 'document.pdf', 'dossier.finish']),
    );

    const first = result.documents[0];
    const file = join(work, 'tk.pdf');
    writeFileSync(file, station.store.blobs.read(first?.pdfSha256 ?? ''));
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain(
      'No syntax or stream encoding errors',
    );
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain(form.truth.fields?.cccd ?? '-');
    const sig = pdfsig(file);
    expect(sig).toContain('Signature is Valid');
    expect(sig).toContain('Total document signed');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toContain(MaHoSo);
    expect(info).toMatch(/Pages:\s+2/);
  }, 240_000);

  it('stores a receipt with the dossier code in text and in a QR code', async () => {
    const file = join(work, 'receipt.pdf');
    const answer = await call('dossier.receipt', { MaHoSo, output: file });
    const receipt = answer.body.result as { paper: string; base64: string; path: string };
    expect(receipt.paper).toBe('A5');
    expect(Buffer.from(receipt.base64, 'base64').equals(readFileSync(file))).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(MaHoSo);
    expect(text).toContain('Trần Thị Ánh');
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Đã đối chiếu bản chính tại quầy');
    expect(flat).toContain('lý do miễn');
    expect(text).toMatch(/Giấy tờ tùy thân .* miễn nộp/);
    expect(text).toMatch(/Tờ khai đăng ký khai sinh\s+2 trang/);
    const png = join(work, 'receipt');
    execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', file, png]);
    expect(await dossierCodeOnPage(readFileSync(`${png}.png`))).toBe(MaHoSo);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+419\.5/);
  });

  it('resumes: a second finish keeps unchanged PDFs and rebuilds only what is missing', async () => {
    const before = station.store.dossiers
      .components(station.store.dossiers.requireByCode(MaHoSo).id)
      .flatMap((c) => station.store.dossiers.documents(c.id))
      .filter((d) => d.pdfSha256);
    expect(before).toHaveLength(2);
    const [kept, lost] = before;
    // as if the finish had died before the second document's PDF was stored
    station.store.db
      .prepare('UPDATE documents SET pdf_sha256 = NULL, signed = 0 WHERE id = ?')
      .run(lost?.id);
    const again = (await call('dossier.finish', { MaHoSo, secret: pki.p12Password })).body
      .result as FinishResult;
    const byId = new Map(again.documents.map((d) => [d.documentId, d.pdfSha256]));
    expect(byId.get(kept?.id ?? 0)).toBe(kept?.pdfSha256);
    expect(byId.get(lost?.id ?? 0)).toMatch(/^[0-9a-f]{64}$/);
    expect(again.receipt.paper).toBe('A5');
  }, 120_000);
});
