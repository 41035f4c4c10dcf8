/**
 * Sync on loopback through the reference gateway, whole engine (token, code lease, tus, PUT):
 * 1. upload throughput with a bandwidth cap, as a ratio of the cap (goal: the cap holds, within
 *    10 %); the anchor is the uncapped throughput of the same dossier in the same run;
 * 2. bytes re-sent after one connection reset in the middle of a file (a TCP proxy drops the
 *    line once), as a ratio of the chunk size (goal: at most one chunk).
 * SOHOA_BENCH_SYNC_MB sets the file size (default 4).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { migrate, openDatabase } from '../../src-main/store/index.js';
import { SyncEngine, startGateway } from '../../src-main/sync/index.js';
import type { OutboxEntryInput, RunningGateway, SyncSettings } from '../../src-main/sync/index.js';
import type { BenchReport } from './report.js';

const MB = Number(process.env.SOHOA_BENCH_SYNC_MB ?? 4);
const SIZE = Math.round(MB * 1024 * 1024);
const CHUNK = 512 * 1024;
const CAP = 1024 * 1024; // 1 MiB/s
const AGENCY = '000.00.06.H56';
const CREDENTIALS = [{ client_id: 'bench', client_secret: 'bench-secret', MaDonVi: [AGENCY] }];

function file(dir: string, seed: number): { path: string; sha256: string } {
  const bytes = Buffer.alloc(SIZE);
  for (let i = 0; i < SIZE; i += 4) bytes.writeUInt32LE(Math.imul(i + seed, 2654435761) >>> 0, i);
  const path = join(dir, `bench-${seed}.pdf`);
  writeFileSync(path, bytes);
  return { path, sha256: createHash('sha256').update(bytes).digest('hex') };
}

function dossier(dir: string, seed: number): OutboxEntryInput {
  const f = file(dir, seed);
  return {
    dossier: {
      MaHoSo: `TAM-${AGENCY}-261126-${String(seed).padStart(4, '0')}`,
      MaTTHC: '1.001193',
      TenTTHC: 'Đăng ký khai sinh',
      ChuHoSo: `Trần Thị Bench ${seed}`,
      LoaiDoiTuong: 1,
      NoiNopHoSo: AGENCY,
      DonViXuLy: AGENCY,
      NgayTiepNhan: '20261126090000',
      TrangThaiHoSo: 2,
      TaiLieuNop: [
        { TenTepDinhKem: 'ho-so.pdf', MaThanhPhanHoSo: 'TK_KHAI_SINH', HashTepTin: f.sha256 },
      ],
    },
    files: [
      {
        path: f.path,
        sha256: f.sha256,
        size: SIZE,
        filename: 'ho-so.pdf',
        mime: 'application/pdf',
      },
    ],
  };
}

async function deliver(
  dir: string,
  url: string,
  seed: number,
  overrides: Partial<SyncSettings>,
): Promise<{ ms: number; sent: number }> {
  const db = openDatabase(join(dir, `station-${seed}.db`));
  await migrate(db);
  const settings: SyncSettings = {
    gatewayUrl: url,
    clientId: 'bench',
    clientSecret: 'bench-secret',
    agency: AGENCY,
    chunkSize: CHUNK,
    bandwidthLimit: 0,
    concurrency: 1,
    codeBlockSize: 1,
    requestTimeoutMs: 30_000,
    catalogRefreshMs: 86_400_000,
    statusPullMs: 86_400_000,
    backoff: { baseMs: 50, maxMs: 500 },
    ...overrides,
  };
  const engine = new SyncEngine({ db, settings });
  engine.outbox.enqueue(dossier(dir, seed));
  const start = performance.now();
  await engine.runUntilIdle();
  const ms = performance.now() - start;
  if (engine.outbox.all().length !== 0) throw new Error(`bench dossier ${seed} was not delivered`);
  db.close();
  return { ms, sent: engine.bytesSent };
}

/** Forwards to the gateway and drops the line once, after `cutAfter` bytes from the client. */
async function flakyProxy(
  target: number,
  cutAfter: number,
): Promise<{ port: number; server: Server; cuts: () => number }> {
  let seen = 0;
  let cuts = 0;
  const server = createServer((client) => {
    const upstream = connect(target, '127.0.0.1');
    client.on('data', (data: Buffer) => {
      seen += data.length;
      if (cuts === 0 && seen > cutAfter) {
        cuts += 1;
        client.destroy();
        upstream.destroy();
        return;
      }
      upstream.write(data);
    });
    upstream.pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    server,
    cuts: () => cuts,
  };
}

export async function run(): Promise<BenchReport> {
  const dir = mkdtempSync(join(tmpdir(), 'sohoa-bench-sync-'));
  let gateway: RunningGateway | undefined;
  try {
    gateway = await startGateway({ dataDir: join(dir, 'gateway'), credentials: CREDENTIALS });
    const anchor = await deliver(dir, gateway.url, 1, {});
    const capped = await deliver(dir, gateway.url, 2, { bandwidthLimit: CAP });
    const anchorRate = SIZE / (anchor.ms / 1000);
    const cappedRate = SIZE / (capped.ms / 1000);

    const proxy = await flakyProxy(gateway.port, Math.floor(SIZE * 0.45) + 777);
    const url = gateway.url.replace(`:${gateway.port}/`, `:${proxy.port}/`);
    const reset = await deliver(dir, url, 3, {});
    proxy.server.close();
    const resent = reset.sent - SIZE;

    return {
      name: 'sync',
      setup: {
        fileMiB: MB,
        chunkKiB: CHUNK / 1024,
        capKiBps: CAP / 1024,
        resets: proxy.cuts(),
        gatewayFiles: gateway.repo.summary().files,
      },
      figures: [
        { name: 'uncapped upload (anchor)', value: anchorRate / 1024 / 1024, unit: 'MiB/s' },
        { name: 'capped upload', value: cappedRate / 1024 / 1024, unit: 'MiB/s' },
        {
          name: 'capped upload / cap',
          value: cappedRate / CAP,
          unit: 'ratio',
          goal: '0.85..1.10',
          met: cappedRate / CAP >= 0.85 && cappedRate / CAP <= 1.1,
        },
        { name: 'capped / uncapped (anchor)', value: cappedRate / anchorRate, unit: 'ratio' },
        { name: 'bytes re-sent after one reset mid-file', value: resent / 1024, unit: 'KiB' },
        {
          name: 're-sent / chunk size',
          value: resent / CHUNK,
          unit: 'ratio',
          goal: '<= 1 chunk',
          met: resent <= CHUNK && proxy.cuts() === 1,
        },
      ],
    };
  } finally {
    await gateway?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
