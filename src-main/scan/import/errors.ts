/** Why a file could not be imported; each names the file so the clerk knows which one to fix. */
import { basename } from 'node:path';
import { AppError } from '../../domain/index.js';

function importError(
  code: string,
  file: string,
  vi: string,
  en: string,
  details: Record<string, unknown> = {},
): AppError {
  const name = basename(file);
  return new AppError(
    code,
    { vi: `${name}: ${vi}`, en: `${name}: ${en}` },
    { details: { file, ...details } },
  );
}

export const importErrors = {
  notFound: (file: string) =>
    importError('IMPORT_NOT_FOUND', file, 'không tìm thấy tệp.', 'file not found.'),
  empty: (file: string) =>
    importError('IMPORT_EMPTY_FILE', file, 'tệp rỗng (0 byte).', 'the file is empty (0 bytes).'),
  unsupported: (file: string) =>
    importError(
      'IMPORT_UNSUPPORTED',
      file,
      'không phải JPEG, PNG, TIFF hay PDF.',
      'not a JPEG, PNG, TIFF or PDF file.',
    ),
  corrupt: (file: string, reason: string, page?: number) =>
    importError(
      'IMPORT_CORRUPT',
      file,
      `tệp bị hỏng hoặc không đầy đủ${page ? ` (trang ${page})` : ''}.`,
      `the file is damaged or incomplete${page ? ` (page ${page})` : ''}.`,
      { reason, ...(page ? { page } : {}) },
    ),
  encrypted: (file: string) =>
    importError(
      'IMPORT_ENCRYPTED',
      file,
      'PDF được bảo vệ bằng mật khẩu; hãy gỡ mật khẩu rồi nhập lại.',
      'the PDF is password-protected; remove the password and import again.',
    ),
  tooLarge: (file: string, width: number, height: number, limit: number) =>
    importError(
      'IMPORT_TOO_LARGE',
      file,
      `ảnh quá lớn (${width}×${height} điểm ảnh; tối đa ${Math.round(limit / 1e6)} triệu).`,
      `the image is too large (${width}×${height} pixels; at most ${Math.round(limit / 1e6)} million).`,
      { width, height, limit },
    ),
};
