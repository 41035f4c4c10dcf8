/** Test PDFs made with pdf-lib, and small wrappers around poppler/NSS command-line tools. */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { PDFDocument, StandardFonts, degrees } from 'pdf-lib';

export async function makePdf(
  options: { objectStreams?: boolean; pages?: number; rotate?: number } = {},
): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < (options.pages ?? 2); i += 1) {
    const page = doc.addPage([595.28, 841.89]);
    if (options.rotate) page.setRotation(degrees(options.rotate));
    page.drawText(`Giay khai sinh - trang ${i + 1}`, { x: 72, y: 760, size: 14, font });
  }
  return Buffer.from(await doc.save({ useObjectStreams: options.objectStreams ?? false }));
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export function pdfsig(file: string, nssDir?: string): string {
  const args = nssDir ? ['-nssdir', `sql:${nssDir}`, file] : ['-nocert', file];
  const result = spawnSync('pdfsig', args, { encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`;
}

export function makeNssDb(dir: string, caPemFile: string): string {
  mkdirSync(dir, { recursive: true });
  execFileSync('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password'], { stdio: 'pipe' });
  execFileSync(
    'certutil',
    ['-A', '-d', `sql:${dir}`, '-n', 'SoHoa Test Root CA', '-t', 'CT,C,C', '-a', '-i', caPemFile],
    {
      stdio: 'pipe',
    },
  );
  return dir;
}

const sohoaBin = new URL('../../bin/sohoa.js', import.meta.url).pathname;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `sohoa` command in a child process. */
export function runSohoa(args: string[], env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [sohoaBin, '--ui-lang', 'en', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Flips one byte of the file at `offset` (inside a signed range, for tamper tests). */
export function flipByte(bytes: Buffer, offset: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[offset] = (copy[offset] ?? 0) ^ 0x01;
  return copy;
}
