#!/usr/bin/env node
// Compiles the imaging kernels (AssemblyScript, wasm SIMD) to native/kernels/build/kernels.wasm.
// Run by the `npm install` hook after the scanner addon, and by hand after editing assembly/.
// Unlike the scanner addon the kernels are not optional (every page goes through them), so a
// failure fails the install. AssemblyScript is a devDependency: packaged apps carry the .wasm.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outFile = join(here, 'build', 'kernels.wasm');

let asc;
try {
  asc = await import('assemblyscript/asc');
} catch (error) {
  console.error(
    `sohoa: cannot build the imaging kernels — the AssemblyScript compiler (devDependency "assemblyscript") is not installed: ${error.message}\n` +
      'Install the dev dependencies (npm ci) and run `node native/kernels/build.mjs`.',
  );
  process.exit(1);
}

mkdirSync(dirname(outFile), { recursive: true });
const { error, stderr } = await asc.main([
  join(here, 'assembly', 'index.ts'),
  '--outFile',
  outFile,
  '-O3',
  // no allocator and no garbage collector: the host lays out memory for every call
  '--runtime',
  'stub',
  '--noAssert',
  '--enable',
  'simd',
]);
if (error) {
  console.error(`sohoa: imaging kernels failed to compile: ${error.message}\n${stderr.toString()}`);
  process.exit(1);
}
console.log('sohoa: imaging kernels built (native/kernels/build/kernels.wasm)');
