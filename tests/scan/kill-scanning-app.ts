/**
 * Runs the app side of a feeder scan in its own process (spool-recovery-child.ts), SIGKILLs it
 * once it has stopped at page `stopAt`, and waits for its orphaned scanner host to notice and
 * exit: only then is the spool at rest, holding the pages the app never landed.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { ScanRequestInput } from '../../src-main/scan/index.js';

const CHILD = join(import.meta.dirname, 'spool-recovery-child.ts');

export interface KilledScan {
  dataDir: string;
  MaHoSo: string;
  component: string;
  /** Stop just before page `stopAt` lands, or just after the store committed it. */
  when: 'before' | 'after';
  stopAt: number;
  request?: Partial<ScanRequestInput>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function killScanningApp(scan: KilledScan): Promise<void> {
  const args = [scan.dataDir, scan.MaHoSo, scan.component, scan.when, String(scan.stopAt)];
  const proc = fork(CHILD, [...args, JSON.stringify(scan.request ?? {})], {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
  });
  const hostPid = await new Promise<number>((resolve, reject) => {
    proc.on('message', (m: { stoppedAt?: number; hostPid?: number }) => {
      if (m.stoppedAt === scan.stopAt && m.hostPid) resolve(m.hostPid);
      else reject(new Error(`child did not stop: ${JSON.stringify(m)}`));
    });
    proc.on('exit', (code) => reject(new Error(`child exited with ${code} before stopping`)));
  });
  const exited = new Promise((resolve) => proc.on('exit', resolve));
  proc.kill('SIGKILL');
  await exited;
  const deadline = Date.now() + 30_000;
  while (alive(hostPid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (alive(hostPid)) throw new Error(`scanner host ${hostPid} outlived its app by 30 s`);
}
