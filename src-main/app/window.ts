/**
 * The main window and the guards every web contents gets: no navigation away from the app, no
 * new windows, no webviews, and no permission (camera, notifications, USB…) unless a later
 * capability grants one here on purpose.
 */
import { BrowserWindow, app, session, type WebContents } from 'electron';
import { APP_URL, isAppUrl, secureWebPreferences } from './security.js';

export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function denyPermissions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

export async function createMainWindow(preloadPath: string): Promise<BrowserWindow> {
  const window = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    title: 'SoHoa',
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath, !app.isPackaged),
  });
  window.once('ready-to-show', () => window.show());
  await window.loadURL(APP_URL);
  return window;
}
