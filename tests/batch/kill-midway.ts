/**
 * Kills a `sohoa` run at a chosen point of its progress, as a power cut or `kill -9` would: the
 * bin runs with `args`, its stderr is read for `count` (a global regex whose first group is a
 * number), and it gets SIGKILL once that number reaches `atLeast`. Resolves the last number seen;
 * rejects when the run ended on its own first (it was too quick to be cut).
 */
import { spawn } from 'node:child_process';
import { BIN, cleanEnv } from '../cli/run-cli.js';

export function killMidway(
  args: string[],
  env: Record<string, string>,
  count: RegExp,
  atLeast: number,
): Promise<number> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: cleanEnv(env),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let seen = 0;
    let killed = false;
    child.stderr.on('data', (chunk: Buffer) => {
      for (const m of chunk.toString('utf8').matchAll(count)) seen = Math.max(seen, Number(m[1]));
      if (!killed && seen >= atLeast) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL'
        ? resolve(seen)
        : reject(
            new Error(`sohoa ${args.join(' ')} ended (${String(code)}) before it could be killed`),
          ),
    );
  });
}
