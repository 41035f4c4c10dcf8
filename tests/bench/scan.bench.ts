/**
 * Scanning benchmark with the libsane test device: 100 pages at 300 dpi colour (200 × 200 mm,
 * the device's whole area: 2362 × 2362 px, 16.7 MB raw per page) through the scanner host into
 * a folder.
 *
 * - Memory: RSS of the app process and of the scanner host, sampled every 50 ms; flat means the
 *   peak over the last 30 pages is no more than 15 % above the peak over pages 11–40.
 * - Latency: from a page's last byte (host) to its pageAcquired event (app), with the device
 *   paced like a fast production ADF (~80 pages/min), so queueing behind a device faster than
 *   any real one does not hide the per-page cost. Goal: p95 under 300 ms.
 * - Throughput: an unpaced 10-page feeder batch against the anchor — `scanimage --batch` reading
 *   the same pages from the same device in the same run (ratio = our time / scanimage's).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configSchema } from '../../src-main/platform/index.js';
import {
  OutDirDestination,
  ScanService,
  type ScanRequestInput,
} from '../../src-main/scan/index.js';
import type { BenchReport } from './report.js';

const PAGES = Number(process.env.SCAN_BENCH_PAGES ?? 100);
const request: Partial<ScanRequestInput> = {
  device: 'test:0',
  source: 'adf',
  dpi: 300,
  mode: 'color',
  pageSize: 'max',
  deviceOptions: { 'test-picture': 'Color pattern' },
};
const paced = {
  ...request,
  deviceOptions: { ...request.deviceOptions, 'read-delay': true, 'read-delay-duration': 3000 },
};

function rssOf(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export async function run(): Promise<BenchReport> {
  const work = mkdtempSync(join(tmpdir(), 'sohoa-scan-bench-'));
  const saneDir = join(work, 'sane');
  spawnSync('mkdir', ['-p', saneDir]);
  writeFileSync(join(saneDir, 'dll.conf'), 'test\n');
  process.env.SANE_CONFIG_DIR = saneDir;
  const service = new ScanService(join(work, 'data'), () => configSchema.parse({}).scanner);
  try {
    // Anchor: scanimage reading one feeder batch (10 pages) from the same device.
    const anchorStart = performance.now();
    const anchor = spawnSync(
      'scanimage',
      [
        '-d',
        'test:0',
        '--source',
        'Automatic Document Feeder',
        '--resolution',
        '300',
        '--mode',
        'Color',
        '-x',
        '200',
        '-y',
        '200',
        '--test-picture',
        'Color pattern',
        `--batch=${join(work, 'anchor-%d.pnm')}`,
      ],
      { env: { ...process.env, LC_ALL: 'C' } },
    );
    const anchorMs = performance.now() - anchorStart;
    if (anchor.status !== 0) throw new Error(`scanimage failed: ${anchor.stderr.toString()}`);

    await service.devices(); // start the host outside the timings
    const oursStart = performance.now();
    const unpaced = await service.scan(request, new OutDirDestination(join(work, 'unpaced')));
    const oursMs = performance.now() - oursStart;

    // 100 paced pages, RSS sampled throughout; the out folder is emptied between batches so
    // the disk does not fill, which leaves memory as the only thing that could grow.
    const samples: Array<{ page: number; app: number; host: number }> = [];
    let page = 0;
    const hostPid = await service.driver.host.pid();
    const sampler = setInterval(
      () => samples.push({ page, app: process.memoryUsage().rss, host: rssOf(hostPid) }),
      50,
    );
    const latencies: number[] = [];
    while (page < PAGES) {
      const out = join(work, 'paced');
      await service.scan(paced, new OutDirDestination(out), {
        onPageAcquired: (e) => {
          page += 1;
          latencies.push(e.latencyMs);
        },
      });
      rmSync(out, { recursive: true, force: true });
    }
    clearInterval(sampler);

    const peak = (from: number, to: number, key: 'app' | 'host') =>
      Math.max(0, ...samples.filter((s) => s.page >= from && s.page <= to).map((s) => s[key]));
    const early = Math.max(peak(11, 40, 'app') + peak(11, 40, 'host'), 1);
    const late = peak(PAGES - 29, PAGES, 'app') + peak(PAGES - 29, PAGES, 'host');
    const mib = (b: number) => b / 2 ** 20;
    const p95 = percentile(latencies, 95);
    return {
      name: 'scan',
      setup: {
        pages: PAGES,
        page: '2362 x 2362 px RGB 8-bit (200 x 200 mm at 300 dpi), test picture "Color pattern"',
        pacing: 'read-delay 3 ms per transfer (~80 pages/min)',
        anchor: 'scanimage --batch, same 10 pages, same device',
      },
      figures: [
        { name: 'peak RSS app + host, pages 11-40', value: mib(early), unit: 'MiB' },
        {
          name: `peak RSS app + host, pages ${PAGES - 29}-${PAGES}`,
          value: mib(late),
          unit: 'MiB',
        },
        {
          name: 'RSS growth (late peak / early peak)',
          value: late / early,
          unit: 'ratio',
          goal: '<= 1.15 (flat)',
          met: late / early <= 1.15,
        },
        {
          name: 'peak RSS scanner host',
          value: mib(Math.max(...samples.map((s) => s.host))),
          unit: 'MiB',
        },
        { name: 'last byte -> pageAcquired, median', value: percentile(latencies, 50), unit: 'ms' },
        {
          name: 'last byte -> pageAcquired, p95',
          value: p95,
          unit: 'ms',
          goal: '< 300 ms',
          met: p95 < 300,
        },
        { name: 'last byte -> pageAcquired, max', value: Math.max(...latencies), unit: 'ms' },
        { name: 'unpaced 10-page batch, ours', value: oursMs, unit: 'ms' },
        { name: 'unpaced 10-page batch, scanimage (anchor)', value: anchorMs, unit: 'ms' },
        { name: 'unpaced time ratio ours / scanimage', value: oursMs / anchorMs, unit: 'ratio' },
        { name: 'unpaced pages landed', value: unpaced.result.pages, unit: 'pages' },
      ],
    };
  } finally {
    await service.close();
    rmSync(work, { recursive: true, force: true });
  }
}
