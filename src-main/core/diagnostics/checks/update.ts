/**
 * The station's release channel and, when the province runs an update feed, whether a newer
 * version waits for roll-out. Never fails: being behind is the province's decision.
 */
import type { DoctorCheck } from '../../../domain/index.js';
import { packageInfo } from '../../../platform/index.js';
import { checkForUpdate, describeUpdate, FEED_TIMEOUT_MS } from '../../update/index.js';
import type { StationContext } from './context.js';
import { ok, reasonOf, warn } from './outcome.js';

export function updateCheck({ config }: StationContext): DoctorCheck {
  return {
    id: 'update.channel',
    title: { vi: 'Kênh cập nhật phiên bản', en: 'Update channel' },
    async run() {
      const currentVersion = packageInfo().version;
      try {
        const status = await checkForUpdate(config.update, {
          currentVersion,
          timeoutMs: FEED_TIMEOUT_MS,
        });
        const details = { channel: status.channel, currentVersion, feedUrl: status.feedUrl };
        if (status.state !== 'available') return ok(describeUpdate(status), details);
        return warn(
          describeUpdate(status),
          {
            vi: 'Cài bản mới theo kế hoạch triển khai của tỉnh (MSI/.deb)',
            en: "Install it following the province's roll-out plan (MSI/.deb)",
          },
          { ...details, available: status.release?.version },
        );
      } catch (error) {
        return warn(reasonOf(error), {
          vi: 'Kiểm tra update.feedUrl và mạng nội bộ tới máy chủ cập nhật của tỉnh',
          en: "Check update.feedUrl and the network path to the province's update server",
        });
      }
    },
  };
}
