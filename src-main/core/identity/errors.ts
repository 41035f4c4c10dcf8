/**
 * The refusals a clerk can meet at sign-in and afterwards, each with its own code (the HTTP
 * status follows from it, see api/http/status.ts) and a message that says what to do next.
 */
import { AppError } from '../../domain/index.js';

/** HH:mm at the counter (Asia/Ho_Chi_Minh), for "try again after …". */
function counterTime(iso: string): string {
  return new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

export const signInFailed = (): AppError =>
  new AppError('SIGN_IN_FAILED', {
    vi: 'Sai tên đăng nhập hoặc mật khẩu',
    en: 'Wrong user name or password',
  });

export const accountLocked = (username: string, until: string): AppError =>
  new AppError(
    'ACCOUNT_LOCKED',
    {
      vi: `Tài khoản "${username}" bị khóa tạm thời vì nhập sai mật khẩu nhiều lần. Thử lại sau ${counterTime(until)} hoặc nhờ quản trị viên mở khóa`,
      en: `The account "${username}" is locked after too many wrong passwords. Try again after ${counterTime(until)} or ask an administrator to unlock it`,
    },
    { details: { username, lockedUntil: until } },
  );

export const accountDisabled = (username: string): AppError =>
  new AppError(
    'ACCOUNT_DISABLED',
    {
      vi: `Tài khoản "${username}" đã bị vô hiệu hóa; liên hệ quản trị viên`,
      en: `The account "${username}" is disabled; contact an administrator`,
    },
    { details: { username } },
  );

export const signInRequired = (): AppError =>
  new AppError('SIGN_IN_REQUIRED', {
    vi: 'Cần đăng nhập để làm việc này',
    en: 'Sign in to do this',
  });

export const sessionExpired = (expiredAt: string): AppError =>
  new AppError(
    'SESSION_EXPIRED',
    {
      vi: 'Phiên làm việc đã hết hạn; vui lòng đăng nhập lại',
      en: 'Your session has expired; please sign in again',
    },
    { details: { expiredAt } },
  );

export const sessionLocked = (): AppError =>
  new AppError('SESSION_LOCKED', {
    vi: 'Màn hình đang khóa; nhập mật khẩu để mở khóa',
    en: 'The screen is locked; enter your password to unlock it',
  });

export const adminOnly = (method: string): AppError =>
  new AppError(
    'FORBIDDEN',
    {
      vi: 'Chỉ quản trị viên được quản lý tài khoản, mật khẩu máy trạm của cổng kết nối và việc xóa dữ liệu hết hạn lưu giữ',
      en: "Only an administrator may manage accounts, the gateway's client secret and retention",
    },
    { details: { method } },
  );

export const localModeOnly = (): AppError =>
  new AppError('IDENTITY_CONFLICT', {
    vi: 'Trạm đang dùng tài khoản hệ điều hành (security.identity = "os"); tài khoản SoHoa chỉ dùng khi security.identity = "local"',
    en: 'The station uses the operating-system account (security.identity = "os"); SoHoa accounts apply only when security.identity = "local"',
  });
