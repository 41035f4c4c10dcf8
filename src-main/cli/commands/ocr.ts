/**
 * `sohoa ocr <image>`: recognise one scanned page. Unless --raw, the page first gets the
 * cleanup stages that matter for recognition (orientation, deskew, border removal), as a page
 * from the scanner would; the JSON output's boxes refer to that cleaned page.
 */
import { z } from 'zod';
import { summarizeCleanup } from '../../api/contract/ocr.js';
import type { OcrRecognizeResult } from '../../api/contract/ocr.js';
import { invalidInput } from '../../domain/index.js';
import { closeOsd, straighten } from '../../imaging/index.js';
import { OcrEngine, readPageFile, recognizeScan, summarizePage } from '../../ocr/index.js';
import type { RegisterCommands } from '../context.js';

const optionsSchema = z.strictObject({
  lang: z.string().min(1).default('vie+eng'),
  raw: z.boolean().default(false),
  json: z.boolean().default(false),
  dpi: z.coerce.number().int().min(50).max(2400).optional(),
});

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
      const bytes = await readPageFile(image);
      const engine = await OcrEngine.start({
        dataDir: ctx.dataDir(),
        languages: o.lang,
        workers: 1,
      });
      try {
        const { page, cleanup } = await recognizeScan(engine, bytes, {
          ...(o.raw ? {} : { prepare: straighten }),
          dpi: o.dpi,
          source: image,
        });
        const result: OcrRecognizeResult = {
          ...summarizePage(page),
          cleanup: summarizeCleanup(cleanup),
        };
        if (o.json) {
          ctx.printJson(result);
          return;
        }
        ctx.print(result.text);
        if (result.review.needed) {
          const pct = Math.round(result.confidence * 100);
          ctx.print(
            `\n[!] Cần kiểm tra lại: độ tin cậy ${pct}% / Needs review: confidence ${pct}%`,
          );
        }
        for (const f of result.fields)
          ctx.print(`${f.kind}: ${f.value} (${Math.round(f.confidence * 100)}%)`);
      } finally {
        await Promise.all([engine.close(), closeOsd()]);
      }
    });
};
