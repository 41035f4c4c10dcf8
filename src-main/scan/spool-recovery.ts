/**
 * Paper becomes data exactly once, even when the app dies between the scanner host spooling a
 * page and the page landing at its destination. At start, every scan folder in the spool whose
 * owner is gone is replayed in the original order (folders by creation, pages by index): a page
 * whose landing intent shows it already committed is only released; any other page lands now,
 * with the same `pageAcquired` event as a live scan. Pages whose destination cannot be resolved
 * (a deleted dossier, an unknown destination) are kept, logged and reported by the doctor check;
 * so are pages sealed with a key this PC's keychain does not hold (they open once IT recovers it).
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckResult, DoctorCheck } from '../domain/index.js';
import { processAlive, type Logger } from '../platform/index.js';
import { openStore, type Store } from '../store/index.js';
import { landOnce, pageAcquiredEvent, type PageAcquired } from './acquire.js';
import type { PageDestination } from './destination.js';
import {
  listSpooledPages,
  releaseSpooledPage,
  spoolHoldsPages,
  type SpooledPage,
  type SpoolKeys,
} from './host/spool.js';
import { readLandingIntent, readSpoolTarget, type LandingTarget } from './landing-journal.js';
import { OutDirDestination } from './out-dir.js';
import { imageFromSpool } from './sane/driver.js';
import { DossierDestination } from './store-destination.js';

export interface StrandedScan {
  /** The scan's spool folder. */
  dir: string;
  pages: number;
  target: LandingTarget | null;
  reason: string;
}

export interface SpoolRecoveryReport {
  /** Pages landed now, in the order they were scanned. */
  landed: PageAcquired[];
  /** Pages found already landed (the app died after the commit): released, not landed again. */
  alreadyLanded: number;
  /** Scans whose pages stay in the spool. */
  stranded: StrandedScan[];
}

export interface SpoolRecoveryOptions {
  /** `<data dir>/spool/scan` */
  spoolRoot: string;
  dataDir: string;
  /** The data folder's keys: spooled pages (and batch runs' pages) are sealed with them. */
  keys: SpoolKeys;
  logger: Logger;
  onPageAcquired?: (event: PageAcquired) => void;
}

/** Whether the process that wrote a spool folder is still running (then its scan is live). */
function alive(pid: number): boolean {
  return pid === process.pid || processAlive(pid);
}

interface ScanFolder {
  dir: string;
  target: LandingTarget | null;
  createdAt: number;
  /** Its target file exists (a folder without one may be a scan being set up right now). */
  recorded: boolean;
}

/** Spool folders of scans whose app process is gone, oldest first. */
function orphanedScans(spoolRoot: string): ScanFolder[] {
  if (!existsSync(spoolRoot)) return [];
  return readdirSync(spoolRoot, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => join(spoolRoot, e.name))
    .flatMap((dir) => {
      const file = readSpoolTarget(dir);
      if (file && alive(file.pid)) return [];
      return [
        { dir, target: file?.target ?? null, createdAt: file?.createdAt ?? 0, recorded: !!file },
      ];
    })
    .sort((a, b) => a.createdAt - b.createdAt || a.dir.localeCompare(b.dir));
}

/** Opens the store only if some scan was going to a dossier. */
class Destinations {
  #store: Store | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly keys: SpoolKeys,
  ) {}

  async resolve(target: LandingTarget): Promise<PageDestination> {
    if (target.kind === 'out')
      return new OutDirDestination(target.dir, target.sealed ? this.keys : undefined);
    this.#store ??= await openStore(this.dataDir);
    return new DossierDestination(this.#store, target.MaHoSo, target.MaThanhPhanHoSo);
  }

  close(): void {
    this.#store?.close();
  }
}

export async function recoverSpool(options: SpoolRecoveryOptions): Promise<SpoolRecoveryReport> {
  const report: SpoolRecoveryReport = { landed: [], alreadyLanded: 0, stranded: [] };
  const destinations = new Destinations(options.dataDir, options.keys);
  try {
    for (const scan of orphanedScans(options.spoolRoot)) {
      const pages = listSpooledPages(scan.dir);
      if (pages.length === 0) {
        // only unfinished pages (.part) of a dead scan
        if (scan.recorded) rmSync(scan.dir, { recursive: true, force: true });
        continue;
      }
      try {
        if (!scan.target) throw new Error('the scan did not record its destination');
        await replay(scan.dir, pages, await destinations.resolve(scan.target), report, options);
        if (!spoolHoldsPages(scan.dir)) rmSync(scan.dir, { recursive: true, force: true });
      } catch (error) {
        // Whatever is left stays in the spool: never delete a page that has not landed.
        const left = listSpooledPages(scan.dir).length;
        const reason = error instanceof Error ? error.message : String(error);
        report.stranded.push({ dir: scan.dir, target: scan.target, pages: left, reason });
        options.logger.error(
          { spool: scan.dir, pages: left, target: scan.target, reason },
          'scan spool: pages kept, they cannot reach their destination',
        );
      }
    }
  } finally {
    destinations.close();
  }
  return report;
}

/** One scan's pages in order: released if they had landed, landed otherwise. */
async function replay(
  dir: string,
  pages: SpooledPage[],
  destination: PageDestination,
  report: SpoolRecoveryReport,
  { keys, logger, onPageAcquired }: SpoolRecoveryOptions,
): Promise<void> {
  for (const page of pages) {
    const image = await imageFromSpool(page, dir, keys.keyFor);
    const intent = readLandingIntent(dir, page.index);
    const earlier = intent && destination.journal?.landedSince(intent.sha256, intent.watermark);
    if (earlier) {
      report.alreadyLanded += 1;
      logger.info(
        { spool: dir, index: page.index, location: earlier },
        'scan spool: page had landed',
      );
    } else {
      const landed = await landOnce(image, destination);
      const event = await pageAcquiredEvent(image, landed);
      report.landed.push(event);
      logger.info(
        { spool: dir, index: page.index, location: landed.location },
        'scan spool: page landed after a restart',
      );
      onPageAcquired?.(event);
    }
    releaseSpooledPage(dir, page);
  }
}

/** Doctor: finished pages still in the spool of a scan that is not running. */
export function spoolDoctorCheck(dataDir: string): DoctorCheck {
  const spoolRoot = join(dataDir, 'spool', 'scan');
  return {
    id: 'scan.spool',
    title: { vi: 'Trang quét chờ lưu', en: 'Scanned pages waiting to be stored' },
    run(): CheckResult {
      const waiting = orphanedScans(spoolRoot)
        .map((scan) => ({ ...scan, pages: listSpooledPages(scan.dir).length }))
        .filter((scan) => scan.pages > 0);
      const pages = waiting.reduce((n, s) => n + s.pages, 0);
      if (pages === 0)
        return {
          status: 'ok',
          message: { vi: 'Không có trang nào chờ lưu', en: 'No page is waiting' },
        };
      const where = waiting
        .map((s) =>
          s.target === null
            ? `${s.dir} (?)`
            : s.target.kind === 'out'
              ? `${s.dir} → ${s.target.dir}`
              : `${s.dir} → ${s.target.MaHoSo}/${s.target.MaThanhPhanHoSo}`,
        )
        .join('; ');
      return {
        status: 'warn',
        message: {
          vi: `${pages} trang đã quét chưa được lưu vào nơi đến: ${where}`,
          en: `${pages} scanned page(s) have not reached their destination: ${where}`,
        },
        fix: {
          vi: 'Mở lại ứng dụng để lưu tiếp; nếu hồ sơ đích đã bị xóa, chép thư mục spool ra chỗ khác trước khi xóa (các trang được mã hóa bằng khóa của máy này, chỉ mở được khi có khóa)',
          en: "Restart the app to land them; if the target dossier was deleted, copy the spool folder aside before removing it (its pages are sealed with this station's key and open only with it)",
        },
        details: { scans: waiting.map(({ dir, target, pages: n }) => ({ dir, target, pages: n })) },
      };
    },
  };
}
