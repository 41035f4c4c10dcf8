/**
 * Runs the real `sohoa` bin (bin/sohoa.js through tsx) in a child process, as a user would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/sohoa.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Environment without the developer's SOHOA_* settings, plus the test's own. The test run's
 * keychain folder stays: the child must find the keys of stores the test made (and never
 * write keys into the real home).
 */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env))
    if (!key.startsWith('SOHOA_') || key === 'SOHOA_KEY_DIR') env[key] = value;
  return { ...env, ...extra };
}

export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: cleanEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts a long-running command and resolves once stdout matches `ready`. */
export function startCli(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<{
  child: ChildProcess;
  match: RegExpMatchArray;
  output: () => string;
  exited: Promise<CliResult>;
}> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: cleanEnv(env) });
    let stdout = '';
    let stderr = '';
    const exited = new Promise<CliResult>((done) =>
      child.on('close', (code) => done({ code, stdout, stderr })),
    );
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const match = stdout.match(ready);
      if (match) resolve({ child, match, output: () => stdout, exited });
    });
    void exited.then((result) =>
      reject(new Error(`exited with ${result.code} before ready: ${result.stderr}`)),
    );
  });
}
