/**
 * Scanner failures as typed AppErrors with messages a counter clerk can act on. Codes are stable
 * (the UI and tests key on them); the driver's own wording goes to `details` for IT staff.
 */
import { AppError, type LocalizedMessage } from '../domain/index.js';

export const DEVICE_STATUS_ERRORS = {
  JAMMED: {
    code: 'SCAN_JAMMED',
    vi: 'Kẹt giấy trong máy quét. Mở nắp, lấy tờ bị kẹt ra rồi quét tiếp.',
    en: 'Paper jam in the scanner. Open the cover, remove the jammed sheet and continue.',
  },
  NO_DOCS: {
    code: 'SCAN_NO_DOCS',
    vi: 'Không có giấy trong khay nạp. Đặt giấy vào khay rồi quét lại.',
    en: 'No documents in the feeder. Load paper and scan again.',
  },
  COVER_OPEN: {
    code: 'SCAN_COVER_OPEN',
    vi: 'Nắp máy quét đang mở. Đóng nắp rồi quét lại.',
    en: 'The scanner cover is open. Close it and scan again.',
  },
  DEVICE_BUSY: {
    code: 'SCAN_DEVICE_BUSY',
    vi: 'Máy quét đang bận (có thể một chương trình khác đang dùng). Chờ một lát rồi thử lại.',
    en: 'The scanner is busy (another program may be using it). Wait a moment and try again.',
  },
  IO_ERROR: {
    code: 'SCAN_IO_ERROR',
    vi: 'Lỗi kết nối với máy quét. Kiểm tra cáp và nguồn điện rồi thử lại.',
    en: 'Communication with the scanner failed. Check the cable and power, then try again.',
  },
  ACCESS_DENIED: {
    code: 'SCAN_ACCESS_DENIED',
    vi: 'Không có quyền truy cập máy quét. Liên hệ bộ phận CNTT để cấp quyền.',
    en: 'Access to the scanner was denied. Ask IT staff for permission.',
  },
  NO_MEM: {
    code: 'SCAN_NO_MEMORY',
    vi: 'Máy quét hoặc trình điều khiển hết bộ nhớ. Giảm độ phân giải rồi thử lại.',
    en: 'The scanner or its driver ran out of memory. Lower the resolution and try again.',
  },
  INVAL: {
    code: 'SCAN_INVALID_SETTINGS',
    vi: 'Máy quét không chấp nhận thiết lập này.',
    en: 'The scanner rejected these settings.',
  },
  UNSUPPORTED: {
    code: 'SCAN_UNSUPPORTED',
    vi: 'Máy quét không hỗ trợ thao tác này.',
    en: 'The scanner does not support this operation.',
  },
} as const satisfies Record<string, LocalizedMessage & { code: string }>;

export type DeviceStatus =
  keyof typeof DEVICE_STATUS_ERRORS | 'CANCELLED' | 'EOF' | 'GOOD' | 'UNKNOWN';

function make(
  code: string,
  message: LocalizedMessage,
  details?: Record<string, unknown>,
): AppError {
  return new AppError(code, message, details ? { details } : {});
}

/** The typed error for a driver status; `details` should say which call and which page. */
export function deviceStatusError(status: string, details: Record<string, unknown> = {}): AppError {
  if (status === 'CANCELLED') return scanCancelled(details);
  const known = DEVICE_STATUS_ERRORS[status as keyof typeof DEVICE_STATUS_ERRORS];
  if (known) return make(known.code, known, { status, ...details });
  return make(
    'SCAN_FAILED',
    { vi: 'Máy quét báo lỗi không xác định.', en: 'The scanner reported an unknown error.' },
    { status, ...details },
  );
}

/** An empty feeder when a batch starts: the clerk forgot to load paper. */
export function noPaper(details: Record<string, unknown> = {}): AppError {
  return make(
    'SCAN_NO_PAPER',
    {
      vi: 'Khay nạp giấy trống: chưa có giấy. Đặt giấy vào khay rồi quét lại.',
      en: 'The document feeder is empty: no paper. Load paper and scan again.',
    },
    details,
  );
}

export function scanCancelled(details: Record<string, unknown> = {}): AppError {
  return make('CANCELLED', { vi: 'Đã hủy lượt quét.', en: 'The scan was cancelled.' }, details);
}

export function hostDied(details: Record<string, unknown> = {}): AppError {
  return make(
    'SCAN_HOST_DIED',
    {
      vi: 'Trình điều khiển máy quét bị dừng đột ngột. Các trang đã quét xong vẫn được giữ; hãy quét tiếp từ trang kế tiếp.',
      en: 'The scanner driver stopped unexpectedly. Pages already scanned are kept; continue from the next page.',
    },
    details,
  );
}

export function hostStartTimedOut(startTimeoutMs: number): AppError {
  return make(
    'SCAN_HOST_TIMEOUT',
    {
      vi: `Trình điều khiển máy quét không khởi động được sau ${Math.round(startTimeoutMs / 1000)} giây. Kiểm tra máy quét (cáp, nguồn) rồi thử lại; nếu vẫn lỗi, báo bộ phận CNTT.`,
      en: `The scanner driver did not start within ${Math.round(startTimeoutMs / 1000)} s. Check the scanner (cable, power) and try again; if it persists, tell IT.`,
    },
    { startTimeoutMs },
  );
}

export function scannerUnavailable(reason: string): AppError {
  return make(
    'SCAN_UNAVAILABLE',
    {
      vi: `Không dùng được trình điều khiển máy quét trên máy này: ${reason}`,
      en: `The scanner driver is unavailable on this machine: ${reason}`,
    },
    { reason },
  );
}

export function deviceNotFound(device: string, known: string[]): AppError {
  return make(
    'SCAN_DEVICE_NOT_FOUND',
    {
      vi: `Không tìm thấy máy quét "${device}". Chạy "sohoa devices" để xem danh sách.`,
      en: `Scanner "${device}" was not found. Run "sohoa devices" to list scanners.`,
    },
    { device, known },
  );
}

/** `what` names the setting in both languages, e.g. { vi: 'nguồn giấy', en: 'source' }. */
export function unsupportedSetting(
  what: LocalizedMessage,
  wanted: string,
  offered: readonly string[],
): AppError {
  return make(
    'SCAN_UNSUPPORTED_SETTING',
    {
      vi: `Máy quét không hỗ trợ ${what.vi} "${wanted}" (có: ${offered.join(', ') || 'không có'}).`,
      en: `The scanner does not support ${what.en} "${wanted}" (offers: ${offered.join(', ') || 'none'}).`,
    },
    { setting: what.en, wanted, offered },
  );
}
