/**
 * `sohoa process <image> [--out DIR] [--json]`: one page through the cleanup pipeline
 * (orientation, deskew, crop, clean, colour decision, blank flag, encoding) in a worker thread.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../domain/index.js';
import { ImagingPool, profiles, resolveProfile, writeProcessedPage } from '../../imaging/index.js';
import type { RegisterCommands } from '../context.js';

const optionsSchema = z.object({
  out: z.string().min(1).optional(),
  json: z.boolean().optional(),
  profile: z.string().default('counter'),
  colorMode: z.enum(['auto', 'color', 'grey', 'bw']).optional(),
  dpi: z.coerce.number().int().min(50).max(1200).optional(),
});

export const registerProcess: RegisterCommands = (program, ctx) => {
  program
    .command('process')
    .description('làm sạch một trang ảnh quét / clean up one scanned page image')
    .argument('<image>', 'tệp ảnh (JPEG, PNG, TIFF, …)')
    .option('--out <dir>', 'thư mục ghi kết quả / output folder (default: next to the image)')
    .option(
      '--profile <name>',
      `hồ sơ xử lý / processing profile (${Object.keys(profiles).join(', ')})`,
    )
    .option('--color-mode <mode>', 'auto | color | grey | bw')
    .option('--dpi <n>', 'độ phân giải nếu tệp không ghi / resolution when the file has none')
    .option('--json', 'machine-readable output')
    .action(async (imagePath: string, raw: unknown) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success) {
        throw new AppError(
          'VALIDATION',
          { vi: 'Tham số không hợp lệ cho lệnh process.', en: 'Invalid options for process.' },
          {
            details: {
              issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
            },
          },
        );
      }
      const o = parsed.data;
      const profile = resolveProfile(o.profile, o.colorMode ? { colorMode: o.colorMode } : {});
      const path = resolve(imagePath);
      const info = await stat(path).catch(() => undefined);
      if (!info?.isFile()) {
        throw new AppError(
          'NOT_FOUND',
          { vi: `Không tìm thấy tệp ảnh: ${path}`, en: `Image file not found: ${path}` },
          { details: { path } },
        );
      }
      const bytes = await readFile(path);
      const started = performance.now();
      const pool = new ImagingPool({ threads: 1 });
      try {
        const result = await pool.processFile(bytes, profile, o.dpi);
        const ms = Math.round(performance.now() - started);
        const written = await writeProcessedPage(
          result,
          resolve(o.out ?? resolve(path, '..')),
          path,
        );
        const d = result.decisions;
        const summary = {
          skewDegrees: d.skew.degrees,
          orientation: d.orientation.degrees,
          orientationConfidence: d.orientation.confidence,
          orientationFlagged: d.orientation.flagged,
          blank: d.blank.blank,
          blankScore: d.blank.score,
          colorMode: d.colour.mode,
          outputBytes: d.output.bytes,
          ms,
          needsReview: d.needsReview,
          files: written,
          decisions: d,
        };
        if (o.json) {
          ctx.printJson(summary);
          return;
        }
        ctx.print(
          `${written.output}  (${d.colour.mode}, ${Math.round(d.output.bytes / 1024)} KB, ${d.output.width}×${d.output.height} @ ${d.output.dpi} dpi)`,
        );
        ctx.print(
          `  hướng/orientation ${d.orientation.degrees}°${d.orientation.flagged ? ' — cần kiểm tra / check it' : ''}, nghiêng/skew ${d.skew.degrees}°${d.skew.skipped ? ` (${d.skew.skipped})` : ''}`,
        );
        ctx.print(
          `  trang trắng/blank: ${d.blank.blank ? 'CÓ/YES' : 'không/no'} (score ${d.blank.score}), ${ms} ms`,
        );
      } finally {
        await pool.close();
      }
    });
};
