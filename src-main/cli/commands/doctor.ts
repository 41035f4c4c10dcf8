/**
 * `sohoa doctor`: runs every check of the station (store, configuration, scanners, OCR data,
 * disk, gateway, signing) and prints ok / warn / fail with what to do. Exit code 1 when any check
 * fails. Checks are listed in core/diagnostics (`stationDoctorChecks`).
 */
import { runStationDoctor } from '../../core/diagnostics/index.js';
import { AppError } from '../../domain/index.js';
import type { RegisterCommands } from '../context.js';

const ICON = { ok: 'OK  ', warn: 'WARN', fail: 'FAIL' } as const;

export const registerDoctor: RegisterCommands = (program, ctx) => {
  program
    .command('doctor')
    .description('kiểm tra sức khỏe dữ liệu và cài đặt / check data and installation health')
    .option(
      '--repair',
      'đếm lại tham chiếu tệp và dựng lại chỉ mục tìm kiếm / recount blob references, rebuild the search index',
    )
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean; repair?: boolean }) => {
      const report = await runStationDoctor({ dataDir: ctx.dataDir(), repair: o.repair === true });
      const lang = ctx.lang();
      if (o.json) ctx.printJson(report);
      else {
        for (const c of report.checks) {
          ctx.print(`[${ICON[c.status]}] ${c.title[lang]}: ${c.message[lang]}`);
          if (c.fix) ctx.print(`       → ${c.fix[lang]}`);
        }
      }
      if (report.status === 'fail') {
        throw new AppError('DOCTOR_FAILED', {
          vi: `${report.checks.filter((c) => c.status === 'fail').length} mục kiểm tra không đạt`,
          en: `${report.checks.filter((c) => c.status === 'fail').length} check(s) failed`,
        });
      }
    });
};
