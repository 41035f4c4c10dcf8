/**
 * Whether this station is behind its release channel. Nothing is downloaded or installed here:
 * provinces roll out versions themselves, and only the desktop app may fetch an installer, and
 * only where IT turned `update.autoDownload` on.
 */
import semver from 'semver';
import type { AppConfig } from '../../platform/config/index.js';
import type { UpdateStatus } from '../../domain/index.js';
import { readFeed } from './feed.js';

export interface CheckOptions {
  currentVersion: string;
  timeoutMs: number;
  now?: () => Date;
  platform?: NodeJS.Platform;
  arch?: string;
}

export async function checkForUpdate(
  settings: AppConfig['update'],
  options: CheckOptions,
): Promise<UpdateStatus> {
  const base = {
    channel: settings.channel,
    currentVersion: options.currentVersion,
    feedUrl: settings.feedUrl ?? null,
    checkedAt: (options.now?.() ?? new Date()).toISOString(),
  };
  if (settings.channel === 'off') {
    return {
      ...base,
      state: 'disabled',
      release: null,
      reason: {
        vi: 'Máy trạm được giữ ở phiên bản hiện tại (update.channel = off)',
        en: 'This station is frozen on its version (update.channel = off)',
      },
    };
  }
  if (!settings.feedUrl) {
    return {
      ...base,
      state: 'disabled',
      release: null,
      reason: {
        vi: 'Chưa cấu hình nguồn cập nhật (update.feedUrl): tỉnh tự triển khai phiên bản mới',
        en: 'No update feed configured (update.feedUrl): the province rolls out new versions itself',
      },
    };
  }
  const release = await readFeed({
    feedUrl: settings.feedUrl,
    channel: settings.channel,
    timeoutMs: options.timeoutMs,
    ...(options.platform ? { platform: options.platform } : {}),
    ...(options.arch ? { arch: options.arch } : {}),
  });
  // A stable station never moves to a pre-release, even if the feed lists one by mistake.
  const eligible = settings.channel === 'beta' || semver.prerelease(release.version) === null;
  const newer = eligible && semver.gt(release.version, options.currentVersion);
  return {
    ...base,
    state: newer ? 'available' : 'up-to-date',
    release: {
      version: release.version,
      ...(release.releaseDate ? { releaseDate: release.releaseDate } : {}),
    },
    reason: null,
  };
}
