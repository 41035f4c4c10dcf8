/** One sentence, in both languages, for what a check found. */
import type { LocalizedMessage, UpdateStatus } from '../../domain/index.js';

export function describeUpdate(status: UpdateStatus): LocalizedMessage {
  if (status.reason) return status.reason;
  const { channel, currentVersion } = status;
  const offered = status.release?.version ?? '?';
  return status.state === 'available'
    ? {
        vi: `Có phiên bản ${offered} trên kênh ${channel} (máy đang dùng ${currentVersion})`,
        en: `Version ${offered} is available on the ${channel} channel (this station runs ${currentVersion})`,
      }
    : {
        vi: `Đang dùng bản mới nhất của kênh ${channel} (${currentVersion})`,
        en: `Up to date on the ${channel} channel (${currentVersion})`,
      };
}
