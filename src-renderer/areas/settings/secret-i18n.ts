/** Strings of the gateway client secret (namespace `gatewaySecret`): Vietnamese first, English complete. */
import { defineTexts } from '../../workflow/scan/index.js';

const vi = {
  formLabel: 'Mật khẩu máy trạm của cổng kết nối',
  stored: 'Đã lưu trong kho khóa của máy (không hiển thị lại).',
  missing:
    'Chưa có. Quản trị viên nhập mật khẩu máy trạm do Sở cấp ở ô bên dưới (hoặc bộ phận CNTT dùng lệnh “sohoa sync login”).',
  fromEnvironment:
    'Máy đang dùng mật khẩu trong biến môi trường SOHOA_GATEWAY_SECRET; mật khẩu lưu ở đây chỉ có tác dụng khi bỏ biến đó.',
  newSecret: 'Mật khẩu máy trạm mới',
  save: 'Lưu mật khẩu máy trạm',
  clear: 'Xóa mật khẩu máy trạm',
  confirmClear: 'Xóa mật khẩu máy trạm? Máy sẽ ngừng đồng bộ cho tới khi nhập mật khẩu mới.',
  saved: 'Đã lưu mật khẩu máy trạm; đồng bộ dùng mật khẩu mới ngay.',
  savedNotConfigured:
    'Đã lưu mật khẩu máy trạm. Đồng bộ chưa chạy: còn thiếu địa chỉ cổng kết nối, mã máy trạm hoặc mã cơ quan.',
  cleared: 'Đã xóa mật khẩu máy trạm; máy ngừng đồng bộ.',
  adminOnly: 'Chỉ quản trị viên được nhập hoặc đổi mật khẩu máy trạm.',
} as const;

const en: Record<keyof typeof vi, string> = {
  formLabel: "Gateway's station client secret",
  stored: "Stored in the station's keychain (never shown again).",
  missing:
    'Not set. An administrator enters the client secret issued by the province below (or IT staff use “sohoa sync login”).',
  fromEnvironment:
    'The station uses the secret in the SOHOA_GATEWAY_SECRET environment variable; one stored here applies only once that variable is removed.',
  newSecret: 'New client secret',
  save: 'Save the client secret',
  clear: 'Remove the client secret',
  confirmClear: 'Remove the client secret? The station stops syncing until a new one is entered.',
  saved: 'Client secret saved; sync uses it right away.',
  savedNotConfigured:
    'Client secret saved. Sync is not running yet: the gateway address, client id or agency code is missing.',
  cleared: 'Client secret removed; the station no longer syncs.',
  adminOnly: 'Only an administrator may enter or change the client secret.',
};

export const useSecretTexts = defineTexts('gatewaySecret', vi, en);
