/**
 * Handlers of `contract/ocr.ts`. Recognition engines are a core service (one pool per language
 * list and data directory, started on first use and kept warm, closed with the core), so a
 * clerk's second page does not pay the workers' start-up again.
 */
import { basename, extname } from 'node:path';
import { defineService } from '../../core/index.js';
import { straighten } from '../../imaging/index.js';
import { OcrEngine, readPageFile, recognizeScan, summarizePage } from '../../ocr/index.js';
import type { OcrPage } from '../../ocr/index.js';
import { assemblePdf, assertWritable, writePdfFile } from '../../pdf/index.js';
import { ocrContract, summarizeCleanup } from '../contract/ocr.js';
import type { PdfAssembleResult } from '../contract/ocr.js';
import { implement } from '../handler.js';

class OcrEngines {
  private readonly engines = new Map<string, Promise<OcrEngine>>();

  constructor(private readonly dataDir: string) {}

  get(languages: string): Promise<OcrEngine> {
    let engine = this.engines.get(languages);
    if (!engine) {
      engine = OcrEngine.start({ dataDir: this.dataDir, languages });
      // a failed start (bad language list) must not stay cached
      engine.catch(() => this.engines.delete(languages));
      this.engines.set(languages, engine);
    }
    return engine;
  }

  async close(): Promise<void> {
    const started = await Promise.allSettled(this.engines.values());
    this.engines.clear();
    await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.close() : undefined)));
  }
}

export const ocrEnginesService = defineService({
  name: 'ocr',
  create: (core) => new OcrEngines(core.dataDir),
  dispose: (engines) => engines.close(),
});

export interface ComponentPdfRequest {
  images: string[];
  out: string;
  ocr: boolean;
  pdfa: boolean;
  dpi?: number | undefined;
  force: boolean;
  title?: string | undefined;
  agency?: string | undefined;
  MaHoSo?: string | undefined;
  MaTTHC?: string | undefined;
  ThanhPhanHoSo?: string | undefined;
}

/**
 * Page images → (OCR of exactly those pixels) → PDF → file; shared by `pdf.assemble` and
 * `sohoa pdf`. The target is checked before any OCR so a name clash fails in a second.
 */
export async function buildComponentPdf(
  request: ComponentPdfRequest,
  engine: () => Promise<OcrEngine>,
): Promise<PdfAssembleResult> {
  const { images, out, force } = request;
  assertWritable(out, force);
  const dpi = request.dpi === undefined ? {} : { dpi: request.dpi };
  let ocr: OcrPage[] = [];
  if (request.ocr) {
    const recogniser = await engine();
    ocr = await Promise.all(images.map((image) => recogniser.recognize(image, dpi)));
  }
  const optional = {
    agency: request.agency,
    MaHoSo: request.MaHoSo,
    MaTTHC: request.MaTTHC,
    ThanhPhanHoSo: request.ThanhPhanHoSo,
  };
  const metadata = Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined));
  const assembled = await assemblePdf(
    images.map((image, i) => ({ image, ...dpi, ...(ocr[i] ? { ocr: ocr[i] } : {}) })),
    {
      metadata: { title: request.title ?? basename(out, extname(out)), ...metadata },
      pdfa: request.pdfa,
    },
  );
  await writePdfFile(out, assembled.bytes, force);
  return {
    out,
    bytes: assembled.bytes.length,
    pages: assembled.pages,
    warnings: assembled.warnings,
    reviewPages: ocr.flatMap((page, i) => (page.review.needed ? [i + 1] : [])),
  };
}

export const ocrHandlers = implement(ocrContract, {
  'ocr.recognize': async ({ path, lang, raw, dpi }, { core }) => {
    const bytes = await readPageFile(path);
    const engine = await core.use(ocrEnginesService).get(lang);
    const { page, cleanup } = await recognizeScan(engine, bytes, {
      ...(raw ? {} : { prepare: straighten }),
      dpi,
      source: path,
    });
    return { ...summarizePage(page), cleanup: summarizeCleanup(cleanup) };
  },
  'pdf.assemble': ({ lang, ...request }, { core }) =>
    buildComponentPdf(request, () => core.use(ocrEnginesService).get(lang)),
});
