/**
 * Renderer build: `src-renderer` → `dist/renderer`, served by `sohoa serve` and loaded by the
 * Electron window. Relative asset URLs so the same build works over http:// and file://.
 * Every asset is emitted as a file (no data: URIs), and the built page carries its own strict
 * Content-Security-Policy, so it runs under the same policy in both transports.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('./src-renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));

/** The policy of the built page: only our own files; the event socket on the same host. */
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
].join('; ');

// Only at build time: the dev server injects an inline React Refresh preamble a strict policy
// would block.
function cspMeta(): Plugin {
  return {
    name: 'sohoa-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: rendererCsp },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir,
    emptyOutDir: true,
    assetsInlineLimit: 0,
    sourcemap: true,
    target: 'chrome120',
  },
});
