/**
 * `sohoa support-bundle --out FILE.zip`: logs, configuration (secrets removed), doctor report and
 * versions in one file for the helpdesk.
 */
import { resolve } from 'node:path';
import { writeSupportBundle } from '../../core/diagnostics/index.js';
import type { RegisterCommands } from '../context.js';

export const registerSupport: RegisterCommands = (program, ctx) => {
  program
    .command('support-bundle')
    .description(
      'đóng gói nhật ký, cấu hình (đã bỏ mật khẩu), kết quả kiểm tra để gửi hỗ trợ / bundle logs, config (secrets removed), doctor output and versions for support',
    )
    .requiredOption(
      '--out <file.zip>',
      'tệp zip sẽ tạo (không ghi đè) / zip file to create (never overwritten)',
    )
    .option('--json', 'machine-readable output')
    .action(async (o: { out: string; json?: boolean }) => {
      const result = await writeSupportBundle({ dataDir: ctx.dataDir(), out: resolve(o.out) });
      if (o.json) ctx.printJson(result);
      else
        ctx.print(
          `Đã tạo gói hỗ trợ / Support bundle written: ${result.file} (${result.entries.length} tệp/files, doctor: ${result.doctorStatus})`,
        );
    });
};
