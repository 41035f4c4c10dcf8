/**
 * Electron main process: one instance per user (one owner of the database), the core for the
 * data directory, the IPC transport and the secured window. `--data-dir` and SOHOA_DATA_DIR work
 * as in the CLI, so the desktop app and `sohoa` commands share the same data by default.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, app, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { EVENT_CHANNEL, serveIpc, startBackgroundServices } from '../api/index.js';
import { createCore, type Core } from '../core/index.js';
import { isAppError } from '../domain/index.js';
import {
  createFileLogger,
  defaultDataDir,
  loadConfig,
  type FileLogger,
} from '../platform/index.js';
import { installOsKeychain } from './keychain.js';
import { registerAppScheme, serveRenderer } from './protocol.js';
import { startUpdater } from './updater.js';
import { isAppUrl } from './security.js';
import { createMainWindow, denyPermissions, guardWebContents } from './window.js';

function dataDirFromArgs(argv: readonly string[]): string {
  const flag = argv.findIndex((arg) => arg === '--data-dir' || arg.startsWith('--data-dir='));
  const arg = flag < 0 ? undefined : argv[flag];
  const value = arg?.includes('=') ? arg.slice(arg.indexOf('=') + 1) : arg && argv[flag + 1];
  return resolve(value ?? process.env.SOHOA_DATA_DIR ?? defaultDataDir());
}

const preloadPath = fileURLToPath(new URL('./preload.cjs', import.meta.url));
// The folder holding package.json: the checkout under `electron .`, the asar when packaged.
const rendererDir = join(app.getAppPath(), 'dist', 'renderer');

let core: Core | undefined;
let log: FileLogger | undefined;
let stopIpc: (() => void) | undefined;
let stopUpdater: (() => void) | undefined;

async function start(): Promise<void> {
  const dataDir = dataDirFromArgs(process.argv);
  const { logging } = loadConfig({ dataDir }).config;
  log = await createFileLogger({ dataDir, ...logging });
  const keychain = installOsKeychain();
  core = createCore({ dataDir, logger: log.logger });
  log.logger.info(
    { version: app.getVersion(), dataDir, keychain: keychain.location },
    'desktop app starting',
  );
  denyPermissions();
  serveRenderer(rendererDir);
  stopIpc = serveIpc({
    ipcMain,
    core,
    isTrustedSender: (event: IpcMainInvokeEvent) => isAppUrl(event.senderFrame?.url),
    broadcast: (message) => {
      for (const window of BrowserWindow.getAllWindows())
        window.webContents.send(EVENT_CHANNEL, message);
    },
  });
  await createMainWindow(preloadPath);
  await startBackgroundServices(core);
  stopUpdater = startUpdater(core.config.update, log.logger);
}

async function stop(): Promise<void> {
  stopUpdater?.();
  stopIpc?.();
  await core?.close();
  await log?.close();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('window-all-closed', () => app.quit());
  let stopping = false;
  app.on('will-quit', (event) => {
    if (stopping) return;
    stopping = true;
    event.preventDefault();
    void stop().finally(() => app.exit(0));
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log?.logger.fatal({ err: error }, 'desktop app failed to start');
      const message = isAppError(error)
        ? `${error.localized('vi')}\n\n${error.message}`
        : String(error);
      dialog.showErrorBox('SoHoa không khởi động được / SoHoa failed to start', message);
      app.exit(1);
    });
}
