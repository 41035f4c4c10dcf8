/**
 * A scanner host that never says it is ready (a driver wedged while loading) is stopped after
 * the start timeout with a message the clerk can act on, instead of leaving the scanner list
 * "loading" for good; the next request starts a fresh host, which finds the SANE test device.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../src-main/domain/index.js';
import { spawnFork, spawnHost, type HostChannel } from '../../src-main/scan/host/channel.js';
import { ScannerHost } from '../../src-main/scan/index.js';
import type { ScanDevice } from '../../src-main/scan/index.js';
import { tempDir, useSaneTestDevice } from './sane-test-device.js';

useSaneTestDevice();

/** A real process on the host channel that never loads a driver nor answers. */
function wedgedHost(exits: Array<number | null | string>): Promise<HostChannel> {
  const script = join(tempDir('wedged-host'), 'wedged.mjs');
  writeFileSync(script, 'setInterval(() => {}, 1000);\n');
  const channel = spawnFork(script, []);
  channel.onExit((code, signal) => exits.push(signal ?? code));
  return Promise.resolve(channel);
}

/** Long enough for the real host to start from the TypeScript sources on a busy CI machine. */
const START_TIMEOUT_MS = 60_000;

describe('scanner host start', () => {
  it('stops a host that never gets ready, says so, and the next request starts a working one', async () => {
    const exits: Array<number | null | string> = [];
    let starts = 0;
    const host = new ScannerHost(
      () => (++starts === 1 ? wedgedHost(exits) : spawnHost()),
      START_TIMEOUT_MS,
    );
    try {
      const error = await host.request<ScanDevice[]>({ op: 'devices' }).catch((e: unknown) => e);
      expect(isAppError(error) && error.code).toBe('SCAN_HOST_TIMEOUT');
      expect(isAppError(error) && error.messageVi).toMatch(/không khởi động được sau 60 giây/);
      expect(isAppError(error) && error.message).toMatch(/did not start within 60 s/);
      await expect.poll(() => exits).toEqual(['SIGKILL']);

      const devices = await host.request<ScanDevice[]>({ op: 'devices' });
      expect(devices.map((d) => d.id)).toContain('test:0');
      expect(starts).toBe(2);
    } finally {
      await host.dispose();
    }
  }, 180_000);

  it('fails a request sent to a host that has just died, and the app stays up', async () => {
    // a host that says it is ready and then dies before the app has noticed: the request's
    // write meets a closed pipe (EPIPE), which Node raises as an error event when unhandled
    const script = join(tempDir('dying-host'), 'dying.mjs');
    writeFileSync(
      script,
      "process.send({ kind: 'ready', available: true });\nsetInterval(() => {}, 1000);\n",
    );
    const host = new ScannerHost(() => {
      const channel = spawnFork(script, []);
      return Promise.resolve({
        ...channel,
        get pid() {
          return channel.pid;
        },
        send(request) {
          channel.kill();
          // the kill lands before the write, while this process has not seen the exit yet
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
          channel.send(request);
        },
      } satisfies HostChannel);
    }, START_TIMEOUT_MS);
    try {
      const error = await host.request<ScanDevice[]>({ op: 'devices' }).catch((e: unknown) => e);
      expect(isAppError(error) && error.code).toBe('SCAN_HOST_DIED');
    } finally {
      await host.dispose();
    }
  });
});
