/**
 * What clerk sign-in costs a counter: an API call made by a signed-in clerk (`local` identity:
 * session cookie, digest lookup, account and role check) against the same call on the `os`
 * identity station (no session), same machine, same run, rounds alternating; and how long a
 * sign-in takes (argon2id verify + session) next to one such call.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startHttpServer } from '../../src-main/api/index.js';
import { createCore } from '../../src-main/core/index.js';
import type { BenchReport } from './report.js';
import { median } from './stats.js';

const ROUNDS = 7;
const CALLS = 60;
const WARMUP = 30;
const SIGN_INS = 10;
const PASSWORD = 'bench-password-123';

async function station(dir: string, identity: 'os' | 'local') {
  const core = createCore({
    dataDir: join(dir, identity),
    env: { SOHOA_MACHINE_CONFIG: join(dir, 'none.json'), SOHOA_SECURITY_IDENTITY: identity },
  });
  const server = await startHttpServer({ core, token: 'bench', port: 0, rendererDir: dir });
  const call = async (method: string, input: unknown, cookie?: string) => {
    const res = await fetch(`${server.url}api/call/${method}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer bench',
        ...(cookie ? { cookie } : {}),
      },
      body: JSON.stringify(input),
    });
    await res.json();
    if (!res.ok) throw new Error(`${method} answered ${res.status}`);
    return res.headers.get('set-cookie')?.split(';')[0];
  };
  return {
    call,
    async close() {
      await server.close();
      await core.close();
    },
  };
}

async function perCallMs(call: () => Promise<unknown>, n = CALLS): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < n; i++) await call();
  return (performance.now() - start) / n;
}

export async function run(): Promise<BenchReport> {
  const dir = mkdtempSync(join(tmpdir(), 'sohoa-bench-identity-'));
  const os = await station(dir, 'os');
  const local = await station(dir, 'local');
  try {
    const cookie = await local.call('auth.setupAdmin', {
      username: 'bench',
      displayName: 'Bench',
      password: PASSWORD,
    });
    // A call that reads the store on both stations, so only the identity check differs.
    const anchor = () => os.call('dossier.list', {});
    const subject = () => local.call('dossier.list', {}, cookie);
    for (let i = 0; i < WARMUP; i++) await Promise.all([anchor(), subject()]);
    const anchors: number[] = [];
    const subjects: number[] = [];
    const ratios: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const a = await perCallMs(anchor);
      const s = await perCallMs(subject);
      anchors.push(a);
      subjects.push(s);
      ratios.push(s / a);
    }
    const signInMs = await perCallMs(
      () => local.call('auth.signIn', { username: 'bench', password: PASSWORD }),
      SIGN_INS,
    );
    const anchorMs = median(anchors);
    const ratio = median(ratios);
    return {
      name: 'identity',
      setup: { rounds: ROUNDS, callsPerRound: CALLS, warmup: WARMUP, signIns: SIGN_INS },
      figures: [
        { name: 'dossier.list, os identity (anchor)', value: anchorMs, unit: 'ms/call' },
        { name: 'dossier.list, signed-in clerk', value: median(subjects), unit: 'ms/call' },
        {
          name: 'signed-in call vs os-identity call (median of rounds)',
          value: ratio,
          unit: 'x',
          goal: '<= 1.1x',
          met: ratio <= 1.1,
        },
        {
          name: 'sign-in (argon2id 19 MiB, t=2) vs one call',
          value: signInMs / anchorMs,
          unit: 'x',
        },
        { name: 'sign-in', value: signInMs, unit: 'ms' },
      ],
    };
  } finally {
    await os.close();
    await local.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
