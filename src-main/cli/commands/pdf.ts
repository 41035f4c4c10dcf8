/**
 * `sohoa pdf <images…> --out FILE.pdf`: one component's PDF from its page images, in the order
 * given. With --ocr each image is recognised as it is (the text layer must match the embedded
 * pixels exactly, so no cleanup runs here). The file is written beside its final name and
 * renamed into place, and an existing file is only replaced with --force.
 */
import { existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { z } from 'zod';
import { AppError, invalidInput } from '../../domain/index.js';
import { OcrEngine } from '../../ocr/index.js';
import { assemblePdf } from '../../pdf/index.js';
import type { PageSource } from '../../pdf/index.js';
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
      if (existsSync(o.out) && !o.force) {
        throw new AppError(
          'CONFLICT',
          {
            vi: `Tệp "${o.out}" đã có; dùng --force để ghi đè.`,
            en: `"${o.out}" already exists; pass --force to replace it.`,
          },
          { details: { out: o.out } },
        );
      }
      const sources: PageSource[] = images.map((image) => ({
        image,
        ...(o.dpi ? { dpi: o.dpi } : {}),
      }));
      if (o.ocr) {
        const engine = await OcrEngine.start({ dataDir: ctx.dataDir(), languages: o.lang });
        try {
          const pages = await Promise.all(
            sources.map((s) => engine.recognize(s.image, o.dpi ? { dpi: o.dpi } : {})),
          );
          pages.forEach((page, i) => {
            const source = sources[i];
            if (source) source.ocr = page;
          });
        } finally {
          await engine.close();
        }
      }
      const result = await assemblePdf(sources, {
        metadata: {
          title: o.title ?? basename(o.out, extname(o.out)),
          ...(o.agency ? { agency: o.agency } : {}),
          ...(o.maHoSo ? { MaHoSo: o.maHoSo } : {}),
          ...(o.maTthc ? { MaTTHC: o.maTthc } : {}),
          ...(o.component ? { ThanhPhanHoSo: o.component } : {}),
        },
        pdfa: o.pdfa,
      });
      const temp = join(dirname(o.out), `.${basename(o.out)}.${process.pid}.tmp`);
      try {
        await writeFile(temp, result.bytes, { flush: true });
        await rename(temp, o.out);
      } catch (error) {
        await rm(temp, { force: true });
        throw new AppError(
          'IO',
          { vi: `Không ghi được tệp "${o.out}".`, en: `Cannot write "${o.out}".` },
          { details: { out: o.out }, cause: error },
        );
      }
      const review = sources.flatMap((s, i) => (s.ocr?.review.needed ? [i + 1] : []));
      if (o.json) {
        ctx.printJson({
          out: o.out,
          bytes: result.bytes.length,
          pages: result.pages,
          warnings: result.warnings,
          reviewPages: review,
        });
        return;
      }
      ctx.print(`${o.out}: ${result.pages.length} trang/pages, ${result.bytes.length} bytes`);
      for (const w of result.warnings) ctx.print(`[!] ${w.message.vi} / ${w.message.en}`);
      if (review.length > 0)
        ctx.print(`[!] Cần kiểm tra OCR / OCR needs review: trang/pages ${review.join(', ')}`);
    });
};
