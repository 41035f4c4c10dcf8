/**
 * Bulk job landing speed: a generated QR-separated job (SOHOA_BENCH_BATCH_DOSSIERS dossiers of
 * 10 pages, default 20) run through `runJob` (decode, QR search, blob + rows in one transaction
 * per page). The anchor, measured in the same run over the same files, is the import driver
 * alone (decode only), so the ratio shows what separation and durable landing cost. Memory: peak
 * RSS in the second half of the job over the first half (flat ≈ 1).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createJob, runJob } from '../../src-main/core/batch/index.js';
import { importFiles } from '../../src-main/scan/index.js';
import { openStore } from '../../src-main/store/index.js';
import { generateJob } from '../batch/fixture.js';
import type { BenchReport } from './report.js';

const DOSSIERS = Number(process.env.SOHOA_BENCH_BATCH_DOSSIERS ?? 20);

export async function run(): Promise<BenchReport> {
  const root = mkdtempSync(join(tmpdir(), 'sohoa-bench-batch-'));
  try {
    const job = await generateJob(join(root, 'source'), {
      leading: 2,
      dossiers: DOSSIERS,
      perDossier: 10,
    });
    const files = [...new Set(job.pages.map((p) => join(root, 'source', p.path)))];

    let t = performance.now();
    let anchorPages = 0;
    for await (const _page of importFiles({ files, dpi: 300 })) anchorPages += 1;
    const anchorMin = (performance.now() - t) / 60_000;

    const store = await openStore(join(root, 'data'));
    const rss: number[] = [];
    try {
      await createJob(store, { name: 'bench', source: job.dir, separator: 'qr' });
      t = performance.now();
      const status = await runJob(store, 'bench', {
        onProgress: () => rss.push(process.memoryUsage().rss),
      });
      const jobMin = (performance.now() - t) / 60_000;
      const half = Math.floor(rss.length / 2);
      const peak = (xs: number[]) => Math.max(...xs) / 2 ** 20;
      const jobRate = status.pages / jobMin;
      const anchorRate = anchorPages / anchorMin;
      return {
        name: 'batch',
        setup: { pages: status.pages, dossiers: status.dossiers, page: '900x1270 px, 150 dpi' },
        figures: [
          { name: 'batch run (QR separation, landed)', value: jobRate, unit: 'pages/min' },
          { name: 'anchor: import driver decode only', value: anchorRate, unit: 'pages/min' },
          { name: 'batch run / anchor', value: jobRate / anchorRate, unit: 'x' },
          { name: 'peak RSS first half', value: peak(rss.slice(0, half)), unit: 'MiB' },
          { name: 'peak RSS second half', value: peak(rss.slice(half)), unit: 'MiB' },
          {
            name: 'peak RSS second half / first half',
            value: peak(rss.slice(half)) / peak(rss.slice(0, half)),
            unit: 'x',
            goal: '<= 1.2 (flat)',
            met: peak(rss.slice(half)) / peak(rss.slice(0, half)) <= 1.2,
          },
        ],
      };
    } finally {
      store.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
