/**
 * Puts a finished PDF on disk without ever leaving half a file or silently replacing one: the
 * bytes go to a hidden temp file beside the target, are flushed, and are renamed into place; an
 * existing target is only replaced when the caller says so.
 */
import { existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../domain/index.js';

export function assertWritable(out: string, force: boolean): void {
  if (existsSync(out) && !force) {
    throw new AppError(
      'CONFLICT',
      {
        vi: `Tệp "${out}" đã có; dùng --force để ghi đè.`,
        en: `"${out}" already exists; pass --force to replace it.`,
      },
      { details: { out } },
    );
  }
}

export async function writePdfFile(out: string, bytes: Uint8Array, force: boolean): Promise<void> {
  assertWritable(out, force);
  const temp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, bytes, { flush: true });
    await rename(temp, out);
  } catch (error) {
    await rm(temp, { force: true });
    throw new AppError(
      'IO',
      { vi: `Không ghi được tệp "${out}".`, en: `Cannot write "${out}".` },
      { details: { out }, cause: error },
    );
  }
}
