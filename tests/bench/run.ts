/**
 * `npm run bench [name…]`: runs tests/bench/<name>.bench.ts (all of them when no name is given),
 * prints each figure against its goal and writes bench-results/<name>.json.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchReport } from './report.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace('.bench.ts', '')));
if (files.length === 0) {
  console.error(`No benchmark matches: ${wanted.join(', ')}`);
  process.exit(2);
}
const outDir = join(here, '..', '..', 'bench-results');
mkdirSync(outDir, { recursive: true });
let failedGoals = 0;
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { run: () => Promise<BenchReport> };
  const report = await mod.run();
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memGiB: Math.round(totalmem() / 2 ** 30) };
  writeFileSync(join(outDir, `${report.name}.json`), JSON.stringify({ ...report, machine, at: new Date().toISOString() }, null, 2));
  console.log(`\n== ${report.name} ==`);
  console.log(JSON.stringify(report.setup));
  for (const f of report.figures) {
    const status = f.met === undefined ? '' : f.met ? '  ok' : '  MISSED';
    if (f.met === false) failedGoals += 1;
    console.log(`${f.name.padEnd(52)} ${f.value.toFixed(f.value < 10 ? 3 : 1).padStart(12)} ${f.unit.padEnd(10)} ${f.goal ?? ''}${status}`);
  }
}
console.log(`\n${failedGoals === 0 ? 'All stated goals met.' : `${failedGoals} goal(s) missed.`}`);
