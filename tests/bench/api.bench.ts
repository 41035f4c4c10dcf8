/**
 * Cost of the browser-mode API layer (token check, lookup, zod validation, dispatch, envelope)
 * against a bare fastify route on the same machine in the same run, plus how quickly an event
 * reaches a WebSocket client.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import WebSocket from 'ws';
import { contractEmitter, startHttpServer } from '../../src-main/api/index.js';
import { createCore } from '../../src-main/core/index.js';
import type { BenchReport } from './report.js';
import { median } from './stats.js';

const ROUNDS = 7;
const CALLS = 100;
const WARMUP = 50;
const EVENTS = 200;

async function perCallMs(call: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < CALLS; i++) await call();
  return (performance.now() - start) / CALLS;
}

/** Anchor and subject alternate round by round, so a busy machine slows both alike. */
async function compare(anchor: () => Promise<unknown>, subject: () => Promise<unknown>) {
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
  return { anchorMs: median(anchors), subjectMs: median(subjects), ratio: median(ratios) };
}

export async function run(): Promise<BenchReport> {
  const dir = mkdtempSync(join(tmpdir(), 'sohoa-bench-api-'));
  const core = createCore({ dataDir: dir, env: { SOHOA_MACHINE_CONFIG: join(dir, 'none.json') } });
  const server = await startHttpServer({ core, token: 'bench', port: 0, rendererDir: dir });
  const bare = Fastify();
  bare.post('/bare', async () => ({ result: { name: 'SoHoa' } }));
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/bare`;
  try {
    const {
      anchorMs,
      subjectMs: apiMs,
      ratio,
    } = await compare(
      () => fetch(bareUrl, { method: 'POST' }).then((r) => r.json()),
      () =>
        fetch(`${server.url}api/call/app.info`, {
          method: 'POST',
          headers: { authorization: 'Bearer bench' },
        }).then((r) => r.json()),
    );

    const socket = new WebSocket(`${server.url.replace(/^http/, 'ws')}api/events`, {
      headers: { authorization: 'Bearer bench' },
    });
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const emitter = contractEmitter(core);
    const view = { config: core.config, layers: [...core.configLayers] };
    const latencies: number[] = [];
    for (let i = 0; i < EVENTS; i++) {
      const sent = performance.now();
      const arrived = new Promise<void>((resolve) => socket.once('message', () => resolve()));
      emitter.emit('config.changed', view);
      await arrived;
      latencies.push(performance.now() - sent);
    }
    socket.close();
    const p50 = median(latencies);
    return {
      name: 'api',
      setup: {
        rounds: ROUNDS,
        callsPerRound: CALLS,
        warmup: WARMUP,
        events: EVENTS,
        eventPayloadBytes: JSON.stringify(view).length,
      },
      figures: [
        { name: 'bare fastify POST (anchor)', value: anchorMs, unit: 'ms/call' },
        { name: 'POST /api/call/app.info', value: apiMs, unit: 'ms/call' },
        {
          name: 'API layer cost vs bare route (median of rounds)',
          value: ratio,
          unit: 'x',
          goal: '<= 2x',
          met: ratio <= 2,
        },
        { name: 'event to WebSocket client, p50', value: p50, unit: 'ms' },
      ],
    };
  } finally {
    await bare.close();
    await server.close();
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
