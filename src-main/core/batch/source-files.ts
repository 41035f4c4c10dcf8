/**
 * The files of a job's source folder, in the order a contractor expects: path by path, numbers
 * compared as numbers (scan_2 before scan_10). A file whose extension is not a scan format is
 * kept in the list as bad, so the report names it instead of silently ignoring it.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { AppError } from '../../domain/index.js';

export const SCAN_EXTENSIONS = new Set(['.tif', '.tiff', '.jpg', '.jpeg', '.png', '.pdf']);

export interface SourceFile {
  /** Relative to the source folder, '/'-separated. */
  path: string;
  size: number;
  /** Last modification (ms since epoch), when asked for. */
  mtimeMs?: number;
  /** Set when the file is refused before reading (extension). */
  problem?: AppError;
}

const order = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });

export function wrongExtension(path: string): AppError {
  return new AppError(
    'BATCH_WRONG_EXTENSION',
    {
      vi: `${path}: phần mở rộng không phải tệp quét (TIFF, JPEG, PNG, PDF).`,
      en: `${path}: the extension is not a scan format (TIFF, JPEG, PNG, PDF).`,
    },
    { details: { file: path } },
  );
}

export async function listSourceFiles(
  folder: string,
  options: { withTimes?: boolean } = {},
): Promise<SourceFile[]> {
  let info;
  try {
    info = await stat(folder);
  } catch {
    throw new AppError(
      'NOT_FOUND',
      { vi: `Không tìm thấy thư mục nguồn ${folder}`, en: `Source folder ${folder} not found` },
      { details: { folder } },
    );
  }
  if (!info.isDirectory()) {
    throw new AppError(
      'VALIDATION',
      { vi: `${folder} không phải thư mục`, en: `${folder} is not a folder` },
      { details: { folder } },
    );
  }
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files: SourceFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    const path = relative(folder, full).split(sep).join('/');
    // A hot folder's file may be moved away between the listing and this look at it.
    const info = await stat(full).catch(() => undefined);
    if (!info) continue;
    const ok = SCAN_EXTENSIONS.has(extname(entry.name).toLowerCase());
    files.push({
      path,
      size: info.size,
      ...(options.withTimes ? { mtimeMs: info.mtimeMs } : {}),
      ...(ok ? {} : { problem: wrongExtension(path) }),
    });
  }
  return files.sort((a, b) => order.compare(a.path, b.path));
}
