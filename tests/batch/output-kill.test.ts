/**
 * `sohoa batch output` as a contractor runs it: signed packages for every dossier of a job,
 * SIGKILLed twice while it writes them and run again. Afterwards every dossier has exactly one
 * package, no partial file is left, every document was built and signed once (one `document.pdf`
 * audit entry each), each package was recorded once, and the report counts them. A second job is
 * signed with a PKCS#11 token (SoftHSM2) through the same options.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchOutputResult } from '../../src-main/domain/index.js';
import { openStore } from '../../src-main/store/index.js';
import { runCli } from '../cli/run-cli.js';
import { makeTestPki, type TestPki } from '../fixtures/pki/make-pki.js';
import { makeSoftHsmToken } from '../fixtures/pki/softhsm.js';
import { pdfsig } from '../sign/helpers.js';
import { generateJob, type GeneratedJob } from './fixture.js';
import { killMidway } from './kill-midway.js';
import { readCsvReport, summaryOf } from './report-reader.js';

const JOB = 'xa-dong-hoa';
const DOSSIERS = 12;
/** The CLI children keep their data keys where this process does (cleanEnv drops SOHOA_*). */
const ENV: Record<string, string> = {
  ...(process.env.SOHOA_KEY_DIR ? { SOHOA_KEY_DIR: process.env.SOHOA_KEY_DIR } : {}),
  SOHOA_PIPELINE_WORKERS: '2',
  SOHOA_LANG: 'vi',
};
let root: string;
let dataDir: string;
let pki: TestPki;
let generated: GeneratedJob;

const cli = (args: string[], env: Record<string, string> = {}) =>
  runCli(['--data-dir', dataDir, ...args], { ...ENV, ...env });

function outputArgs(dir: string): string[] {
  return [
    'batch',
    'output',
    JOB,
    '--packages',
    dir,
    '--sign',
    'p12',
    '--p12',
    pki.signer.p12File,
    '--pass-env',
    'P12_PASS',
    '--qa',
    'not-rejected',
  ];
}

/** Runs `batch output`, SIGKILLs it once its lines report `atLeast` dossiers; resolves the last count. */
const killOutputMidway = (dir: string, atLeast: number) =>
  killMidway(
    ['--data-dir', dataDir, ...outputArgs(dir)],
    { ...ENV, P12_PASS: pki.p12Password },
    /^(\d+)\/\d+ hồ sơ\/dossiers/gm,
    atLeast,
  );

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sohoa-batch-output-kill-'));
  dataDir = join(root, 'data');
  mkdirSync(join(root, 'pki'));
  pki = makeTestPki(join(root, 'pki'));
  generated = await generateJob(join(root, 'job'), {
    leading: 1,
    dossiers: DOSSIERS,
    perDossier: 2,
  });
  const created = await cli([
    'batch',
    'create',
    '--name',
    JOB,
    '--source',
    generated.dir,
    '--procedure',
    '1.001193',
    '--agency',
    '000.00.01.H01',
    '--processing',
    'clean',
    '--sample',
    '0',
  ]);
  expect(created.code, created.stderr).toBe(0);
  const run = await cli(['batch', 'run', JOB]);
  expect(run.code, run.stderr).toBe(0);
}, 900_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('sohoa batch output, killed twice', () => {
  it('answers bad options in Vietnamese and English, changing nothing', async () => {
    for (const args of [
      ['batch', 'output', JOB],
      ['batch', 'output', JOB, '--queue', '--packages', join(root, 'x')],
      ['batch', 'output', JOB, '--queue', '--p12', pki.signer.p12File],
    ]) {
      const bad = await cli(args);
      expect(bad.code, bad.stderr).toBe(1);
      expect(bad.stderr).toMatch(/Lỗi\/Error \[VALIDATION\]: Tùy chọn lệnh batch output/);
      expect(bad.stderr).toMatch(/\(Invalid batch output options/);
    }
    // The password is asked when the first PDF is to be signed: no PDF and no package without it.
    const noPass = await cli(outputArgs(join(root, 'never')));
    expect(noPass.code).toBe(1);
    expect(noPass.stderr).toMatch(/Biến môi trường P12_PASS/);
    expect(noPass.stderr).toMatch(/environment variable P12_PASS/);
    expect(readdirSync(join(root, 'never'))).toEqual([]);
  }, 600_000);

  it('writes every signed package exactly once across two kills', async () => {
    const dir = join(root, 'packages');
    const first = await killOutputMidway(dir, 2);
    expect(first).toBeLessThan(DOSSIERS);
    const second = await killOutputMidway(dir, first + 3);
    expect(second).toBeLessThan(DOSSIERS);

    const last = await cli([...outputArgs(dir), '--json'], { P12_PASS: pki.p12Password });
    expect(last.code, last.stderr).toBe(0);
    const result = JSON.parse(last.stdout) as BatchOutputResult;
    expect(result.held).toBe(0);
    expect(result.delivered + result.kept).toBe(DOSSIERS);
    expect(result.kept).toBeGreaterThanOrEqual(second);
    expect(readdirSync(dir).sort()).toEqual(generated.codes.map((c) => `${c}.zip`).sort());

    const store = await openStore(dataDir);
    try {
      const count = (sql: string) => (store.db.prepare(sql).get() as { n: number }).n;
      const documents = count('SELECT count(*) AS n FROM documents WHERE pdf_sha256 IS NOT NULL');
      expect(documents).toBe(DOSSIERS);
      expect(count('SELECT count(*) AS n FROM documents WHERE signed = 1')).toBe(DOSSIERS);
      // Built and signed once each, recorded once each, though two runs were killed.
      expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'document.pdf'")).toBe(
        documents,
      );
      expect(
        count("SELECT count(*) AS n FROM audit_log WHERE action = 'batch.output.package'"),
      ).toBe(DOSSIERS);
      expect(count('SELECT count(*) AS n FROM batch_outputs')).toBe(DOSSIERS);
    } finally {
      store.close();
    }

    const report = join(root, 'report.csv');
    const reported = await cli(['batch', 'report', JOB, '--out', report]);
    expect(reported.code, reported.stderr).toBe(0);
    const summary = summaryOf(await readCsvReport(report));
    expect(summary.get('outputDossiers')).toBe(String(DOSSIERS));
    expect(summary.get('outputPdfs')).toBe(String(DOSSIERS));
    expect(summary.get('outputSigned')).toBe(String(DOSSIERS));
    expect(summary.get('outputPackaged')).toBe(String(DOSSIERS));
    expect(summary.get('outputQueued')).toBe('0');
  }, 900_000);

  it('signs with a PKCS#11 token (SoftHSM2) the same way', async () => {
    const token = makeSoftHsmToken(join(root, 'token'), [pki.signer]);
    const source = await generateJob(join(root, 'job2'), {
      leading: 0,
      dossiers: 2,
      perDossier: 1,
    });
    const job = 'xa-dong-hoa-2';
    const created = await cli([
      'batch',
      'create',
      '--name',
      job,
      '--source',
      source.dir,
      '--procedure',
      '1.001193',
      '--agency',
      '000.00.01.H01',
      '--processing',
      'clean',
      '--sample',
      '0',
    ]);
    expect(created.code, created.stderr).toBe(0);
    expect((await cli(['batch', 'run', job])).code).toBe(0);
    const env = { SOFTHSM2_CONF: token.conf, TOKEN_PIN: token.pin };
    const dir = join(root, 'token-packages');
    const args = ['batch', 'output', job, '--packages', dir, '--qa', 'not-rejected', '--json'];
    const tokenArgs = ['--sign', 'pkcs11', '--pkcs11', token.library, '--pin-env', 'TOKEN_PIN'];
    const out = await cli([...args, ...tokenArgs], env);
    expect(out.code, out.stderr).toBe(0);
    const result = JSON.parse(out.stdout) as BatchOutputResult;
    expect(result.delivered).toBe(2);
    expect(readdirSync(dir)).toHaveLength(2);

    const store = await openStore(dataDir);
    try {
      for (const d of result.dossiers) {
        const dossier = store.dossiers.requireByCode(d.MaHoSo);
        const [doc] = store.dossiers
          .components(dossier.id)
          .flatMap((c) => store.dossiers.documents(c.id))
          .filter((x) => x.pdfSha256);
        expect(doc?.signed).toBe(true);
        const file = join(root, `${d.MaHoSo}.pdf`);
        writeFileSync(file, store.blobs.read(doc?.pdfSha256 ?? ''));
        expect(pdfsig(file)).toContain('Signature is Valid');
      }
    } finally {
      store.close();
    }
  }, 600_000);
});
