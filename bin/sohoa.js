#!/usr/bin/env node
// The `sohoa` command. In a source checkout it runs the TypeScript sources through tsx, so the
// command is never stale; in a packaged build (no sources) it runs the compiled JavaScript.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const source = fileURLToPath(new URL('../src-main/cli/main.ts', import.meta.url));
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(source).href);
} else {
  await import(new URL('../dist/main/cli/main.js', import.meta.url).href);
}
