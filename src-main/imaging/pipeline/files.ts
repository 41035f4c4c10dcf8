/** Writing a processed page next to its thumbnail and decision record. */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { PageResult } from './worker.js';

export interface WrittenPage {
  output: string;
  thumbnail: string;
  decisions: string;
}

/** Writes `<name>.jpg|.tif`, `<name>.thumb.jpg` and `<name>.json` into `dir` (each via a temp file and rename). */
export async function writeProcessedPage(
  result: PageResult,
  dir: string,
  sourcePath: string,
): Promise<WrittenPage> {
  await mkdir(dir, { recursive: true });
  const name = basename(sourcePath, extname(sourcePath));
  const paths: WrittenPage = {
    output: join(dir, `${name}.${result.output.format === 'jpeg' ? 'jpg' : 'tif'}`),
    thumbnail: join(dir, `${name}.thumb.jpg`),
    decisions: join(dir, `${name}.json`),
  };
  const record = { ...result.decisions, dpiSource: result.dpiSource, g4: result.output.g4 ?? null };
  await atomicWrite(paths.output, result.output.bytes);
  await atomicWrite(paths.thumbnail, result.thumbnail);
  await atomicWrite(paths.decisions, `${JSON.stringify(record, null, 2)}\n`);
  return paths;
}

async function atomicWrite(path: string, data: Uint8Array | string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}
