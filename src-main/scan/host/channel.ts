/**
 * Starts the scanner host as a separate process: an Electron utilityProcess inside the desktop
 * app (so it needs no Node runtime of its own and Electron manages its lifetime), a
 * child_process.fork everywhere else. The host runs with LC_ALL=C so libsane's option strings
 * are the English ones the matchers know (gettext translates them otherwise).
 */
import { fork } from 'node:child_process';
import { moduleEntry } from '../../platform/index.js';
import type { HostMessage, HostRequest } from './protocol.js';

export interface HostChannel {
  readonly pid: number | undefined;
  send(request: HostRequest): void;
  onMessage(listener: (message: HostMessage) => void): void;
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  kill(): void;
}

interface UtilityProcessLike {
  pid: number | undefined;
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): void;
  on(event: 'exit', listener: (code: number) => void): void;
  kill(): boolean;
}

function hostEnv(): NodeJS.ProcessEnv {
  return { ...process.env, LC_ALL: 'C', LANGUAGE: 'C' };
}

async function spawnUtility(file: string): Promise<HostChannel> {
  const electron = (await import('electron')) as unknown as {
    utilityProcess: {
      fork(
        modulePath: string,
        args: string[],
        options: Record<string, unknown>,
      ): UtilityProcessLike;
    };
  };
  const child = electron.utilityProcess.fork(file, [], {
    env: hostEnv(),
    serviceName: 'SoHoa scanner host',
    stdio: 'inherit',
  });
  return {
    get pid() {
      return child.pid;
    },
    send: (request) => child.postMessage(request),
    onMessage: (listener) => child.on('message', (message) => listener(message as HostMessage)),
    onExit: (listener) => child.on('exit', (code) => listener(code, null)),
    kill: () => void child.kill(),
  };
}

/** The host (or, in tests, any script speaking its protocol) as a Node child process. */
export function spawnFork(file: string, execArgv: string[]): HostChannel {
  const child = fork(file, [], {
    execArgv,
    env: hostEnv(),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    get pid() {
      return child.pid;
    },
    send: (request) => {
      // a host that has just died still looks connected until its exit is seen: the write then
      // fails (EPIPE), which Node would raise as an 'error' event and take the app down. The
      // host's exit fails the open requests; the kill makes sure that exit comes.
      if (child.connected) child.send(request, (error) => error && child.kill('SIGKILL'));
    },
    onMessage: (listener) => child.on('message', (message) => listener(message as HostMessage)),
    onExit: (listener) => child.on('exit', (code, signal) => listener(code, signal)),
    kill: () => void child.kill('SIGKILL'),
  };
}

export async function spawnHost(): Promise<HostChannel> {
  const entry = moduleEntry(import.meta.url, './host');
  const inElectronMain =
    Boolean(process.versions.electron) && (process as { type?: string }).type === 'browser';
  return inElectronMain ? spawnUtility(entry.file) : spawnFork(entry.file, entry.execArgv);
}
