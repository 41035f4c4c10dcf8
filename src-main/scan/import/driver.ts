/**
 * The import driver: files in, pages out, in the order given, as the same async stream of pages a
 * scanner produces. A file that cannot be read is reported with its reason and skipped; the files
 * after it still import. The stream's return value lists every file with its page count or error.
 */
import { open, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { invalidInput, isAppError, type AppError } from '../../domain/index.js';
import { lookupDataKey, openFileBytes } from '../../platform/index.js';
import { scanCancelled } from '../errors.js';
import type { AcquiredImage } from '../types.js';
import { importErrors } from './errors.js';
import { imagePages } from './image-file.js';
import { pdfPages } from './pdf-file.js';
import { sniffFormat } from './sniff.js';
import { DEFAULT_IMPORT_DPI } from './limits.js';

export const ImportRequestSchema = z.strictObject({
  files: z.array(z.string().min(1).max(4096)).min(1).max(10_000),
  /** Resolution PDF pages are rendered at. */
  dpi: z.number().int().min(72).max(600).default(DEFAULT_IMPORT_DPI),
});
export type ImportRequest = z.output<typeof ImportRequestSchema>;

export type FileOutcome =
  { file: string; pages: number } | { file: string; pages: number; error: AppError };

export interface ImportOutcome {
  files: FileOutcome[];
  pages: number;
  failed: number;
}

/**
 * The file's bytes; a file sealed with the key of an open data folder (a batch job's ADF run
 * lands from its spool in the data folder) is opened first.
 */
async function readWhole(file: string): Promise<Buffer> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw importErrors.notFound(file);
  }
  if (size === 0) throw importErrors.empty(file);
  const handle = await open(file, 'r');
  try {
    return openFileBytes(await handle.readFile(), lookupDataKey);
  } finally {
    await handle.close();
  }
}

export function parseImportRequest(input: unknown): ImportRequest {
  const parsed = ImportRequestSchema.safeParse(input);
  if (!parsed.success)
    throw invalidInput({ vi: 'Yêu cầu nhập tệp', en: 'import request' }, parsed.error.issues);
  return parsed.data;
}

export async function* importFiles(
  request: ImportRequest,
  signal?: AbortSignal,
): AsyncGenerator<AcquiredImage, ImportOutcome, void> {
  const outcome: ImportOutcome = { files: [], pages: 0, failed: 0 };
  let index = 0;
  for (const given of request.files) {
    const file = resolve(given);
    let pages = 0;
    try {
      const bytes = await readWhole(file);
      const format = sniffFormat(bytes.subarray(0, 1024));
      if (!format) throw importErrors.unsupported(file);
      const source =
        format === 'pdf' ? pdfPages(file, bytes, request.dpi) : imagePages(file, bytes, format);
      for await (const page of source) {
        if (signal?.aborted) throw scanCancelled({ file });
        index += 1;
        pages += 1;
        yield { ...page, index };
      }
      outcome.files.push({ file, pages });
    } catch (error) {
      if (isAppError(error) && error.code === 'CANCELLED') throw error;
      const failure = isAppError(error)
        ? error
        : importErrors.corrupt(file, (error as Error).message);
      outcome.files.push({ file, pages, error: failure });
      outcome.failed += 1;
    }
    outcome.pages += pages;
  }
  return outcome;
}
