/**
 * `sohoa ocr <image>`: recognise one scanned page. Unless --raw, the page first gets the
 * cleanup stages that matter for recognition (orientation, deskew, border removal), as a page
 * from the scanner would; the JSON output's boxes refer to that cleaned page.
 */
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { z } from 'zod';
import { AppError, invalidInput } from '../../domain/index.js';
import { closeOsd, straighten } from '../../imaging/index.js';
import type { RawImage, StraightenResult } from '../../imaging/index.js';
import { OcrEngine, extractFields, pageWords } from '../../ocr/index.js';
import type { OcrField, OcrPage } from '../../ocr/index.js';
import type { RegisterCommands } from '../context.js';

const optionsSchema = z.strictObject({
  lang: z.string().min(1).default('vie+eng'),
  raw: z.boolean().default(false),
  json: z.boolean().default(false),
  dpi: z.coerce.number().int().min(50).max(2400).optional(),
});

export interface OcrCommandResult {
  text: string;
  confidence: number;
  review: OcrPage['review'];
  words: ReturnType<typeof pageWords>;
  lines: Array<{ text: string; confidence: number; box: OcrPage['blocks'][number]['box'] }>;
  fields: OcrField[];
  width: number;
  height: number;
  dpi: number;
  cleanup: { orientation: number; skewDegrees: number; crop: StraightenResult['crop'] } | null;
}

export const registerOcr: RegisterCommands = (program, ctx) => {
  program
    .command('ocr')
    .description('nhận dạng chữ một trang ảnh / recognise the text of one page image')
    .argument('<image>', 'ảnh trang (JPEG, PNG, TIFF…)')
    .option('--lang <langs>', 'ngôn ngữ, ví dụ vie+eng (default vie+eng)')
    .option('--raw', 'bỏ qua làm sạch (xoay, chỉnh nghiêng, cắt viền) / skip cleanup')
    .option('--dpi <n>', 'độ phân giải khi ảnh không ghi / scan resolution if the file lacks it')
    .option('--json', 'machine-readable output')
    .action(async (image: string, raw: Record<string, unknown>) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success)
        throw invalidInput({ vi: 'Tùy chọn lệnh ocr', en: 'ocr options' }, parsed.error.issues);
      const o = parsed.data;
      const engine = await OcrEngine.start({
        dataDir: ctx.dataDir(),
        languages: o.lang,
        workers: 1,
      });
      try {
        const bytes = await readImageFile(image);
        const { page, cleanup } = await recognizeScan(engine, bytes, {
          raw: o.raw,
          dpi: o.dpi,
          source: image,
        });
        const result: OcrCommandResult = {
          text: page.text,
          confidence: page.confidence,
          review: page.review,
          words: pageWords(page),
          lines: page.blocks.flatMap((b) =>
            b.lines.map((l) => ({ text: l.text, confidence: l.confidence, box: l.box })),
          ),
          fields: extractFields(page),
          width: page.width,
          height: page.height,
          dpi: page.dpi,
          cleanup: cleanup && {
            orientation: cleanup.orientation.applied ? cleanup.orientation.degrees : 0,
            skewDegrees: cleanup.skew.applied ? cleanup.skew.degrees : 0,
            crop: cleanup.crop,
          },
        };
        if (o.json) {
          ctx.printJson(result);
          return;
        }
        ctx.print(result.text);
        if (result.review.needed) {
          ctx.print(
            `\n[!] Cần kiểm tra lại: độ tin cậy ${Math.round(result.confidence * 100)}% / Needs review: confidence ${Math.round(result.confidence * 100)}%`,
          );
        }
        for (const f of result.fields)
          ctx.print(`${f.kind}: ${f.value} (${Math.round(f.confidence * 100)}%)`);
      } finally {
        await Promise.all([engine.close(), closeOsd()]);
      }
    });
};

/**
 * What `sohoa ocr` does with one scan, exported so the OCR benchmark measures exactly this path:
 * decode, straighten (unless raw), recognise.
 */
export async function recognizeScan(
  engine: OcrEngine,
  bytes: Uint8Array,
  options: { raw: boolean; dpi?: number | undefined; source: string },
): Promise<{ page: OcrPage; cleanup: StraightenResult | null }> {
  const { raw, dpi, source } = options;
  if (raw)
    return { page: await engine.recognize(bytes, dpi === undefined ? {} : { dpi }), cleanup: null };
  const decoded = await decode(bytes, source, dpi);
  const cleanup = await straighten(decoded);
  const page = await engine.recognize(cleanup.image, { dpi: cleanup.image.dpi });
  return { page, cleanup };
}

async function decode(bytes: Uint8Array, path: string, dpi: number | undefined): Promise<RawImage> {
  try {
    const input = sharp(bytes, { failOn: 'error' });
    const meta = await input.metadata();
    const { data, info } = await input
      .rotate()
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const density =
      meta.density && meta.density >= 50 && meta.density <= 1200 ? Math.round(meta.density) : 300;
    return {
      data,
      width: info.width,
      height: info.height,
      channels: info.channels === 1 ? 1 : 3,
      dpi: dpi ?? density,
    };
  } catch (error) {
    throw new AppError(
      'VALIDATION',
      { vi: `Không đọc được ảnh "${path}".`, en: `Cannot read image "${path}".` },
      { details: { path }, cause: error },
    );
  }
}

async function readImageFile(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new AppError(
      'NOT_FOUND',
      { vi: `Không mở được tệp ảnh "${path}".`, en: `Cannot open image file "${path}".` },
      { details: { path }, cause: error },
    );
  }
}
