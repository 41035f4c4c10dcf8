/**
 * `sohoa process <image> [--out DIR] [--json]`: one page through the cleanup pipeline
 * (orientation, deskew, crop, clean, colour decision, blank flag, encoding) in a worker thread.
 */
import { z } from 'zod';
import { AppError } from '../../domain/index.js';
import { ImagingPool, processFileToDir, profiles, resolveProfile } from '../../imaging/index.js';
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
      const pool = new ImagingPool({ threads: 1 });
      try {
        const s = await processFileToDir(pool, imagePath, profile, {
          ...(o.out ? { outDir: o.out } : {}),
          ...(o.dpi ? { dpi: o.dpi } : {}),
        });
        if (o.json) {
          ctx.printJson(s);
          return;
        }
        const d = s.decisions;
        ctx.print(
          `${s.files.output}  (${s.colorMode}, ${Math.round(s.outputBytes / 1024)} KB, ${d.output?.width}×${d.output?.height} @ ${d.output?.dpi} dpi)`,
        );
        ctx.print(
          `  hướng/orientation ${s.orientation}°${s.orientationFlagged ? ' — cần kiểm tra / check it' : ''}, nghiêng/skew ${s.skewDegrees}°${d.skew.skipped ? ` (${d.skew.skipped})` : ''}`,
        );
        ctx.print(
          `  trang trắng/blank: ${s.blank ? 'CÓ/YES' : 'không/no'} (score ${s.blankScore}), ${s.ms} ms`,
        );
      } finally {
        await pool.close();
      }
    });
};
