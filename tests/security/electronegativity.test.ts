/**
 * Electron security review in the test run: Electronegativity over the main-process shell
 * (src-main/app) and the built renderer. A finding of severity MEDIUM or HIGH fails the run
 * unless tests/security/electronegativity-allowlist.json explains it; an explanation that no
 * longer matches a finding fails too, so the list cannot rot. Where an explanation rests on a
 * fact of our code (e.g. "webPreferences come from secureWebPreferences()"), that fact is
 * asserted here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, beforeAll } from 'vitest';
import { secureWebPreferences } from '../../src-main/app/security.js';
import { ensureRendererBuilt } from '../e2e/harness/index.js';
import { allowlistPath, readAllowlist, type AllowlistEntry } from './allowlist.js';
import { scanElectronApp, type Finding, type ScanResult } from './electronegativity.js';

const gated = (finding: Finding) => finding.severity === 'HIGH' || finding.severity === 'MEDIUM';
const explains = (entry: AllowlistEntry, finding: Finding) =>
  entry.check === finding.id &&
  entry.file === finding.file &&
  finding.sample.includes(entry.sample);

describe('Electronegativity', () => {
  let scan: ScanResult;
  const allowlist = readAllowlist();

  beforeAll(async () => {
    await ensureRendererBuilt();
    scan = await scanElectronApp({ excludeChecks: allowlist.excludedChecks.map((e) => e.check) });
  }, 120_000);

  it('parses every file of the shell and the renderer', () => {
    expect(scan.files).toEqual(
      expect.arrayContaining([
        'app/main.ts',
        'app/preload.ts',
        'app/window.ts',
        'renderer/index.html',
      ]),
    );
    expect(scan.errors).toEqual([]);
  });

  it('leaves no HIGH or MEDIUM finding unexplained', () => {
    const unexplained = scan.findings
      .filter(gated)
      .filter((f) => !allowlist.findings.some((e) => explains(e, f)));
    expect(
      unexplained.map((f) => `${f.severity} ${f.id} ${f.file}:${f.line} — ${f.description}`),
      `explain each in ${allowlistPath} (with a reason) or fix it`,
    ).toEqual([]);
  });

  it('has no stale explanations', () => {
    const stale = allowlist.findings.filter(
      (e) => !scan.findings.some((f) => gated(f) && explains(e, f)),
    );
    expect(
      stale.map((e) => `${e.check} ${e.file}`),
      `these entries of ${allowlistPath} match no finding any more; remove them`,
    ).toEqual([]);
  });

  it('finds the page Content-Security-Policy in the built renderer', () => {
    const csp = scan.findings.find((f) => f.id === 'CSP_GLOBAL_CHECK');
    expect(csp?.file).toBe('renderer/index.html');
    expect(csp?.sample).toContain("script-src 'self'");
    expect(csp?.severity).not.toMatch(/HIGH|MEDIUM/);
  });

  // The facts the explanations rest on.
  it('creates windows with context isolation, the sandbox and no Node integration', () => {
    const prefs = secureWebPreferences('/preload.cjs', false);
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
    });
    const windowSource = readFileSync(
      new URL('../../src-main/app/window.ts', import.meta.url),
      'utf8',
    );
    expect(windowSource).toMatch(/webPreferences:\s*secureWebPreferences\(/);
  });

  it('denies new windows and foreign navigation for every web contents', () => {
    const windowSource = readFileSync(
      new URL('../../src-main/app/window.ts', import.meta.url),
      'utf8',
    );
    const mainSource = readFileSync(new URL('../../src-main/app/main.ts', import.meta.url), 'utf8');
    expect(windowSource).toMatch(/setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/);
    expect(windowSource).toMatch(/'will-navigate'[\s\S]*isAppUrl/);
    expect(mainSource).toMatch(/'web-contents-created'[\s\S]*guardWebContents/);
  });
});
