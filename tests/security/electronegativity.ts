/**
 * Runs @doyensec/electronegativity over the Electron shell and the built renderer.
 *
 * Two adaptations, both about the tool rather than our code:
 * - It only reads .js/.ts/.html files, so the sandboxed preload (`preload.cts`, CommonJS) is
 *   copied into the scanned tree as `preload.ts`.
 * - It tries to download translations (and, in one check, Electron's release list) from the
 *   internet. Tests never fetch anything, so its HTTP client is replaced by one that fails at
 *   once; the tool then uses its bundled English texts.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { repoRoot } from '../e2e/harness/index.js';

export interface Finding {
  id: string;
  severity: 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL';
  confidence: string;
  /** Relative to the scanned tree: `app/…` (src-main/app) or `renderer/…` (dist/renderer). */
  file: string;
  line: number;
  sample: string;
  description: string;
  manualReview: boolean;
}

export interface ScanResult {
  /** Every file handed to the scanner. */
  files: string[];
  findings: Finding[];
  /** Files the scanner could not parse (each would be a blind spot). */
  errors: string[];
}

interface RawIssue {
  id: string;
  severity: { name: Finding['severity'] };
  confidence: { name: string };
  file: string;
  location: { line: number };
  sample?: string;
  description: string;
  manualReview: boolean;
}

interface RawResult {
  issues: RawIssue[];
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
}

type Run = (options: Record<string, unknown>) => Promise<RawResult>;

const require = createRequire(import.meta.url);

function loadOffline(): Run {
  const toolDir = require.resolve('@doyensec/electronegativity');
  const gotPath = require.resolve('got', { paths: [toolDir] });
  const offline = () => Promise.reject(new Error('network access is disabled in tests'));
  require.cache[gotPath] = {
    id: gotPath,
    filename: gotPath,
    loaded: true,
    exports: offline,
  } as NodeJS.Module;
  return require('@doyensec/electronegativity') as Run;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** The scanned tree: app/ = src-main/app (preload renamed), renderer/ = dist/renderer. */
function stageTree(): string {
  const tree = mkdtempSync(join(tmpdir(), 'sohoa-electronegativity-'));
  mkdirSync(join(tree, 'app'));
  for (const name of readdirSync(join(repoRoot, 'src-main', 'app'))) {
    const staged = name.replace(/\.cts$/, '.ts').replace(/\.cjs$/, '.js');
    cpSync(join(repoRoot, 'src-main', 'app', name), join(tree, 'app', staged), { recursive: true });
  }
  cpSync(join(repoRoot, 'dist', 'renderer'), join(tree, 'renderer'), {
    recursive: true,
    filter: (source) => !source.endsWith('.map'),
  });
  return tree;
}

export async function scanElectronApp(options: { excludeChecks: string[] }): Promise<ScanResult> {
  const run = loadOffline();
  const electronVersion = (require('electron/package.json') as { version: string }).version;
  const tree = stageTree();
  try {
    const result = await run({
      input: tree,
      isRelative: true,
      electronVersionOverride: electronVersion,
      excludeFromScan: options.excludeChecks,
    });
    return {
      files: listFiles(tree),
      findings: result.issues.map((issue) => ({
        id: issue.id,
        severity: issue.severity.name,
        confidence: issue.confidence.name,
        file: issue.file,
        line: issue.location.line,
        sample: issue.sample ?? '',
        description: issue.description,
        manualReview: issue.manualReview,
      })),
      errors: result.errors.map((error) => `${error.file}: ${error.message}`),
    };
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
}
