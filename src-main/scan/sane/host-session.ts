/**
 * The SANE side of the scanner host: runs inside the host process, owns libsane, and turns a
 * scan request into spooled pages. One scan at a time; cancel() may arrive while a read blocks
 * (sane_cancel is the one call SANE allows concurrently).
 */
import { isAppError } from '../../domain/index.js';
import { deviceNotFound, deviceStatusError, noPaper, scanCancelled } from '../errors.js';
import { SpoolWriter, type SpooledPage, type WireKey } from '../host/spool.js';
import type { HostError, ScanResult } from '../host/protocol.js';
import type { DeviceCapabilities, ScanDevice, ScanProgress, ScanRequest } from '../types.js';
import { saneStatusOf, type SaneApi, type SaneDeviceHandle, type SaneParameters } from './addon.js';
import { OptionController } from './option-controller.js';

/** Few round trips per page, yet progress for the UI every quarter megabyte; never a whole page in memory. */
const CHUNK_BYTES = 256 * 1024;

/**
 * Diagnostics for IT staff and tests: `SOHOA_SCAN_INJECT_STATUS=<page>:<SANE_STATUS_…>[:once]`
 * makes a device that offers the SANE test backend's `read-return-value` option fail from that
 * page on, so the whole error path (driver status → typed error → kept pages → UI) can be checked
 * end to end without a broken scanner. With `:once` only the host's first scan fails, like a jam
 * the clerk clears before pressing Continue. Devices without that option are unaffected.
 */
function injectedStatus(): { page: number; status: string } | undefined {
  const match = /^(\d+):(SANE_STATUS_[A-Z_]+)(:once)?$/.exec(
    process.env.SOHOA_SCAN_INJECT_STATUS ?? '',
  );
  if (!match || (match[3] && injectedOnce)) return undefined;
  return { page: Number(match[1]), status: match[2] as string };
}

/** Whether a scan of this host process has had its injected failure already (for `:once`). */
let injectedOnce = false;

export interface ScanSink {
  progress(progress: ScanProgress): void;
  page(page: SpooledPage): void;
}

/** A failure as it crosses the channel: a status name from libsane, or an AppError's parts. */
export function toHostError(error: unknown, details: Record<string, unknown> = {}): HostError {
  if (isAppError(error)) {
    return {
      code: error.code,
      message: error.message,
      messageVi: error.messageVi,
      details: { ...error.details, ...details },
    };
  }
  const status = saneStatusOf(error);
  return {
    ...(status ? { status } : {}),
    message: error instanceof Error ? error.message : String(error),
    details,
  };
}

/** The feeder had no sheet for this page (NO_DOCS before its first byte). */
class EmptyFeeder extends Error {}

class ScanFailure extends Error {
  constructor(
    readonly hostError: HostError,
    readonly result: ScanResult,
  ) {
    super(hostError.message);
  }
}

export class SaneHostSession {
  #device: SaneDeviceHandle | undefined;
  #cancelled = false;

  constructor(private readonly sane: SaneApi) {
    sane.init();
  }

  async devices(): Promise<ScanDevice[]> {
    const list = await this.sane.getDevices(false);
    return list.map((d) => ({
      id: d.name,
      driver: 'sane',
      vendor: d.vendor,
      model: d.model,
      type: d.type,
    }));
  }

  async #open(device: string): Promise<SaneDeviceHandle> {
    try {
      return await this.sane.open(device);
    } catch (error) {
      // libsane says INVAL for a name no backend knows; say which names exist instead.
      if (saneStatusOf(error) === 'INVAL')
        throw deviceNotFound(
          device,
          (await this.devices()).map((d) => d.id),
        );
      throw error;
    }
  }

  async capabilities(device: string): Promise<DeviceCapabilities> {
    const handle = await this.#open(device);
    try {
      return new OptionController(handle).capabilities(device);
    } finally {
      handle.close();
    }
  }

  cancel(): void {
    this.#cancelled = true;
    this.#device?.cancel();
  }

  /**
   * Scans until the flatbed page is done or the feeder is empty; throws ScanFailure otherwise.
   * Pages go to `spool.dir`, sealed with `spool.key` when the data folder has one.
   */
  async scan(
    request: ScanRequest,
    spool: { dir: string; key: WireKey | undefined },
    sink: ScanSink,
  ): Promise<ScanResult> {
    this.#cancelled = false;
    const device = await this.#open(request.device);
    this.#device = device;
    const result: ScanResult = { pages: 0, feederEmpty: false };
    const options = new OptionController(device);
    try {
      const { dpi } = options.apply(request);
      const inject = injectedStatus();
      const feeder = request.source !== 'flatbed';
      const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      for (let index = 1; ; index += 1) {
        if (this.#cancelled) throw scanCancelled({ device: request.device });
        const injectOption = options.find(['read-return-value']);
        if (inject?.page === index && injectOption) {
          options.set(injectOption, inject.status);
          injectedOnce = true;
        }
        let page: SpooledPage;
        try {
          const params = await device.start();
          sink.progress({ kind: 'pageStarted', index });
          page = await this.#readPage(
            device,
            params,
            index,
            { device: request.device, dpi },
            spool,
            buffer,
            sink,
          );
        } catch (error) {
          // After sane_cancel backends end the read with whatever status they like.
          if (this.#cancelled) throw scanCancelled({ device: request.device, page: index });
          // NO_DOCS before a page's first byte (from sane_start, or from the first read on
          // backends that start lazily) means the feeder had no sheet: the normal end of a batch,
          // or, before the first page, a clerk who has not loaded paper.
          if (error instanceof EmptyFeeder || (saneStatusOf(error) === 'NO_DOCS' && feeder)) {
            if (!feeder) throw deviceStatusError('NO_DOCS', { device: request.device });
            if (result.pages > 0) {
              result.feederEmpty = true;
              return result;
            }
            throw noPaper({ device: request.device });
          }
          throw error;
        }
        result.pages += 1;
        sink.page(page);
        if (!feeder) return result;
      }
    } catch (error) {
      throw new ScanFailure(
        toHostError(error, { page: result.pages + 1, pagesKept: result.pages }),
        result,
      );
    } finally {
      this.#device = undefined;
      device.cancel(); // ends the batch (SANE requires it after the last page) and releases the ADF
      options.restore();
      device.close();
    }
  }

  async #readPage(
    device: SaneDeviceHandle,
    first: SaneParameters,
    index: number,
    meta: { device: string; dpi: number },
    target: { dir: string; key: WireKey | undefined },
    buffer: Buffer,
    sink: ScanSink,
  ): Promise<SpooledPage> {
    const spool = new SpoolWriter(target.dir, index, target.key);
    try {
      let params = first;
      for (;;) {
        if (params.format === 'unknown')
          throw new Error(`unsupported frame format from ${meta.device}`);
        spool.beginFrame({
          format: params.format,
          depth: params.depth,
          bytesPerLine: params.bytesPerLine,
          pixelsPerLine: params.pixelsPerLine,
        });
        const expected = params.lines >= 0 ? params.lines * params.bytesPerLine : null;
        for (;;) {
          let chunk: { bytes: number; eof: boolean };
          try {
            chunk = await device.read(buffer);
          } catch (error) {
            if (saneStatusOf(error) === 'NO_DOCS' && spool.bytes === 0) throw new EmptyFeeder();
            throw error;
          }
          // Backends end a cancelled read in their own way (CANCELLED, EOF, a short frame):
          // whatever arrived after the cancel is not a page.
          if (this.#cancelled) throw scanCancelled({ device: meta.device, page: index });
          const { bytes, eof } = chunk;
          spool.write(buffer, bytes);
          sink.progress({
            kind: 'pageProgress',
            index,
            bytes: spool.bytes,
            expectedBytes: expected,
          });
          if (eof) break;
        }
        spool.endFrame();
        if (params.lastFrame) break;
        params = await device.start(); // three-pass scanners: the next colour plane
      }
      return spool.finish(meta);
    } catch (error) {
      spool.abort();
      throw error;
    }
  }
}

export { ScanFailure };
