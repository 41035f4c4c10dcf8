/**
 * The app's side of the scanner host: starts it on first use, matches answers to requests, and
 * notices when it dies. A dead host fails every open request with SCAN_HOST_DIED (pages it had
 * finished are in the spool, which the driver lands); the next request starts a fresh host.
 */
import { AppError } from '../../domain/index.js';
import { deviceStatusError, hostDied, hostStartTimedOut, scannerUnavailable } from '../errors.js';
import type { HostChannel } from './channel.js';
import { spawnHost } from './channel.js';
import type { HostError, HostMessage, HostRequest } from './protocol.js';

type DistributiveOmitId<R> = R extends { id: number } ? Omit<R, 'id'> : never;
type RequestBody = DistributiveOmitId<Exclude<HostRequest, { op: 'cancel' }>>;
export type HostEvent = Extract<HostMessage, { kind: 'progress' | 'page' }>;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onEvent: ((event: HostEvent) => void) | undefined;
}

/** A host failure as the typed error people see. */
export function fromHostError(error: HostError): AppError {
  if (error.code) {
    return new AppError(
      error.code,
      { vi: error.messageVi ?? error.message, en: error.message },
      error.details ? { details: error.details } : {},
    );
  }
  return deviceStatusError(error.status ?? 'UNKNOWN', {
    driverMessage: error.message,
    ...error.details,
  });
}

/** Loading libsane and its backends takes seconds; a busy 2-core PC compiling, more. */
export const HOST_START_TIMEOUT_MS = 90_000;

export class ScannerHost {
  #channel: Promise<HostChannel> | undefined;
  #pending = new Map<number, Pending>();
  #nextId = 1;
  #spawn: () => Promise<HostChannel>;
  #startTimeoutMs: number;

  constructor(
    spawn: () => Promise<HostChannel> = spawnHost,
    startTimeoutMs = HOST_START_TIMEOUT_MS,
  ) {
    this.#spawn = spawn;
    this.#startTimeoutMs = startTimeoutMs;
  }

  /** The running host's process id (for diagnostics and crash tests), if one is running. */
  async pid(): Promise<number | undefined> {
    return this.#channel ? (await this.#channel).pid : undefined;
  }

  #start(): Promise<HostChannel> {
    const started = this.#spawn().then(
      (channel) =>
        new Promise<HostChannel>((resolve, reject) => {
          const timer = setTimeout(() => {
            reject(hostStartTimedOut(this.#startTimeoutMs));
            channel.kill();
          }, this.#startTimeoutMs);
          channel.onMessage((message) => {
            if (message.kind === 'ready') {
              clearTimeout(timer);
              if (message.available) resolve(channel);
              else {
                reject(scannerUnavailable(message.reason ?? 'unknown reason'));
                channel.kill();
              }
              return;
            }
            this.#dispatch(message);
          });
          channel.onExit((code, signal) => {
            clearTimeout(timer);
            if (this.#channel === started) this.#channel = undefined;
            reject(hostDied({ exitCode: code, signal, during: 'start' }));
            const failure = hostDied({ exitCode: code, signal });
            for (const [id, pending] of this.#pending) {
              this.#pending.delete(id);
              pending.reject(failure);
            }
          });
        }),
    );
    started.catch(() => {
      if (this.#channel === started) this.#channel = undefined;
    });
    return started;
  }

  #dispatch(message: Exclude<HostMessage, { kind: 'ready' }>): void {
    const pending = this.#pending.get(message.id);
    if (!pending) return;
    if (message.kind !== 'result') {
      pending.onEvent?.(message);
      return;
    }
    this.#pending.delete(message.id);
    if (message.ok) pending.resolve(message.value);
    else pending.reject(fromHostError(message.error));
  }

  /** Sends a request; resolves with the host's answer. Returns the id so a scan can be cancelled. */
  async request<T>(
    body: RequestBody,
    onEvent?: (event: HostEvent) => void,
    onId?: (id: number) => void,
  ): Promise<T> {
    this.#channel ??= this.#start();
    const channel = await this.#channel;
    const id = this.#nextId++;
    onId?.(id);
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onEvent });
      channel.send({ ...body, id } as HostRequest);
    });
  }

  async cancel(target: number): Promise<void> {
    if (!this.#channel) return;
    const channel = await this.#channel;
    channel.send({ id: this.#nextId++, op: 'cancel', target });
  }

  /** Stops the host (at app exit). Open requests fail as if it had died. */
  async dispose(): Promise<void> {
    const channel = this.#channel;
    this.#channel = undefined;
    if (!channel) return;
    try {
      (await channel).kill();
    } catch {
      // it never started; nothing to stop
    }
  }
}
