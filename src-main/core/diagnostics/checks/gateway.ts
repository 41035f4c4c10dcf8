/**
 * The provincial gateway: configured, reachable over the network, and accepting this
 * workstation's credentials (a real token request, the first thing every sync does).
 */
import type { DoctorCheck } from '../../../domain/index.js';
import {
  GatewayClient,
  readClientSecret,
  syncSettingsFrom,
  systemClock,
} from '../../../sync/index.js';
import type { StationContext } from './context.js';
import { fail, ok, reasonOf, warn } from './outcome.js';

export function gatewayCheck({ dataDir, config, env }: StationContext): DoctorCheck {
  return {
    id: 'gateway.connection',
    title: { vi: 'Kết nối cổng dịch vụ công của tỉnh', en: 'Provincial gateway connection' },
    async run() {
      if (!config.gateway.baseUrl)
        return warn(
          {
            vi: 'Chưa cấu hình cổng kết nối: máy trạm chỉ làm việc ngoại tuyến',
            en: 'No gateway configured: this workstation works offline only',
          },
          {
            vi: 'Đặt gateway.baseUrl, gateway.clientId, agency.code rồi chạy "sohoa sync login"',
            en: 'Set gateway.baseUrl, gateway.clientId, agency.code, then run "sohoa sync login"',
          },
        );
      let client: GatewayClient;
      try {
        client = new GatewayClient(
          syncSettingsFrom(config, readClientSecret(dataDir, env)),
          systemClock,
        );
      } catch (error) {
        return fail(reasonOf(error), {
          vi: 'Bổ sung cấu hình còn thiếu (xem ADMIN-GUIDE, mục Cấu hình)',
          en: 'Add the missing setting (see ADMIN-GUIDE, Configuration)',
        });
      }
      const url = client.config.gatewayUrl;
      if (!(await client.reachable()))
        return fail(
          { vi: `Không kết nối được ${url}`, en: `Cannot reach ${url}` },
          {
            vi: 'Kiểm tra mạng, proxy, tường lửa và địa chỉ gateway.baseUrl',
            en: 'Check the network, proxy, firewall and gateway.baseUrl',
          },
          { url },
        );
      try {
        await client.accessToken();
      } catch (error) {
        return fail(
          reasonOf(error),
          {
            vi: 'Kiểm tra gateway.clientId, agency.code và chạy lại "sohoa sync login" với mật khẩu đúng',
            en: 'Check gateway.clientId and agency.code, and run "sohoa sync login" again with the right secret',
          },
          { url },
        );
      }
      return ok(
        {
          vi: `Kết nối ${url}; thông tin đăng nhập được chấp nhận`,
          en: `Connected to ${url}; credentials accepted`,
        },
        { url },
      );
    },
  };
}
