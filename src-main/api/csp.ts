/**
 * The Content-Security-Policy of the renderer, sent as a header by both transports (HTTP in
 * browser mode, the `sohoa://` protocol in Electron): only the app's own files, the event socket
 * on the same origin, no inline script, no plugins, no framing. The built page carries the same
 * policy in a meta tag (vite.config.ts), so it holds even when opened another way.
 */
export const rendererCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
