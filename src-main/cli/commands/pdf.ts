/**
 * `sohoa pdf <images…> --out FILE.pdf`: one component's PDF from its page images, in the order
 * given. With --ocr each image is recognised as it is (the text layer must match the embedded
 * pixels exactly, so no cleanup runs here). The file is written beside its final name and
 * renamed into place, and an existing file is only replaced with --force.
 */
import { extname } from 'node:path';
import { z } from 'zod';
import { buildComponentPdf } from '../../api/handlers/ocr.js';
import { invalidInput } from '../../domain/index.js';
import { OcrEngine } from '../../ocr/index.js';
import type { RegisterCommands } from '../context.js';

const optionsSchema = z.strictObject({
  out: z
    .string()
    .min(1)
    .refine((p) => extname(p).toLowerCase() === '.pdf', 'the output name must end in .pdf'),
  ocr: z.boolean().default(false),
  pdfa: z.boolean().default(false),
  lang: z.string().min(1).default('vie+eng'),
  dpi: z.coerce.number().int().min(50).max(2400).optional(),
  title: z.string().trim().min(1).optional(),
  agency: z.string().trim().min(1).optional(),
  maHoSo: z.string().trim().min(1).optional(),
  maTthc: z.string().trim().min(1).optional(),
  component: z.string().trim().min(1).optional(),
  force: z.boolean().default(false),
  json: z.boolean().default(false),
});

export const registerPdf: RegisterCommands = (program, ctx) => {
  program
    .command('pdf')
    .description(
      'ghép ảnh trang thành PDF tìm kiếm được / assemble page images into a searchable PDF',
    )
    .argument('<images...>', 'ảnh trang theo thứ tự')
    .requiredOption('--out <file.pdf>', 'tệp PDF kết quả')
    .option('--ocr', 'thêm lớp chữ ẩn từ OCR / add the invisible OCR text layer')
    .option('--pdfa', 'PDF/A-2b (XMP, sRGB OutputIntent)')
    .option('--lang <langs>', 'ngôn ngữ OCR (default vie+eng)')
    .option('--dpi <n>', 'độ phân giải khi ảnh không ghi / resolution when the files lack it')
    .option('--title <text>', 'tiêu đề (default: tên tệp)')
    .option('--agency <name>', 'cơ quan tiếp nhận')
    .option('--ma-ho-so <MaHoSo>', 'mã hồ sơ')
    .option('--ma-tthc <MaTTHC>', 'mã thủ tục hành chính')
    .option('--component <name>', 'tên thành phần hồ sơ')
    .option('--force', 'ghi đè tệp đã có / replace an existing file')
    .option('--json', 'machine-readable output')
    .action(async (images: string[], raw: Record<string, unknown>) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success)
        throw invalidInput({ vi: 'Tùy chọn lệnh pdf', en: 'pdf options' }, parsed.error.issues);
      const o = parsed.data;
      let engine: Promise<OcrEngine> | undefined;
      const result = await buildComponentPdf(
        {
          images,
          out: o.out,
          ocr: o.ocr,
          pdfa: o.pdfa,
          dpi: o.dpi,
          force: o.force,
          title: o.title,
          agency: o.agency,
          MaHoSo: o.maHoSo,
          MaTTHC: o.maTthc,
          ThanhPhanHoSo: o.component,
        },
        () => (engine ??= OcrEngine.start({ dataDir: ctx.dataDir(), languages: o.lang })),
      ).finally(async () => {
        if (engine) await (await engine).close();
      });
      if (o.json) {
        ctx.printJson(result);
        return;
      }
      ctx.print(`${result.out}: ${result.pages.length} trang/pages, ${result.bytes} bytes`);
      for (const w of result.warnings) ctx.print(`[!] ${w.message.vi} / ${w.message.en}`);
      if (result.reviewPages.length > 0) {
        ctx.print(
          `[!] Cần kiểm tra OCR / OCR needs review: trang/pages ${result.reviewPages.join(', ')}`,
        );
      }
    });
};
