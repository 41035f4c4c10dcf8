/**
 * The OCR service: validated options in, `OcrPage` out. One worker per core by default, the
 * language data from resources/, the unpacked cache in the station's data directory, nothing
 * from the network.
 */
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import type Tesseract from 'tesseract.js';
import { AppError } from '../../domain/index.js';
import { DEFAULT_LANGUAGES, parseLanguages } from '../languages.js';
import type { OcrLanguage } from '../languages.js';
import { buildPage } from '../result/build-page.js';
import type { OcrPage } from '../result/page.js';
import { prepareImage } from './image-input.js';
import type { OcrImage } from './image-input.js';
import { locateTessdata } from './tessdata.js';
import { WorkerPool } from './worker-pool.js';

/** Below this mean word confidence a page is flagged for a person to check. */
export const DEFAULT_REVIEW_THRESHOLD = 0.75;
/** What tesseract is told when neither the image nor the caller knows the resolution. */
export const ASSUMED_DPI = 300;

const dpiSchema = z.number().int().min(50).max(2400);

const engineOptionsSchema = z.object({
  dataDir: z.string().min(1),
  languages: z.union([z.string(), z.array(z.string())]).optional(),
  workers: z.number().int().min(1).max(64).optional(),
  reviewThreshold: z.number().min(0).max(1).optional(),
});

export interface OcrEngineOptions {
  /** The station's data directory; the unpacked model cache goes under it. */
  dataDir: string;
  /** `vie+eng` or ['vie', 'eng']; default vie+eng. */
  languages?: string | readonly string[];
  /** Worker threads; default one per core. */
  workers?: number;
  /** 0..1; default 0.75. */
  reviewThreshold?: number;
}

export interface RecognizeOptions {
  /** The scan resolution, when the image file does not record it (or records it wrongly). */
  dpi?: number;
}

export class OcrEngine {
  private constructor(
    private readonly pool: WorkerPool,
    readonly languages: readonly OcrLanguage[],
    readonly reviewThreshold: number,
  ) {}

  static async start(options: OcrEngineOptions): Promise<OcrEngine> {
    const parsed = engineOptionsSchema.safeParse(options);
    if (!parsed.success) throw invalid('OCR engine options', parsed.error);
    const languages =
      parsed.data.languages === undefined
        ? [...DEFAULT_LANGUAGES]
        : parseLanguages(parsed.data.languages);
    const pool = await WorkerPool.start({
      size: parsed.data.workers ?? availableParallelism(),
      languages,
      tessdata: locateTessdata(languages, parsed.data.dataDir),
    });
    return new OcrEngine(pool, languages, parsed.data.reviewThreshold ?? DEFAULT_REVIEW_THRESHOLD);
  }

  get workers(): number {
    return this.pool.size;
  }

  async recognize(image: OcrImage, options: RecognizeOptions = {}): Promise<OcrPage> {
    if (options.dpi !== undefined) {
      const dpi = dpiSchema.safeParse(options.dpi);
      if (!dpi.success) throw invalid('dpi', dpi.error);
    }
    const prepared = await prepareImage(image);
    const dpi = options.dpi ?? prepared.dpi ?? ASSUMED_DPI;
    const dpiSource =
      options.dpi !== undefined ? 'caller' : prepared.dpi !== undefined ? 'image' : 'assumed';
    const result = await this.pool.run(async (worker) => {
      try {
        // tesseract.js's typings only list its own options; tesseract parameters pass through too
        // the resolution of the pixels tesseract actually gets, so its size heuristics hold
        const params = {
          user_defined_dpi: String(Math.round(dpi * prepared.scale)),
        } as Partial<Tesseract.RecognizeOptions>;
        return await worker.recognize(Buffer.from(prepared.pgm), params, {
          text: false,
          blocks: true,
        });
      } catch (error) {
        throw new AppError(
          'INTERNAL',
          { vi: 'Nhận dạng chữ thất bại trên trang này.', en: 'OCR failed on this page.' },
          { details: { reason: String(error), width: prepared.width, height: prepared.height } },
        );
      }
    });
    return buildPage(result.data.blocks, {
      width: prepared.width,
      height: prepared.height,
      scale: prepared.scale,
      dpi,
      dpiSource,
      languages: [...this.languages],
      reviewThreshold: this.reviewThreshold,
    });
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

function invalid(what: string, error: z.ZodError): AppError {
  const issues = error.issues.map((i) => `${i.path.join('.') || what}: ${i.message}`);
  return new AppError(
    'VALIDATION',
    {
      vi: `Tham số OCR không hợp lệ (${issues.join('; ')}).`,
      en: `Invalid OCR parameters (${issues.join('; ')}).`,
    },
    { details: { what, issues } },
  );
}
