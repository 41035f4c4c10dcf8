/**
 * Runs the real `sohoa serve` as a child process on a fresh data directory, exactly as a user
 * would start it, and waits for the URL it prints.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

export interface ServeProcess {
  /** The URL `sohoa serve` printed for people to open (token included). */
  openUrl: string;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  token: string;
  dataDir: string;
  /** Everything the process wrote so far (for failure messages). */
  output(): string;
  /** Stops the process and deletes the data folder, unless it is kept to start again on it. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export interface ServeOptions {
  token?: string;
  /** A fixed port (e.g. to restart on the same address); default: a free one. */
  port?: number;
  /**
   * Which scanners libsane shows the core: `test` (default) enables its virtual test devices
   * (no root needed), `none` no backend at all. Nothing probes the host's USB or network.
   */
  scanners?: 'test' | 'none';
  env?: Record<string, string>;
  startTimeoutMs?: number;
  /** A data directory prepared by the test (default: a new empty one). */
  dataDir?: string;
}

/** A SANE_CONFIG_DIR whose dll.conf loads only the chosen backend. */
function saneConfigDir(dataDir: string, scanners: 'test' | 'none'): string {
  const dir = join(dataDir, 'sane');
  mkdirSync(dir, { recursive: true }); // there already when serve starts again on its data
  writeFileSync(join(dir, 'dll.conf'), scanners === 'test' ? 'test\n' : '');
  return dir;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function startServe(options: ServeOptions = {}): Promise<ServeProcess> {
  const token = options.token ?? randomBytes(16).toString('hex');
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sohoa-e2e-'));
  // Startup compiles the sources through tsx; on a busy 2-core CI machine that takes a while.
  const startTimeoutMs = options.startTimeoutMs ?? 90_000;
  const saneConfig = saneConfigDir(dataDir, options.scanners ?? 'test');
  const port = options.port ?? (await freePort());
  const child = spawn(
    process.execPath,
    [
      join(repoRoot, 'bin', 'sohoa.js'),
      '--data-dir',
      dataDir,
      'serve',
      '--port',
      String(port),
      '--token',
      token,
    ],
    {
      cwd: repoRoot,
      // Neither a machine-wide config file nor the scanners of the test host leak into the test.
      env: {
        ...process.env,
        SOHOA_MACHINE_CONFIG: join(dataDir, 'no-machine-config.json'),
        SANE_CONFIG_DIR: saneConfig,
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));

  const stop = async ({ keepData = false } = {}) => {
    await stopChild(child);
    if (!keepData) rmSync(dataDir, { recursive: true, force: true });
  };

  const urlPattern = new RegExp(`http://127\\.0\\.0\\.1:${port}/\\S*`);
  try {
    const openUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`sohoa serve printed no URL within ${startTimeoutMs} ms`)),
        startTimeoutMs,
      );
      const check = () => {
        const match = urlPattern.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[0]);
        }
      };
      child.stdout.on('data', check);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`sohoa serve exited early (code ${code}, signal ${signal})`));
      });
    });
    return {
      openUrl,
      origin: `http://127.0.0.1:${port}`,
      port,
      token,
      dataDir,
      output: () => output,
      stop,
    };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- output ---\n${output}`, { cause: error });
  }
}
