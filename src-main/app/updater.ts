/**
 * The desktop app's side of updates: electron-updater pointed at the province's feed. Nothing
 * happens without `update.feedUrl`, nothing is downloaded without `update.autoDownload`, and a
 * downloaded version is installed only when the clerk quits the app — never mid-reception.
 */
import electronUpdater from 'electron-updater';
import type { AppConfig, FileLogger } from '../platform/index.js';

type Logger = FileLogger['logger'];

/** Starts checking per the settings; returns the function that stops it. */
export function startUpdater(settings: AppConfig['update'], log: Logger): () => void {
  if (settings.channel === 'off' || !settings.feedUrl) {
    log.info({ channel: settings.channel }, 'update checks off');
    return () => undefined;
  }
  const { autoUpdater } = electronUpdater;
  autoUpdater.setFeedURL({
    provider: 'generic',
    url: settings.feedUrl,
    channel: settings.channel === 'stable' ? 'latest' : 'beta',
  });
  autoUpdater.allowPrerelease = settings.channel === 'beta';
  autoUpdater.allowDowngrade = false;
  autoUpdater.autoDownload = settings.autoDownload;
  autoUpdater.autoInstallOnAppQuit = settings.autoDownload;
  autoUpdater.on('update-available', (info) =>
    log.info({ version: info.version, autoDownload: settings.autoDownload }, 'update available'),
  );
  autoUpdater.on('update-downloaded', (info) =>
    log.info({ version: info.version }, 'update downloaded; installs when the app quits'),
  );
  autoUpdater.on('error', (err) => log.warn({ err }, 'update check failed'));
  const check = (): void => {
    autoUpdater.checkForUpdates().catch((err: unknown) => log.warn({ err }, 'update check failed'));
  };
  check();
  const timer =
    settings.checkIntervalHours > 0
      ? setInterval(check, settings.checkIntervalHours * 3_600_000)
      : undefined;
  timer?.unref();
  return () => clearInterval(timer);
}
