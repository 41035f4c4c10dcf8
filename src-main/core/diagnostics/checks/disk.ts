/**
 * Free space where the data directory lives. A full disk is how a day's scans get lost, so the
 * thresholds are counted in pages: a 300 dpi colour page with its PDF is roughly 1 MB.
 */
import { statfsSync } from 'node:fs';
import type { DoctorCheck } from '../../../domain/index.js';
import type { StationContext } from './context.js';
import { fail, ok, warn } from './outcome.js';

const GiB = 1024 ** 3;
/** Below this, a batch scan can fill the disk mid-session. */
export const DISK_FAIL_BYTES = 1 * GiB;
/** Below this, there is room for a few thousand pages only. */
export const DISK_WARN_BYTES = 5 * GiB;

const gib = (bytes: number): string => (bytes / GiB).toFixed(1);

export function diskCheck({ dataDir }: StationContext): DoctorCheck {
  return {
    id: 'disk.free',
    title: { vi: 'Dung lượng đĩa trống', en: 'Free disk space' },
    run() {
      const s = statfsSync(dataDir);
      const free = s.bavail * s.bsize;
      const total = s.blocks * s.bsize;
      const details = { dataDir, freeBytes: free, totalBytes: total };
      const text = {
        vi: `Còn trống ${gib(free)} GiB / ${gib(total)} GiB tại ${dataDir}`,
        en: `${gib(free)} GiB free of ${gib(total)} GiB at ${dataDir}`,
      };
      const fix = {
        vi: 'Đồng bộ và lưu trữ hồ sơ cũ, hoặc chuyển thư mục dữ liệu sang ổ lớn hơn (--data-dir)',
        en: 'Sync and archive old dossiers, or move the data folder to a larger disk (--data-dir)',
      };
      if (free < DISK_FAIL_BYTES) return fail(text, fix, details);
      if (free < DISK_WARN_BYTES) return warn(text, fix, details);
      return ok(text, details);
    },
  };
}
