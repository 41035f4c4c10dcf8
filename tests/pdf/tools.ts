/** The poppler and qpdf command-line tools the PDF tests check our output with. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export async function tool(cmd: string, args: string[]): Promise<string> {
  const { stdout } = await exec(cmd, args, { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
  return stdout;
}

export interface ListedImage {
  page: number;
  width: number;
  height: number;
  color: string;
  bpc: number;
  enc: string;
  xppi: number;
  yppi: number;
}

/** `pdfimages -list`, parsed. */
export async function listImages(pdf: string): Promise<ListedImage[]> {
  const out = await tool('pdfimages', ['-list', pdf]);
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim().length > 0)
    .map((l) => {
      const c = l.trim().split(/\s+/);
      return {
        page: Number(c[0]),
        width: Number(c[3]),
        height: Number(c[4]),
        color: c[5] ?? '',
        bpc: Number(c[7]),
        enc: c[8] ?? '',
        xppi: Number(c[12]),
        yppi: Number(c[13]),
      };
    });
}

/** `qpdf --check`: resolves with its report when the file is clean, rejects otherwise. */
export async function qpdfCheck(pdf: string): Promise<string> {
  return tool('qpdf', ['--check', pdf]);
}
