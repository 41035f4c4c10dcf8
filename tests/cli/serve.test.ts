import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startCli } from './run-cli.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'sohoa-serve-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('sohoa serve', () => {
  it('serves on 127.0.0.1, prints the URL with the token, guards the API and stops on SIGTERM', async () => {
    const dataDir = tempDir();
    const { child, match, exited } = await startCli(
      ['serve', '--port', '0', '--token', 't0k', '--data-dir', dataDir],
      { SOHOA_MACHINE_CONFIG: join(dataDir, 'none.json') },
      /(http:\/\/127\.0\.0\.1:\d+\/)\?token=t0k/,
    );
    const base = match[1] ?? '';
    const call = (headers: Record<string, string>, body?: string): Promise<Response> =>
      fetch(`${base}api/call/app.info`, { method: 'POST', headers, body });

    expect((await call({})).status).toBe(401);
    expect(
      (await call({ authorization: 'Bearer t0k', 'content-type': 'application/json' }, '{oops'))
        .status,
    ).toBe(400);
    const ok = await call({ authorization: 'Bearer t0k' });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { result: { dataDir: string } }).result.dataDir).toBe(dataDir);

    child.kill('SIGTERM');
    const result = await exited;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('đã dừng / stopped');
    expect(readdirSync(join(dataDir, 'logs'))).toContain('current.log');
  });

  it('takes the token from SOHOA_TOKEN, else makes a random one', async () => {
    const fromEnv = await startCli(
      ['serve', '--port', '0', '--data-dir', tempDir()],
      { SOHOA_TOKEN: 'from-env' },
      /\?token=(\S+)/,
    );
    expect(fromEnv.match[1]).toBe('from-env');
    fromEnv.child.kill('SIGINT');
    expect((await fromEnv.exited).code).toBe(0);

    const random = await startCli(
      ['serve', '--port', '0', '--data-dir', tempDir()],
      {},
      /\?token=(\S+)/,
    );
    expect(random.match[1]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    random.child.kill('SIGTERM');
    expect((await random.exited).code).toBe(0);
  });

  it('refuses a bad port with a message naming it and exit code 1', async () => {
    const result = await runCli(['serve', '--port', 'eighty', '--data-dir', tempDir()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('port');
    expect(result.stderr).toContain('VALIDATION');
  });
});
