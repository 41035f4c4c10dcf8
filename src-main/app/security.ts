/**
 * The desktop window's security rules as plain data and functions (no Electron import), so they
 * are tested without an Electron binary: the renderer runs sandboxed with context isolation and
 * no Node, reaches the app only through the preload's `window.sohoa`, and may show nothing but
 * the app's own origin.
 */
import { resolve, sep } from 'node:path';
import type { WebPreferences } from 'electron';

/** The renderer is served from this privileged, standard, secure scheme (not file://). */
export const APP_SCHEME = 'sohoa';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

export function secureWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools,
  };
}

// Compared by scheme and host: Node's URL gives custom schemes an opaque origin ("null").
function isAppLocation(url: URL): boolean {
  return url.protocol === `${APP_SCHEME}:` && url.host === 'app';
}

/** True for URLs of the app itself; everything else is refused navigation and IPC. */
export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return isAppLocation(new URL(url));
  } catch {
    return false;
  }
}

/**
 * The file under `rendererDir` a `sohoa://app/...` URL names, or undefined when it would leave
 * the folder. Paths without an extension are client-side routes and get index.html.
 */
export function resolveAppFile(rendererDir: string, url: string): string | undefined {
  const parsed = new URL(url);
  if (!isAppLocation(parsed)) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return undefined;
  }
  if (path === '/' || !/\.[a-z0-9]+$/i.test(path)) path = '/index.html';
  const root = resolve(rendererDir);
  const file = resolve(root, `.${path}`);
  return file.startsWith(root + sep) ? file : undefined;
}
