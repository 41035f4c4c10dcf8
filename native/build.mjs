#!/usr/bin/env node
// `npm install` hook: builds the scanner addon when the platform's scanner SDK is present
// (libsane headers on Linux/macOS; TWAIN needs nothing beyond the Windows SDK). It never fails
// the install: when the addon cannot be built, native/build/unavailable.json records why, and
// the SANE driver reports itself "unavailable" with that reason at run time.
//
// node-gyp comes from the project (devDependency) or, under `npm ci --omit=dev`, from the copy
// npm bundles (npm exports its path as npm_config_node_gyp). The addon uses Node-API only, so
// this one build loads under Node and Electron alike; no electron-rebuild step is needed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const buildDir = join(here, 'build');
const unavailableFile = join(buildDir, 'unavailable.json');

function giveUp(reason) {
  mkdirSync(buildDir, { recursive: true });
  writeFileSync(
    unavailableFile,
    `${JSON.stringify({ reason, at: new Date().toISOString() }, null, 2)}\n`,
  );
  console.warn(`sohoa: scanner addon not built — ${reason}`);
  process.exit(0);
}

function saneHeadersPresent() {
  const dirs = [
    '/usr/include',
    '/usr/local/include',
    '/opt/homebrew/include',
    '/opt/local/include',
  ];
  if (dirs.some((d) => existsSync(join(d, 'sane', 'sane.h')))) return true;
  const probe = spawnSync('pkg-config', ['--exists', 'sane-backends']);
  return probe.status === 0;
}

function findNodeGyp() {
  try {
    return createRequire(join(here, '..', 'package.json')).resolve('node-gyp/bin/node-gyp.js');
  } catch {
    const bundled = process.env.npm_config_node_gyp;
    return bundled && existsSync(bundled) ? bundled : undefined;
  }
}

if (process.platform !== 'win32' && !saneHeadersPresent()) {
  giveUp(
    'libsane development headers (sane/sane.h) are not installed; install libsane-dev and run `npm rebuild sohoa` or `node native/build.mjs`',
  );
}
const nodeGyp = findNodeGyp();
if (!nodeGyp)
  giveUp("node-gyp is not available (neither the project devDependency nor npm's bundled copy)");

// `npm install <pkg>` runs this hook again: build incrementally when configured before (make
// leaves a working addon in place while it relinks); configure from scratch otherwise.
const configured =
  existsSync(join(buildDir, 'config.gypi')) && existsSync(join(buildDir, 'Makefile'));
const args = [nodeGyp, configured ? 'build' : 'rebuild'];
// Offline machines: use the headers installed next to this Node instead of downloading them.
const localHeaders = join(dirname(process.execPath), '..', 'include', 'node', 'node_api.h');
if (!process.env.npm_config_nodedir && existsSync(localHeaders))
  args.push(`--nodedir=${join(dirname(process.execPath), '..')}`);

let result = spawnSync(process.execPath, args, { cwd: here, encoding: 'utf8' });
if (result.status !== 0 && configured) {
  // a stale configuration (another Node, moved checkout): start over
  result = spawnSync(process.execPath, [nodeGyp, 'rebuild', ...args.slice(2)], {
    cwd: here,
    encoding: 'utf8',
  });
}
if (result.status !== 0) {
  const tail = `${result.stderr ?? ''}${result.stdout ?? ''}`
    .trim()
    .split('\n')
    .slice(-8)
    .join('\n');
  giveUp(`node-gyp failed (exit ${result.status ?? result.signal}):\n${tail}`);
}
rmSync(unavailableFile, { force: true });
console.log('sohoa: scanner addon built (native/build/Release/sohoa_scanner.node)');
