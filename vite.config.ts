/**
 * Renderer build: `src-renderer` → `dist/renderer`, served by `sohoa serve` and loaded by the
 * Electron window. Relative asset URLs so the same build works over http:// and file://.
 * Every asset is emitted as a file (no data: URIs), and the built page carries the transports'
 * Content-Security-Policy (src-main/api/csp.ts) in a meta tag, so it holds however it is opened.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { rendererCsp } from './src-main/api/csp.js';

const root = fileURLToPath(new URL('./src-renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));

// `frame-ancestors` only works as a header (the transports send it); in a meta tag Chromium
// ignores it with a console error.
const metaCsp = rendererCsp
  .split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');

// Only at build time: the dev server injects an inline React Refresh preamble a strict policy
// would block.
function cspMeta(): Plugin {
  return {
    name: 'sohoa-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: metaCsp },
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
