/**
 * The SANE driver as the app sees it: every libsane call happens in the scanner host; this side
 * turns the host's spooled pages into images in page order and recovers the spool when the host
 * dies, so a crash loses at most the page that was still being read.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isAppError } from '../../domain/index.js';
import type { ScanDriver } from '../driver.js';
import { scanCancelled } from '../errors.js';
import { ScannerHost, type HostEvent } from '../host/client.js';
import type { ScanResult } from '../host/protocol.js';
import {
  listSpooledPages,
  releaseSpooledPage,
  spoolHoldsPages,
  toWireKey,
  type SpooledPage,
  type SpoolKeys,
} from '../host/spool.js';
import { writeSpoolTarget } from '../landing-journal.js';
import type {
  AcquiredImage,
  DeviceCapabilities,
  ScanDevice,
  ScanOutcome,
  ScanRequest,
  ScanRunOptions,
} from '../types.js';
import type { KeyLookup } from '../../platform/index.js';
import { encodeRaster, rasterFromSpool, rasterThumbnail } from './raster.js';

type QueueItem = { page: SpooledPage } | { end: ScanResult } | { error: Error };

export async function imageFromSpool(
  page: SpooledPage,
  spoolDir: string,
  keyFor: KeyLookup,
): Promise<AcquiredImage> {
  const raster = rasterFromSpool(page, keyFor);
  // both run on the libuv pool: the preview is ready by the time the PNG is
  const thumbnail = rasterThumbnail(raster);
  thumbnail.catch(() => undefined); // awaited by acquire(); never an unhandled rejection meanwhile
  return {
    index: page.index,
    mime: 'image/png',
    bytes: await encodeRaster(raster),
    thumbnail,
    width: raster.width,
    height: raster.height,
    dpi: page.dpi,
    completedAt: page.completedAt,
    origin: { device: page.device },
    spool: { dir: spoolDir, index: page.index },
  };
}

/** How long a cancelled scan may take to stop before the host is presumed hung and killed. */
export const CANCEL_GRACE_MS = 5000;

export class SaneDriver implements ScanDriver {
  readonly id = 'sane' as const;
  readonly host: ScannerHost;

  /**
   * @param spoolRoot where pages wait between the host and their destination (the data dir's spool)
   * @param keys the data folder's keys: spooled pages are sealed with its write key
   * @param cancelGraceMs after a cancel, how long to wait for the driver before killing the host
   */
  constructor(
    private readonly spoolRoot: string,
    private readonly keys: () => SpoolKeys,
    host: ScannerHost = new ScannerHost(),
    private readonly cancelGraceMs = CANCEL_GRACE_MS,
  ) {
    this.host = host;
  }

  listDevices(): Promise<ScanDevice[]> {
    return this.host.request<ScanDevice[]>({ op: 'devices' });
  }

  capabilities(device: string): Promise<DeviceCapabilities> {
    return this.host.request<DeviceCapabilities>({ op: 'capabilities', device });
  }

  async *scan(
    request: ScanRequest,
    options: ScanRunOptions = {},
  ): AsyncGenerator<AcquiredImage, ScanOutcome, void> {
    const keys = this.keys();
    const sealWith = keys.writeKey();
    const spoolDir = join(this.spoolRoot, randomUUID());
    mkdirSync(spoolDir, { recursive: true });
    writeSpoolTarget(spoolDir, options.target);
    const queue: QueueItem[] = [];
    let wake: (() => void) | undefined;
    const push = (item: QueueItem) => {
      queue.push(item);
      wake?.();
    };
    let requestId: number | undefined;
    let finished = false;
    let watchdog: NodeJS.Timeout | undefined;
    const onAbort = () => {
      if (requestId === undefined) return;
      void this.host.cancel(requestId);
      // A hung driver never returns from its read, cancel or not: stop the whole host (finished
      // pages are in the spool) so the counter is not stuck; the next scan starts a fresh one.
      watchdog ??= setTimeout(() => void this.host.dispose(), this.cancelGraceMs);
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });

    const onEvent = (event: HostEvent) => {
      if (event.kind === 'page') push({ page: event.page });
      else options.onProgress?.(event.progress);
    };
    this.host
      .request<ScanResult>(
        { op: 'scan', request, spoolDir, ...(sealWith ? { spoolKey: toWireKey(sealWith) } : {}) },
        onEvent,
        (id) => {
          requestId = id;
          if (options.signal?.aborted) onAbort();
        },
      )
      .then(
        (end) => push({ end }),
        (error: Error) => push({ error }),
      );

    let lastIndex = 0;
    try {
      for (;;) {
        const item = queue.shift();
        if (!item) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          continue;
        }
        if ('page' in item) {
          lastIndex = item.page.index;
          yield await imageFromSpool(item.page, spoolDir, keys.keyFor);
          releaseSpooledPage(spoolDir, item.page);
          continue;
        }
        if ('end' in item) {
          finished = true;
          return { pages: item.end.pages, feederEmpty: item.end.feederEmpty };
        }
        // The host may have finished pages whose message never arrived (it died right after
        // the rename): the spool has them, so they land before the error is reported.
        for (const page of listSpooledPages(spoolDir).filter((p) => p.index > lastIndex)) {
          lastIndex = page.index;
          yield await imageFromSpool(page, spoolDir, keys.keyFor);
          releaseSpooledPage(spoolDir, page);
        }
        finished = true;
        const error =
          options.signal?.aborted && isAppError(item.error) && item.error.code === 'SCAN_HOST_DIED'
            ? scanCancelled({ device: request.device, hostStopped: true })
            : item.error;
        if (isAppError(error) && error.details) error.details.pagesKept = lastIndex;
        throw error;
      }
    } finally {
      clearTimeout(watchdog);
      options.signal?.removeEventListener('abort', onAbort);
      // The consumer stopped early (break, or its own failure): stop the device too.
      if (!finished && requestId !== undefined) await this.host.cancel(requestId);
      // Unfinished pages (.part) are useless; finished ones are kept for spool recovery.
      if (!spoolHoldsPages(spoolDir)) rmSync(spoolDir, { recursive: true, force: true });
    }
  }

  dispose(): Promise<void> {
    return this.host.dispose();
  }
}
