/**
 * `sohoa audit verify`: recomputes the audit log's hash chain and reports any edited, inserted or
 * deleted row. Exit code 1 when the chain is broken.
 */
import { openStore } from '../../store/index.js';
import { AppError } from '../../domain/index.js';
import type { RegisterCommands } from '../context.js';

export const registerAudit: RegisterCommands = (program, ctx) => {
  const audit = program.command('audit').description('nhật ký kiểm toán / audit log');
  audit
    .command('verify')
    .description('kiểm tra chuỗi băm của nhật ký / verify the hash chain')
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => {
      const store = await openStore(ctx.dataDir());
      let result;
      try {
        result = store.audit.verify();
      } finally {
        store.close();
      }
      if (o.json) ctx.printJson(result);
      else if (result.ok)
        ctx.print(`Nhật ký nguyên vẹn / Audit log intact: ${result.rows} dòng / rows`);
      if (!result.ok) {
        throw new AppError(
          'AUDIT_BROKEN',
          {
            vi: `Nhật ký kiểm toán bị sửa hoặc xóa: ${result.problems.map((p) => `#${p.seq} ${p.problem}`).join(', ')}`,
            en: `The audit log was tampered with: ${result.problems.map((p) => `#${p.seq} ${p.problem}`).join(', ')}`,
          },
          { details: { problems: result.problems } },
        );
      }
    });
};
