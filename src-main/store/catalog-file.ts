/**
 * Catalog files (the default catalog shipped under resources/catalog/, files IT staff import).
 * A file is validated as a whole before anything is written, so a bad file changes nothing.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Catalog } from '../domain/index.js';
import { AppError, CatalogSchema } from '../domain/index.js';
export function readCatalogFile(file: string): Catalog {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AppError(
      'VALIDATION',
      {
        vi: `Không đọc được tệp danh mục ${file} (cần JSON)`,
        en: `Cannot read catalog file ${file} (JSON expected)`,
      },
      { details: { file }, cause: error },
    );
  }
  const parsed = CatalogSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION',
      {
        vi: `Tệp danh mục ${file} sai cấu trúc: ${z.prettifyError(parsed.error)}`,
        en: `Catalog file ${file} is malformed: ${z.prettifyError(parsed.error)}`,
      },
      { details: { file, issues: parsed.error.issues.slice(0, 10) } },
    );
  }
  return parsed.data;
}
