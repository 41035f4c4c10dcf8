/**
 * `sohoa retention [--dry-run] [--days N] [--json]`: purges the dossiers the province
 * acknowledged more than `security.retentionDays` (or N) days ago, down to the summary the audit
 * needs, and removes their files; `--dry-run` lists them and changes nothing.
 */
import { z } from 'zod';
import { AppError, invalidInput } from '../../domain/index.js';
import type { RetentionReport } from '../../domain/index.js';
import { createCore } from '../../core/index.js';
import { retentionService } from '../../core/retention/index.js';
import type { CliContext, RegisterCommands } from '../context.js';
import { cliActor } from './dossier.js';

const optionsSchema = z.strictObject({
  dryRun: z.boolean().default(false),
  days: z.coerce.number().int().min(1).max(36_500).optional(),
  json: z.boolean().default(false),
});

function print(ctx: CliContext, r: RetentionReport): void {
  const verb = r.dryRun ? 'Sẽ xóa / Would purge' : 'Đã xóa / Purged';
  ctx.print(
    `${verb}: ${r.dossiers.length} hồ sơ / dossiers (đã được tỉnh xác nhận trước / acknowledged before ${r.cutoff})`,
  );
  for (const d of r.dossiers) {
    ctx.print(
      `  ${d.MaHoSo.padEnd(32)} ${d.MaTTHC.padEnd(10)} tiếp nhận ${d.NgayTiepNhan}  xác nhận ${d.acknowledgedAt}  ${d.pages} trang, ${d.documents} tài liệu, ${d.results} kết quả`,
    );
  }
  if (!r.dryRun)
    ctx.print(`Tệp đã xóa / Files removed: ${r.removedBlobs} (${r.removedBytes} bytes)`);
}

export const registerRetention: RegisterCommands = (program, ctx) => {
  program
    .command('retention')
    .description(
      'xóa hồ sơ đã được tỉnh xác nhận quá thời hạn lưu giữ / purge dossiers past retention',
    )
    .option('--dry-run', 'chỉ liệt kê, không xóa / list only, change nothing')
    .option(
      '--days <n>',
      'số ngày lưu giữ thay cho security.retentionDays / days instead of the setting',
    )
    .option('--json', 'machine-readable output')
    .action(async (raw: Record<string, unknown>) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success)
        throw invalidInput(
          { vi: 'Tùy chọn lệnh retention', en: 'retention options' },
          parsed.error.issues,
        );
      const o = parsed.data;
      const core = createCore({ dataDir: ctx.dataDir() });
      let report: RetentionReport;
      try {
        report = await core.use(retentionService).run({
          dryRun: o.dryRun,
          actor: cliActor(),
          ...(o.days !== undefined ? { afterDays: o.days } : {}),
        });
      } finally {
        await core.close();
      }
      if (report.cutoff === null) {
        throw new AppError('RETENTION_CONFLICT', {
          vi: 'Chưa đặt thời hạn lưu giữ: đặt security.retentionDays trong cấu hình hoặc dùng --days N',
          en: 'No retention period is set: set security.retentionDays in the configuration or pass --days N',
        });
      }
      if (o.json) ctx.printJson(report);
      else print(ctx, report);
    });
};
