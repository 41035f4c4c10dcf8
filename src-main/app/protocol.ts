/**
 * Serves the built renderer on `sohoa://app/` with the strict CSP as a real header. A custom
 * secure scheme instead of file:// keeps the page from reading the disk and gives it an origin
 * that navigation and IPC checks can name.
 */
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { rendererCsp } from '../api/index.js';
import { APP_SCHEME, resolveAppFile } from './security.js';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).href);
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', rendererCsp);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
