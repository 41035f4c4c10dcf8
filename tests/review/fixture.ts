/**
 * A page review fixture: a core on a temp data dir behind the real HTTP transport, a received
 * dossier, and pages stored the way the scanner lands them (real PNGs in the blob store).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { startHttpServer } from '../../src-main/api/index.js';
import type { RunningHttpServer } from '../../src-main/api/index.js';
import { createCore } from '../../src-main/core/index.js';
import type { Core } from '../../src-main/core/index.js';
import { storeService } from '../../src-main/core/dossiers/index.js';
import type { Store } from '../../src-main/store/index.js';
import { callApi, type ApiAnswer } from '../api/call.js';

export const AGENCY = '000.00.06.H56';
const TOKEN = 'review-api-test-token';

export interface ReviewFixture {
  core: Core;
  store: Store;
  call(method: string, input: unknown): Promise<ApiAnswer>;
  /** Result of a call that must succeed. */
  ok<T>(method: string, input: unknown): Promise<T>;
  close(): Promise<void>;
}

export async function startReviewFixture(): Promise<ReviewFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'sohoa-review-'));
  const core = createCore({
    dataDir: join(dir, 'data'),
    env: { SOHOA_MACHINE_CONFIG: join(dir, 'machine.json'), SOHOA_AGENCY_CODE: AGENCY },
  });
  const server: RunningHttpServer = await startHttpServer({
    core,
    token: TOKEN,
    port: 0,
    rendererDir: dir,
  });
  const store = await core.use(storeService);
  const call = (method: string, input: unknown) => callApi(server.url, TOKEN, method, input);
  return {
    core,
    store,
    call,
    async ok<T>(method: string, input: unknown): Promise<T> {
      const answer = await call(method, input);
      if (answer.status !== 200)
        throw new Error(`${method} → ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body.result as T;
    },
    async close() {
      await server.close();
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A portrait page (300×400) with a dark mark in its top-left corner, so a rotation shows, and a
 * grey level of its own, so pages are told apart by their pixels.
 */
export function markedPage(shade: number): Promise<Buffer> {
  return sharp({
    create: { width: 300, height: 400, channels: 3, background: { r: shade, g: shade, b: shade } },
  })
    .composite([
      {
        input: { create: { width: 60, height: 60, channels: 3, background: { r: 0, g: 0, b: 0 } } },
        left: 0,
        top: 0,
      },
    ])
    .png()
    .toBuffer();
}

/** Lands `count` marked pages in a component, as the scanner would; returns their ids. */
export async function landPages(
  store: Store,
  MaHoSo: string,
  MaThanhPhanHoSo: string,
  count: number,
  firstShade = 200,
): Promise<number[]> {
  const dossier = store.dossiers.requireByCode(MaHoSo);
  const component = store.dossiers
    .components(dossier.id)
    .find((c) => c.MaThanhPhanHoSo === MaThanhPhanHoSo);
  if (!component) throw new Error(`no component ${MaThanhPhanHoSo}`);
  const ids: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const bytes = await markedPage(firstShade + i);
    ids.push(
      store.addPage({
        componentId: component.id,
        bytes,
        mime: 'image/png',
        width: 300,
        height: 400,
        dpi: 300,
      }).id,
    );
  }
  return ids;
}
