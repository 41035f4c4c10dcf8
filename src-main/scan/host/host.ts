/**
 * The scanner host process: loads the native addon and serves the app's requests over the
 * process channel (child_process IPC under Node, the parentPort of an Electron utilityProcess).
 * A driver that crashes or hangs takes only this process down; pages it finished are already in
 * the spool. It exits when the app goes away.
 */
import { loadScannerAddon } from '../sane/addon.js';
import { ScanFailure, SaneHostSession, toHostError } from '../sane/host-session.js';
import type { HostMessage, HostRequest } from './protocol.js';

interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}
const parentPort = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;

function send(message: HostMessage): void {
  if (parentPort) parentPort.postMessage(message);
  else process.send?.(message);
}

function onRequest(listener: (request: HostRequest) => void): void {
  if (parentPort) parentPort.on('message', (event) => listener(event.data as HostRequest));
  else process.on('message', (message) => listener(message as HostRequest));
}

const addon = loadScannerAddon();
const session = addon.ok ? new SaneHostSession(addon.sane) : undefined;
let runningScan: number | undefined;

async function handle(request: HostRequest): Promise<void> {
  if (request.op === 'cancel') {
    if (runningScan === request.target) session?.cancel();
    return;
  }
  if (!session) {
    send({
      id: request.id,
      kind: 'result',
      ok: false,
      error: { code: 'SCAN_UNAVAILABLE', message: addon.ok ? '' : addon.reason },
    });
    return;
  }
  try {
    if (request.op === 'devices') {
      send({ id: request.id, kind: 'result', ok: true, value: await session.devices() });
    } else if (request.op === 'capabilities') {
      send({
        id: request.id,
        kind: 'result',
        ok: true,
        value: await session.capabilities(request.device),
      });
    } else {
      if (runningScan !== undefined) {
        send({
          id: request.id,
          kind: 'result',
          ok: false,
          error: { status: 'DEVICE_BUSY', message: 'a scan is already running in this host' },
        });
        return;
      }
      runningScan = request.id;
      try {
        const spool = { dir: request.spoolDir, key: request.spoolKey };
        const value = await session.scan(request.request, spool, {
          progress: (progress) => send({ id: request.id, kind: 'progress', progress }),
          page: (page) => send({ id: request.id, kind: 'page', page }),
        });
        send({ id: request.id, kind: 'result', ok: true, value });
      } finally {
        runningScan = undefined;
      }
    }
  } catch (error) {
    const hostError = error instanceof ScanFailure ? error.hostError : toHostError(error);
    send({ id: request.id, kind: 'result', ok: false, error: hostError });
  }
}

onRequest((request) => void handle(request));
if (!parentPort) process.on('disconnect', () => process.exit(0));
send({ id: 0, kind: 'ready', available: addon.ok, ...(addon.ok ? {} : { reason: addon.reason }) });
