/**
 * Tesseract orientation-and-script detection (OSD) through tesseract.js: the one module that
 * talks to the engine. The legacy core and the legacy `osd` model are loaded from the shipped
 * resources (`resources/tessdata/osd.traineddata.gz`) or the @tesseract.js-data/osd package —
 * never from the network. One engine per thread, created on first use and reused.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM } from 'tesseract.js';
import type { Worker } from 'tesseract.js';
import { AppError } from '../../domain/index.js';
import { resourcePath } from '../../platform/index.js';

export interface OsdResult {
  /** How far the page is turned clockwise from upright (Tesseract: the turn that would fix it is the opposite). */
  degrees: 0 | 90 | 180 | 270;
  confidence: number;
  script: string | null;
}

function osdDataDir(): string {
  const shipped = resourcePath('tessdata');
  if (existsSync(join(shipped, 'osd.traineddata.gz'))) return shipped;
  const pkg = dirname(
    createRequire(import.meta.url).resolve('@tesseract.js-data/osd/package.json'),
  );
  // the 4.0.0 (not _best_int) folder holds the legacy model OSD needs
  return join(pkg, '4.0.0');
}

let engine: Promise<Worker> | undefined;

function osdEngine(): Promise<Worker> {
  engine ??= createWorker('osd', OEM.TESSERACT_ONLY, {
    langPath: osdDataDir(),
    gzip: true,
    cacheMethod: 'none',
    legacyCore: true,
    legacyLang: true,
  })
    .then(async (worker) => {
      // Tesseract prints diagnostics ("Too few characters…") on stdout, which would corrupt --json output
      await worker.setParameters({ debug_file: '/dev/null' } as Parameters<
        Worker['setParameters']
      >[0]);
      return worker;
    })
    .catch((cause: unknown) => {
      engine = undefined;
      throw new AppError(
        'OSD_UNAVAILABLE',
        {
          vi: 'Không khởi động được bộ nhận dạng hướng trang (Tesseract OSD).',
          en: 'Could not start the page-orientation engine (Tesseract OSD).',
        },
        { cause, details: { dataDir: osdDataDir() } },
      );
    });
  return engine;
}

/** Runs OSD on an encoded image (PNG of the grey page); null when Tesseract finds no usable text. */
export async function detectOsd(png: Buffer): Promise<OsdResult | null> {
  const worker = await osdEngine();
  const { data } = await worker.detect(png);
  if (data.orientation_degrees === null || data.orientation_confidence === null) return null;
  // tesseract.js reports the clockwise turn needed to make the page upright
  const fix = data.orientation_degrees;
  const degrees = ((360 - fix) % 360) as 0 | 90 | 180 | 270;
  return { degrees, confidence: data.orientation_confidence, script: data.script };
}

/** Frees the engine of this thread (pool shutdown, tests). */
export async function closeOsd(): Promise<void> {
  const current = engine;
  engine = undefined;
  if (current) await (await current).terminate();
}
