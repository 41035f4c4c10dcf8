/**
 * The scanner stack: the native addon loads (SANE on Linux, TWAIN on Windows) and the scanner
 * host lists at least one device. Runs through the same crash-isolated host the app scans with,
 * so a driver that hangs or crashes here would do the same at the counter.
 */
import type { DoctorCheck } from '../../../domain/index.js';
import { ScanService } from '../../../scan/index.js';
import type { StationContext } from './context.js';
import { fail, ok, reasonOf, warn } from './outcome.js';

const DRIVER_FIX =
  process.platform === 'win32'
    ? {
        vi: 'Cài trình điều khiển TWAIN của hãng máy quét rồi chạy lại (xem ADMIN-GUIDE, mục Máy quét)',
        en: "Install the scanner maker's TWAIN driver, then run again (see ADMIN-GUIDE, Scanners)",
      }
    : {
        vi: 'Cài gói sane-backends phù hợp, thêm người dùng vào nhóm "scanner", cắm lại máy quét; thử "scanimage -L"',
        en: 'Install the matching sane-backends package, add the user to the "scanner" group, replug the scanner; try "scanimage -L"',
      };

export function scannerCheck({ dataDir, config }: StationContext): DoctorCheck {
  return {
    id: 'scanner.devices',
    title: { vi: 'Máy quét', en: 'Scanners' },
    async run() {
      const service = new ScanService(dataDir, () => config.scanner);
      try {
        const devices = await service.devices();
        const names = devices.map((d) => `${d.id} (${d.vendor} ${d.model})`);
        if (devices.length === 0)
          return warn(
            {
              vi: 'Trình điều khiển máy quét hoạt động nhưng không thấy máy quét nào',
              en: 'The scanner stack works but no scanner was found',
            },
            DRIVER_FIX,
          );
        const configured = config.scanner.device;
        if (configured && !devices.some((d) => d.id === configured))
          return warn(
            {
              vi: `Không thấy máy quét đã cấu hình "${configured}"; đang có: ${names.join(', ')}`,
              en: `The configured scanner "${configured}" is not present; found: ${names.join(', ')}`,
            },
            {
              vi: 'Bật/cắm máy quét, hoặc sửa scanner.device cho đúng tên trong "sohoa devices"',
              en: 'Switch on/plug in the scanner, or set scanner.device to a name from "sohoa devices"',
            },
            { devices: names },
          );
        return ok(
          {
            vi: `${devices.length} máy quét: ${names.join(', ')}`,
            en: `${devices.length} scanner(s): ${names.join(', ')}`,
          },
          { devices: names },
        );
      } catch (error) {
        return fail(reasonOf(error), DRIVER_FIX);
      } finally {
        await service.close();
      }
    },
  };
}
