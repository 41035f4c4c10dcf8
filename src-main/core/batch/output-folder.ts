/** The folder a job's output goes into (exported dossiers, packages), made when missing. */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../domain/index.js';

/** Creates `dir` (and its parents) when missing; returns its absolute path. */
export function outputFolder(dir: string): string {
  const path = resolve(dir);
  try {
    mkdirSync(path, { recursive: true });
  } catch (cause) {
    throw new AppError(
      'IO',
      { vi: `Không tạo được thư mục ${path}`, en: `Cannot create the folder ${path}` },
      { cause, details: { dir: path } },
    );
  }
  return path;
}
