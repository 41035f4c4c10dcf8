/**
 * `sohoa dossier new | list | show | export | status`: receiving and looking up dossiers from the
 * command line (contractors' scripts, IT checks). Same service and validation as the UI.
 */
import { userInfo } from 'node:os';
import { DOSSIER_STATUSES } from '../../domain/index.js';
import type { Dossier } from '../../domain/index.js';
import { withDossierService } from '../../core/dossiers/index.js';
import type { DossierDetail } from '../../core/dossiers/index.js';
import type { CliContext, RegisterCommands } from '../context.js';

export function cliActor(): string {
  return `cli:${userInfo().username}`;
}

function intOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  // Left as a string when not a number, so the schema reports it with the field's name.
  return /^-?\d+$/.test(value) ? Number(value) : (value as unknown as number);
}

function line(d: Dossier): string {
  const status = DOSSIER_STATUSES[d.TrangThaiHoSo].vi;
  return `${d.MaHoSo.padEnd(32)} ${d.NgayTiepNhan}  ${d.MaTTHC.padEnd(9)} ${status.padEnd(22)} ${d.ChuHoSo}`;
}

function printDetail(ctx: CliContext, detail: DossierDetail): void {
  const d = detail.dossier;
  ctx.print(`Mã hồ sơ:      ${d.MaHoSo}${d.provisional ? '  (mã tạm / provisional)' : ''}`);
  ctx.print(`Thủ tục:       ${d.MaTTHC} ${d.TenTTHC}`);
  ctx.print(`Chủ hồ sơ:     ${d.ChuHoSo}${d.DinhDanhCHS ? ` (${d.DinhDanhCHS.SoDinhDanh})` : ''}`);
  ctx.print(`Tiếp nhận:     ${d.NgayTiepNhan} tại ${d.NoiNopHoSo}; xử lý: ${d.DonViXuLy}`);
  ctx.print(`Hẹn trả:       ${d.NgayHenTra ?? '—'}`);
  ctx.print(`Trạng thái:    ${d.TrangThaiHoSo} ${DOSSIER_STATUSES[d.TrangThaiHoSo].vi}`);
  ctx.print('Thành phần hồ sơ:');
  for (const c of detail.components) {
    const pages = c.documents.reduce((n, doc) => n + doc.pages.length, 0);
    ctx.print(
      `  [${c.BatBuoc ? '*' : ' '}] #${c.id} ${c.MaThanhPhanHoSo} — ${c.TenThanhPhanHoSo}: ${pages} trang`,
    );
  }
  if (detail.missingRequired.length)
    ctx.print(`Còn thiếu (bắt buộc): ${detail.missingRequired.join(', ')}`);
}

export const registerDossier: RegisterCommands = (program, ctx) => {
  const dossier = program.command('dossier').description('hồ sơ / dossiers');

  dossier
    .command('new')
    .description('tiếp nhận hồ sơ mới / receive a new dossier')
    .requiredOption('--procedure <MaTTHC>', 'mã thủ tục, ví dụ 1.001193')
    .requiredOption('--owner <ChuHoSo>', 'họ tên chủ hồ sơ')
    .option('--id <SoDinhDanh>', 'CCCD (12 số) hoặc CMND (9 số)')
    .option('--birth-year <year>', 'năm sinh (kiểm tra với CCCD)')
    .option(
      '--subject <LoaiDoiTuong>',
      '1 công dân, 2 doanh nghiệp, 3 cơ quan nhà nước, 4 tổ chức khác',
    )
    .option('--phone <SoDienThoai>')
    .option('--email <Email>')
    .option('--address <DiaChi>')
    .option('--summary <TrichYeuHoSo>')
    .option('--agency <NoiNopHoSo>', 'đơn vị tiếp nhận (mặc định: agency.code trong cấu hình)')
    .option('--handler <DonViXuLy>', 'đơn vị xử lý (mặc định: đơn vị tiếp nhận)')
    .option('--received <yyyyMMddHHmmss>', 'thời điểm tiếp nhận (mặc định: bây giờ)')
    .option('--json', 'machine-readable output')
    .action(async (o: Record<string, string | boolean | undefined>) => {
      const str = (k: string): string | undefined =>
        typeof o[k] === 'string' ? (o[k] as string) : undefined;
      const detail = await withDossierService(ctx.dataDir(), (s) =>
        s.create(
          {
            MaTTHC: str('procedure') ?? '',
            ChuHoSo: str('owner') ?? '',
            ...(str('id') !== undefined ? { SoDinhDanh: str('id') } : {}),
            ...(str('birthYear') !== undefined ? { NamSinh: intOption(str('birthYear')) } : {}),
            ...(str('subject') !== undefined
              ? { LoaiDoiTuong: intOption(str('subject')) as 1 }
              : {}),
            ...(str('phone') !== undefined ? { SoDienThoai: str('phone') } : {}),
            ...(str('email') !== undefined ? { Email: str('email') } : {}),
            ...(str('address') !== undefined ? { DiaChi: str('address') } : {}),
            ...(str('summary') !== undefined ? { TrichYeuHoSo: str('summary') } : {}),
            ...(str('agency') !== undefined ? { NoiNopHoSo: str('agency') } : {}),
            ...(str('handler') !== undefined ? { DonViXuLy: str('handler') } : {}),
            ...(str('received') !== undefined ? { NgayTiepNhan: str('received') } : {}),
          },
          cliActor(),
        ),
      );
      if (o.json) ctx.printJson(detail);
      else printDetail(ctx, detail);
    });

  dossier
    .command('list')
    .description('liệt kê hồ sơ / list dossiers')
    .option('--procedure <MaTTHC>')
    .option('--status <1..10>')
    .option('--from <yyyyMMdd>')
    .option('--to <yyyyMMdd>')
    .option('--limit <n>', 'at most n (default 50)')
    .option('--json', 'machine-readable output')
    .action(
      async (o: {
        procedure?: string;
        status?: string;
        from?: string;
        to?: string;
        limit?: string;
        json?: boolean;
      }) => {
        const rows = await withDossierService(ctx.dataDir(), (s) =>
          s.list({
            ...(o.procedure ? { MaTTHC: o.procedure } : {}),
            ...(o.status ? { TrangThaiHoSo: intOption(o.status) } : {}),
            ...(o.from ? { from: o.from } : {}),
            ...(o.to ? { to: o.to } : {}),
            ...(o.limit ? { limit: intOption(o.limit) } : {}),
          }),
        );
        if (o.json) ctx.printJson(rows);
        else if (rows.length === 0) ctx.print('Không có hồ sơ nào / No dossiers');
        else for (const d of rows) ctx.print(line(d));
      },
    );

  dossier
    .command('show')
    .description('xem một hồ sơ / show a dossier')
    .argument('<MaHoSo>')
    .option('--json', 'machine-readable output')
    .action(async (code: string, o: { json?: boolean }) => {
      const detail = await withDossierService(ctx.dataDir(), (s) => s.show(code));
      if (o.json) ctx.printJson(detail);
      else printDetail(ctx, detail);
    });

  dossier
    .command('export')
    .description('xuất hồ sơ ra thư mục / export a dossier to a folder')
    .argument('<MaHoSo>')
    .requiredOption('--out <dir>', 'thư mục đích (đã tồn tại)')
    .option('--json', 'machine-readable output')
    .action(async (code: string, o: { out: string; json?: boolean }) => {
      const result = await withDossierService(ctx.dataDir(), (s) =>
        s.export(code, o.out, cliActor()),
      );
      if (o.json) ctx.printJson(result);
      else
        ctx.print(
          `Đã xuất ${result.files} tệp vào / Exported ${result.files} files to ${result.dir}`,
        );
    });

  dossier
    .command('status')
    .description('đổi trạng thái hồ sơ / change the status of a dossier')
    .argument('<MaHoSo>')
    .argument('<TrangThaiHoSo>', '1..10')
    .action(async (code: string, status: string) => {
      const d = await withDossierService(ctx.dataDir(), (s) =>
        s.setStatus(code, Number(status), cliActor()),
      );
      ctx.print(line(d));
    });
};
