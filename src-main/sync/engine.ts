/**
 * The sync engine: drives each outbox item through its durable states
 *   queued → uploading → files_done → sent → (acknowledged: receipt written, item leaves)
 * or to needs_attention with the province's message, and keeps the station's catalog, leased
 * codes and dossier statuses fresh while online. It runs as a background loop in the app and
 * as `sohoa sync [--once]`. Nothing is held only in memory: a process killed at any instant
 * resumes from the tables.
 */
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Database } from 'better-sqlite3';
import { AppError, isAppError, vnDayCode } from '../domain/index.js';
import { createPlainReadStream } from '../platform/index.js';
import type { Dossier } from './contract/index.js';
import { backoffDelay } from './backoff.js';
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import type { SyncSettings } from './config.js';
import { GatewayClient } from './gateway-client.js';
import { GatewayError, isGatewayError } from './gateway-error.js';
import { OutboxStore } from './outbox/outbox-store.js';
import type { OutboxFile, OutboxItem, OutboxState } from './outbox/outbox-store.js';
import type { StationLink } from './station-link.js';
import { detachedStation } from './station-link.js';
import { Throttle } from './throttle.js';
import { uploadFile } from './tus-upload.js';

/** A file the province refuses this many times is not the file we think it is. */
const MAX_REJECTIONS = 3;
/** Offline: probe no more often than this at first, and at least this often later. */
const PROBE_MIN_MS = 5_000;
const PROBE_MAX_MS = 5 * 60_000;
const STATUS_FINAL = 10;
const STATUS_PULL_BATCH = 50;

export type Connectivity = 'unknown' | 'online' | 'offline' | 'auth_failed';

export interface EngineState {
  connectivity: Connectivity;
  /** Since when (ISO). */
  since: string;
  /** The last problem worth showing (protocol trouble, refused credentials), Vietnamese + English. */
  problem: { vi: string; en: string; at: string } | null;
  nextProbeAt: number;
  offlineStreak: number;
  /** The gateway as a whole asked us to wait (busy, or answering outside the contract) until then. */
  retryAt: number;
  busyStreak: number;
  lastPassAt: string | null;
}

export interface ItemEvent {
  code: string;
  state: OutboxState | 'acknowledged';
  revision?: string;
  message?: string;
}

export interface SyncEngineOptions {
  db: Database;
  settings: SyncSettings;
  station?: StationLink;
  clock?: Clock;
  random?: () => number;
  onItem?: (event: ItemEvent) => void;
  onConnectivity?: (state: EngineState) => void;
}

type Outcome = 'done' | 'retry' | 'attention' | 'offline' | 'auth';

export class SyncEngine {
  readonly outbox: OutboxStore;
  readonly client: GatewayClient;
  private readonly settings: SyncSettings;
  private readonly station: StationLink;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly throttle: Throttle;
  private loop: { stop: AbortController; done: Promise<void> } | undefined;
  private wakeUp: AbortController | undefined;

  constructor(private readonly options: SyncEngineOptions) {
    this.settings = options.settings;
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.station = options.station ?? detachedStation;
    this.outbox = new OutboxStore(options.db, () => this.clock.now());
    this.client = new GatewayClient(this.settings, this.clock);
    this.throttle = new Throttle(this.settings.bandwidthLimit);
  }

  /** Bytes of file content put on the line so far by this engine (for benchmarks and progress). */
  get bytesSent(): number {
    return this.throttle.bytesReleased;
  }

  state(): EngineState {
    return (
      this.outbox.readState<EngineState>('engine') ?? {
        connectivity: 'unknown',
        since: new Date(this.clock.now()).toISOString(),
        problem: null,
        nextProbeAt: 0,
        offlineStreak: 0,
        retryAt: 0,
        busyStreak: 0,
        lastPassAt: null,
      }
    );
  }

  private setState(patch: Partial<EngineState>): void {
    const before = this.state();
    const next = { ...before, ...patch };
    // A problem belongs to the connectivity it was seen in.
    if (patch.connectivity && patch.connectivity !== before.connectivity && !('problem' in patch))
      next.problem = null;
    if (patch.connectivity && patch.connectivity !== before.connectivity)
      next.since = new Date(this.clock.now()).toISOString();
    this.outbox.writeState('engine', next);
    if (patch.connectivity && patch.connectivity !== before.connectivity)
      this.options.onConnectivity?.(next);
  }

  private problem(error: AppError): EngineState['problem'] {
    return {
      vi: error.localized('vi'),
      en: error.message,
      at: new Date(this.clock.now()).toISOString(),
    };
  }

  /** Another try for everything: a person changed credentials, or the line is known to be back. */
  resetConnectivity(): void {
    this.setState({
      connectivity: 'unknown',
      nextProbeAt: 0,
      offlineStreak: 0,
      retryAt: 0,
      busyStreak: 0,
      problem: null,
    });
  }

  /**
   * One pass: check the line, refresh what is due, then work the due items. Returns without
   * waiting for retries that are not due yet.
   */
  async runPass(): Promise<EngineState> {
    const state = this.state();
    const now = this.clock.now();
    if (state.connectivity === 'offline' && now < state.nextProbeAt) return state;
    if (now < state.retryAt) return state;
    if (state.connectivity === 'offline' && !(await this.client.reachable()))
      return this.wentOffline();
    try {
      await this.client.accessToken();
    } catch (error) {
      await this.globalFailure(error);
      return this.finishPass();
    }
    this.setState({
      connectivity: 'online',
      offlineStreak: 0,
      nextProbeAt: 0,
      busyStreak: 0,
      problem: null,
    });
    try {
      await this.maintain();
    } catch (error) {
      // Catalog, leases and statuses can wait for the next pass; dossiers need not wait for them.
      if (await this.globalFailure(error)) return this.finishPass();
    }
    for (const entry of this.station.pending()) {
      if (!this.outbox.byCode(entry.dossier.MaHoSo)) this.outbox.enqueue(entry);
    }
    const claimed = new Set<number>();
    let stopped = false;
    const worker = async (): Promise<void> => {
      while (!stopped) {
        const item = this.outbox.due(this.settings.concurrency * 4).find((i) => !claimed.has(i.id));
        if (!item) return;
        claimed.add(item.id);
        const outcome = await this.process(item);
        if (outcome === 'offline' || outcome === 'auth') stopped = true;
      }
    };
    await Promise.all(Array.from({ length: this.settings.concurrency }, worker));
    return this.finishPass();
  }

  private finishPass(): EngineState {
    this.setState({ lastPassAt: new Date(this.clock.now()).toISOString() });
    return this.state();
  }

  /**
   * Passes until nothing is left that can progress now: the outbox is empty or waits for a
   * person, or the station is offline or refused. Retries that are due later are waited for.
   */
  async runUntilIdle(signal?: AbortSignal): Promise<EngineState> {
    for (;;) {
      const state = await this.runPass();
      if (
        signal?.aborted ||
        state.connectivity === 'offline' ||
        state.connectivity === 'auth_failed'
      )
        return state;
      const next = this.outbox.nextDueAt();
      if (next === undefined) return state;
      const wait = Math.max(next, state.retryAt) - this.clock.now();
      if (wait > 0) await this.clock.sleep(wait, signal);
    }
  }

  /** Starts the background loop (the app): passes whenever something is due, or on `wake()`. */
  start(): void {
    if (this.loop) return;
    const stop = new AbortController();
    const done = (async () => {
      while (!stop.signal.aborted) {
        let state: EngineState;
        try {
          state = await this.runPass();
        } catch (error) {
          // A bug must not kill the loop; the tables are unchanged by a failed step.
          this.setState({ problem: this.problem(isAppError(error) ? error : unexpected(error)) });
          state = this.state();
        }
        const now = this.clock.now();
        const candidates = [now + this.settings.statusPullMs];
        const next = this.outbox.nextDueAt();
        if (next !== undefined && state.connectivity === 'online')
          candidates.push(Math.max(next, state.retryAt));
        if (state.connectivity === 'offline') candidates.push(state.nextProbeAt);
        const wait = Math.max(250, Math.min(...candidates) - now);
        this.wakeUp = new AbortController();
        await this.clock.sleep(wait, AbortSignal.any([stop.signal, this.wakeUp.signal]));
      }
    })();
    this.loop = { stop, done };
  }

  /** Something changed (a dossier was queued, the network came back): pass now. */
  wake(): void {
    this.wakeUp?.abort();
  }

  async stop(): Promise<void> {
    if (!this.loop) return;
    this.loop.stop.abort();
    await this.loop.done;
    this.loop = undefined;
  }

  /** Offline: count the streak, back off the next probe. */
  private wentOffline(): EngineState {
    const streak = this.state().offlineStreak + 1;
    const delay = Math.max(
      PROBE_MIN_MS,
      backoffDelay(streak, { baseMs: PROBE_MIN_MS, maxMs: PROBE_MAX_MS }, this.random),
    );
    this.setState({
      connectivity: 'offline',
      offlineStreak: streak,
      nextProbeAt: this.clock.now() + delay,
    });
    return this.finishPass();
  }

  /** Failure outside any one item. Returns true when the pass must stop. */
  private async globalFailure(error: unknown): Promise<boolean> {
    if (!isGatewayError(error)) throw error;
    if (error.kind === 'auth') {
      this.setState({ connectivity: 'auth_failed', problem: this.problem(error) });
      return true;
    }
    if (error.kind === 'offline' && !(await this.client.reachable())) {
      this.wentOffline();
      return true;
    }
    // Busy, misbehaving, or one dropped request: wait as told (or back off) before the next pass.
    const streak = this.state().busyStreak + 1;
    const delay = Math.max(
      error.retryAfterMs ?? 0,
      backoffDelay(streak, this.settings.backoff, this.random),
    );
    this.setState({
      problem: this.problem(error),
      busyStreak: streak,
      retryAt: this.clock.now() + delay,
    });
    return true;
  }

  /** Catalog, code leases and status pull, each when due. */
  private async maintain(): Promise<void> {
    const now = this.clock.now();
    const catalog = this.outbox.readState<{ at: number; version: string }>('catalog');
    if (!catalog || now - catalog.at >= this.settings.catalogRefreshMs) await this.refreshCatalog();
    const day = vnDayCode(new Date(now));
    if (
      this.station.freeLeasedCodes(this.settings.agency, day) <
      Math.ceil(this.settings.codeBlockSize / 2)
    ) {
      this.station.addLeasedCodes(await this.client.leaseCodes(day, this.settings.codeBlockSize));
    }
    const pulled = this.outbox.readState<number>('status_pull_at');
    if (pulled === undefined || now - pulled >= this.settings.statusPullMs)
      await this.pullStatuses();
  }

  /** Agencies and procedures for offline use; procedures incrementally after the first time. */
  async refreshCatalog(): Promise<{ version: string; agencies: number; procedures: number }> {
    const previous = this.outbox.readState<{ at: number; version: string }>('catalog');
    const agencies = await this.client.agencies();
    const procedures = await this.client.procedures(previous?.version);
    this.station.saveCatalog({
      version: procedures.version,
      agencies: agencies.items,
      procedures: procedures.items,
    });
    this.outbox.writeState('catalog', { at: this.clock.now(), version: procedures.version });
    return {
      version: procedures.version,
      agencies: agencies.items.length,
      procedures: procedures.items.length,
    };
  }

  /** Fetches the province's TrangThaiHoSo of acknowledged dossiers not yet finished. */
  async pullStatuses(): Promise<number> {
    const finished = new Set(
      this.outbox
        .remoteStatuses()
        .filter((s) => s.TrangThaiHoSo >= STATUS_FINAL)
        .map((s) => s.MaHoSo),
    );
    const fetched = new Map(this.outbox.remoteStatuses().map((s) => [s.MaHoSo, s.fetchedAt]));
    const due = this.outbox
      .receipts()
      .filter((r) => !finished.has(r.MaHoSo))
      .sort((a, b) => (fetched.get(a.MaHoSo) ?? '').localeCompare(fetched.get(b.MaHoSo) ?? ''))
      .slice(0, STATUS_PULL_BATCH);
    let count = 0;
    for (const receipt of due) {
      const remote = await this.client.getDossier(receipt.MaHoSo);
      if (!remote) continue;
      this.outbox.setRemoteStatus(receipt.MaHoSo, remote.TrangThaiHoSo, remote.PhienBan);
      this.station.remoteStatus(receipt.MaHoSo, remote.TrangThaiHoSo);
      count += 1;
    }
    this.outbox.writeState('status_pull_at', this.clock.now());
    return count;
  }

  private emit(event: ItemEvent): void {
    this.options.onItem?.(event);
  }

  private move(item: OutboxItem, state: OutboxState): void {
    if (item.state === state) return;
    this.outbox.setState(item.id, state);
    item.state = state;
    this.emit({ code: item.officialCode ?? item.code, state });
  }

  /** One item as far as it can go now. */
  private async process(item: OutboxItem): Promise<Outcome> {
    try {
      const code = await this.officialCode(item);
      if (item.state === 'queued') this.move(item, 'uploading');
      const files = await this.uploadFiles(item);
      if (files === 'retry') return 'retry';
      if (item.state === 'uploading') this.move(item, 'files_done');
      const dossier = this.contractDossier(item, code, files);
      this.move(item, 'sent');
      const ifMatch = item.baseRevision ?? this.outbox.receipt(code)?.PhienBan;
      const saved = await this.client.putDossier(dossier, ifMatch);
      this.outbox.acknowledge(item, code, saved.PhienBan, dossier);
      this.station.acknowledged(item.dossierId, code, saved.PhienBan);
      this.emit({ code, state: 'acknowledged', revision: saved.PhienBan });
      return 'done';
    } catch (error) {
      return this.failed(item, error);
    }
  }

  /** The code to send under: official already, or a provisional one replaced (durably) first. */
  private async officialCode(item: OutboxItem): Promise<string> {
    if (!item.provisional) return item.code;
    if (!item.officialCode) {
      const day = item.dossier.NgayTiepNhan.slice(2, 8);
      // A fresh code from the province, not one from the reception pool: a clerk at this counter
      // may be taking pool codes at this very moment.
      const [code] = await this.client.leaseCodes(day, 1);
      if (!code)
        throw new GatewayError('protocol', {
          vi: 'Cổng kết nối không cấp mã hồ sơ.',
          en: 'The gateway issued no dossier code.',
        });
      this.outbox.setOfficialCode(item.id, code);
      item.officialCode = this.outbox.get(item.id)?.officialCode ?? code;
    }
    if (!item.codeApplied) {
      this.station.replaceCode(item.dossierId, item.code, item.officialCode);
      this.outbox.markCodeApplied(item.id);
      item.codeApplied = true;
    }
    return item.officialCode;
  }

  /** Uploads what is not on the server yet; 'retry' after a rejected file (sent again later). */
  private async uploadFiles(item: OutboxItem): Promise<OutboxFile[] | 'retry'> {
    const files = this.outbox.files(item.id);
    for (const file of files) {
      if (file.fileId) continue;
      if (!file.uploadUrl) await verifyLocalFile(file);
      try {
        file.fileId = await uploadFile(
          { ...file },
          {
            client: this.client,
            clock: this.clock,
            chunkSize: this.settings.chunkSize,
            throttle: this.throttle,
            retryDelays: [0, 1, 2, 3].map((attempt) =>
              backoffDelay(attempt, this.settings.backoff, this.random),
            ),
            onUploadUrl: (url) => this.outbox.setUploadUrl(item.id, file.position, url),
          },
        );
      } catch (error) {
        if (!(isGatewayError(error) && error.kind === 'rejected-file')) throw error;
        const rejections = this.outbox.fileRejected(item.id, file.position);
        if (rejections >= MAX_REJECTIONS) {
          throw new GatewayError(
            'attention',
            {
              vi: `Cổng kết nối từ chối tệp ${file.filename} ${rejections} lần (mã băm không khớp). Hãy kiểm tra tệp gốc.`,
              en: `The gateway rejected ${file.filename} ${rejections} times (sha256 mismatch). Check the original file.`,
            },
            { serverMessage: error.serverMessage, details: { file: file.path } },
          );
        }
        this.outbox.scheduleRetry(item.id, this.clock.now(), error.message, true);
        return 'retry';
      }
      this.outbox.setFileId(item.id, file.position, file.fileId);
    }
    return files;
  }

  private contractDossier(item: OutboxItem, code: string, files: OutboxFile[]): Dossier {
    return {
      ...item.dossier,
      MaHoSo: code,
      TaiLieuNop: item.dossier.TaiLieuNop.map((doc, i) => {
        const file = files[i];
        if (!file?.fileId) throw new Error(`file ${i} of ${code} has no upload id`);
        return { ...doc, TepDinhKemId: file.fileId };
      }),
    };
  }

  private async failed(item: OutboxItem, error: unknown): Promise<Outcome> {
    const code = item.officialCode ?? item.code;
    if (!isGatewayError(error)) {
      const appError = isAppError(error) ? error : unexpected(error);
      if (isAppError(error) && error.code === 'LOCAL_FILE')
        return this.attention(item, code, error.localized('vi'));
      // Unexpected: keep the item, retry later with backoff, and show it.
      this.outbox.scheduleRetry(
        item.id,
        this.clock.now() + this.backoff(item),
        appError.message,
        true,
      );
      this.setState({ problem: this.problem(appError) });
      return 'retry';
    }
    switch (error.kind) {
      case 'attention':
        return this.attention(item, code, error.serverMessage ?? error.localized('vi'));
      case 'auth':
        this.setState({ connectivity: 'auth_failed', problem: this.problem(error) });
        return 'auth';
      case 'offline':
        if (!(await this.client.reachable())) {
          this.wentOffline();
          return 'offline';
        }
        // The line dropped this request only (a reset): retry soon, it counts as an attempt.
        this.outbox.scheduleRetry(
          item.id,
          this.clock.now() + this.backoff(item),
          error.message,
          true,
        );
        return 'retry';
      case 'protocol':
        this.setState({ problem: this.problem(error) });
        this.outbox.scheduleRetry(
          item.id,
          this.clock.now() + this.backoff(item),
          error.message,
          true,
        );
        return 'retry';
      case 'retryable':
      case 'rejected-file': {
        const delay = Math.max(error.retryAfterMs ?? 0, this.backoff(item));
        this.outbox.scheduleRetry(item.id, this.clock.now() + delay, error.message, true);
        return 'retry';
      }
    }
  }

  private attention(item: OutboxItem, code: string, message: string): Outcome {
    this.outbox.needsAttention(item.id, message);
    this.station.needsAttention(item.dossierId, code, message);
    this.emit({ code, state: 'needs_attention', message });
    return 'attention';
  }

  private backoff(item: OutboxItem): number {
    return backoffDelay(item.attempts, this.settings.backoff, this.random);
  }
}

function unexpected(error: unknown): AppError {
  return new AppError(
    'INTERNAL',
    {
      vi: `Lỗi không mong đợi khi đồng bộ: ${String(error)}`,
      en: `Unexpected sync failure: ${String(error)}`,
    },
    { cause: error },
  );
}

/** The bytes about to be sent must be the bytes the dossier lists. */
async function verifyLocalFile(file: OutboxFile): Promise<void> {
  const hash = createHash('sha256');
  try {
    await pipeline(createPlainReadStream(file.path), hash);
  } catch (cause) {
    throw new AppError(
      'LOCAL_FILE',
      {
        vi: `Không đọc được tệp ${file.filename} (${file.path}) để gửi đi.`,
        en: `Cannot read ${file.filename} (${file.path}) for sending.`,
      },
      { cause, details: { path: file.path } },
    );
  }
  const actual = hash.digest('hex');
  if (actual !== file.sha256) {
    throw new AppError(
      'LOCAL_FILE',
      {
        vi: `Tệp ${file.filename} đã bị thay đổi hoặc hỏng trên máy (mã băm khác với lúc tiếp nhận); không gửi đi.`,
        en: `${file.filename} changed or is damaged on disk (sha256 differs from reception); not sent.`,
      },
      { details: { path: file.path, expected: file.sha256, actual } },
    );
  }
}
