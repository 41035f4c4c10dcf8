/**
 * A station for pipeline and finishing tests: a temp data directory with the default catalog, a
 * core configured for agency H56, a "Đăng ký khai sinh" dossier, and pages landed the way the
 * scanner lands them (store.addPage with the scan's bytes), from rendered fixture pages.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { createCore } from '../../src-main/core/index.js';
import type { Core } from '../../src-main/core/index.js';
import { dossierService, storeService } from '../../src-main/core/dossiers/index.js';
import type { DossierDetail } from '../../src-main/core/dossiers/index.js';
import type { Page } from '../../src-main/domain/index.js';
import type { Store } from '../../src-main/store/index.js';
import { renderPage } from '../fixtures/render.js';
import type { PageSpec, RenderedPage } from '../fixtures/render.js';

export const AGENCY = '000.00.06.H56';
export const BIRTH_REGISTRATION = '1.001193';

export interface Station {
  dataDir: string;
  env: Record<string, string>;
  core: Core;
  store: Store;
  remove(): Promise<void>;
}

export async function openStation(
  env: Record<string, string> = {},
  dataDir = mkdtempSync(join(tmpdir(), 'sohoa-pipeline-')),
): Promise<Station> {
  const fullEnv = {
    SOHOA_AGENCY_CODE: AGENCY,
    SOHOA_AGENCY_NAME: 'UBND phường Bến Nghé',
    SOHOA_PIPELINE_WORKERS: '2',
    ...env,
  };
  const core = createCore({ dataDir, env: fullEnv });
  const store = await core.use(storeService);
  return {
    dataDir,
    env: fullEnv,
    core,
    store,
    remove: async () => {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function newDossier(
  core: Core,
  fields: { SoDinhDanh?: string; ChuHoSo?: string } = {},
): Promise<DossierDetail> {
  const dossiers = await core.use(dossierService);
  return dossiers.create(
    {
      MaTTHC: BIRTH_REGISTRATION,
      ChuHoSo: fields.ChuHoSo ?? 'Nguyễn Văn Đặng',
      SoDinhDanh: fields.SoDinhDanh ?? '079203001234',
      SoDienThoai: '0903123456',
    },
    'clerk.test',
  );
}

export function componentId(detail: DossierDetail, code: string): number {
  const component = detail.components.find((c) => c.MaThanhPhanHoSo === code);
  if (!component) throw new Error(`no component ${code}`);
  return component.id;
}

/** A rendered page as a scanner hands it over: a JPEG with its resolution recorded. */
export async function scannedJpeg(spec: PageSpec): Promise<{ bytes: Buffer; page: RenderedPage }> {
  const page = await renderPage(spec);
  const { data, width, height, channels, dpi } = page.image;
  const bytes = await sharp(data, { raw: { width, height, channels } })
    .withMetadata({ density: dpi })
    .jpeg({ quality: 90 })
    .toBuffer();
  return { bytes, page };
}

export async function landPage(
  store: Store,
  component: number,
  spec: PageSpec,
): Promise<{ page: Page; rendered: RenderedPage }> {
  const { bytes, page: rendered } = await scannedJpeg(spec);
  const page = store.addPage({
    componentId: component,
    bytes,
    mime: 'image/jpeg',
    width: rendered.image.width,
    height: rendered.image.height,
    dpi: spec.dpi,
  });
  return { page, rendered };
}

export function count(store: Store, sql: string, ...params: unknown[]): number {
  return (store.db.prepare(sql).get(...params) as { n: number }).n;
}
