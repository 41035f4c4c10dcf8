/**
 * The acceptance report as files: XLSX (exceljs, a sheet per section) or CSV (the sections one
 * after another, each under a `# title` line). Both come from the same tables, so they cannot
 * disagree. Bilingual headers: the province reads Vietnamese, auditors may read English.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { writeToBuffer } from '@fast-csv/format';
import ExcelJS from 'exceljs';
import { AppError, PAGE_FLAGS, type BatchReport } from '../../domain/index.js';

export type ReportFormat = 'csv' | 'xlsx';
type Cell = string | number;

export interface ReportTable {
  /** Sheet name (≤ 31 characters, Excel's limit). */
  name: string;
  header: string[];
  rows: Cell[][];
}

const LEVEL = {
  province: 'tỉnh / province',
  district: 'huyện / district',
  commune: 'xã / commune',
};

export function reportTables(r: BatchReport): ReportTable[] {
  const s = r.summary;
  const metric = (key: string, label: string, value: Cell): Cell[] => [key, label, value];
  return [
    {
      name: 'Tổng hợp - Summary',
      header: ['key', 'Chỉ số / Metric', 'Giá trị / Value'],
      rows: [
        metric('job', 'Lô / Job', r.job.name),
        metric('procedure', 'Thủ tục / Procedure (MaTTHC)', r.job.MaTTHC ?? ''),
        metric('agency', 'Đơn vị / Agency', r.job.agency ?? ''),
        metric('generatedAt', 'Lập lúc / Generated at', r.generatedAt),
        metric('files', 'Tệp / Files', s.files),
        metric('badFiles', 'Tệp lỗi / Bad files', s.badFiles),
        metric('pages', 'Trang / Pages', s.pages),
        metric('reviewPages', 'Trang chờ xem lại / Review bin pages', s.reviewPages),
        metric('dossiers', 'Hồ sơ / Dossiers', s.dossiers),
        metric('fields', 'Trường dữ liệu / Data fields captured', s.fields.captured),
        metric('fieldsValid', 'Trường hợp lệ / Valid fields', s.fields.valid),
        ...PAGE_FLAGS.map((f) => metric(`flag.${f}`, `Cờ / Flag ${f}`, s.flags[f] ?? 0)),
        metric('processed', 'Đã xử lý / Processed', s.processing.done),
        metric('processingFailed', 'Xử lý lỗi / Processing failed', s.processing.failed),
        metric(
          'processingWaiting',
          'Chờ xử lý / Waiting',
          s.processing.pending + s.processing.processing,
        ),
        metric('qa', 'Trang cần kiểm tra / QA queue', s.qa.total),
        metric('qaAccepted', 'Đạt / Accepted', s.qa.accepted),
        metric('qaRejected', 'Quét lại / Rejected', s.qa.rejected),
        metric('qaOpen', 'Chưa kiểm tra / Open', s.qa.open),
        metric('outputDossiers', 'Hồ sơ đã xuất / Dossiers output', s.output.dossiers),
        metric('outputPdfs', 'Tệp PDF thành phần / Component PDFs', s.output.pdfs),
        metric('outputSigned', 'Tệp PDF đã ký số / Signed PDFs', s.output.signedPdfs),
        metric('outputQueued', 'Hồ sơ chờ đồng bộ / Queued for sync', s.output.queued),
        metric(
          'outputSynced',
          'Hồ sơ tỉnh đã nhận / Acknowledged by the province',
          s.output.synced,
        ),
        metric('outputPackaged', 'Hồ sơ đã đóng gói / Written as packages', s.output.packaged),
      ],
    },
    {
      name: 'Năng suất - Throughput',
      header: [
        'Trạm / Station',
        'Ngày / Day',
        'Trang / Pages',
        'Trang đầu / First',
        'Trang cuối / Last',
        'Trang/giờ / Pages per hour',
      ],
      rows: r.throughput.map((t) => [
        t.station,
        t.day,
        t.pages,
        t.firstAt,
        t.lastAt,
        t.pagesPerHour,
      ]),
    },
    {
      name: 'Chỉ tiêu - Targets',
      header: [
        'Đơn vị / Agency',
        'Cấp / Level',
        'Chỉ tiêu % / Target %',
        'Tồn đọng / Backlog',
        'Đã nhận / Landed',
        'Đã số hoá / Digitized',
        'Đạt % / Achieved %',
        'Đạt chỉ tiêu / Met',
      ],
      rows: r.targets.map((t) => [
        t.agency,
        LEVEL[t.level],
        t.targetPercent,
        t.backlog ?? '',
        t.landed,
        t.digitized,
        t.percent ?? '',
        t.met === undefined ? '' : t.met ? 'có / yes' : 'chưa / no',
      ]),
    },
    {
      name: 'Hồ sơ - Dossiers',
      header: [
        'Thứ tự / Position',
        'Mã QR / QR code',
        'MaHoSo',
        'Trang / Pages',
        'Trang nội dung / Content pages',
        'Thành phần / Components',
        'Trường / Fields',
        'Trang gắn cờ / Flagged pages',
        'Trang quét lại / Rejected pages',
      ],
      rows: r.dossiers.map((d) => [
        d.position,
        d.qrCode ?? '',
        d.MaHoSo ?? '',
        d.pages,
        d.contentPages,
        d.components,
        d.fields,
        d.flaggedPages,
        d.rejectedPages,
      ]),
    },
    {
      name: 'Tệp lỗi - Bad files',
      header: [
        'Tệp / File',
        'Mã / Code',
        'Lỗi / Error (vi)',
        'Error (en)',
        'Trang đã nhận / Pages landed',
      ],
      rows: r.badFiles.map((b) => [b.path, b.code, b.vi, b.en, b.pagesLanded]),
    },
    {
      name: 'Chờ xem lại - Review bin',
      header: ['Thứ tự / Seq', 'Tệp / File', 'Trang trong tệp / Page in file'],
      rows: r.reviewBin.map((p) => [p.seq, p.path, p.filePage]),
    },
    {
      name: 'Quét lại - Rescan',
      header: [
        'MaHoSo',
        'Thành phần / Component',
        'Tệp / File',
        'Trang trong tệp / Page in file',
        'Người kiểm tra / Reviewer',
        'Ghi chú / Note',
        'Lúc / At',
      ],
      rows: r.rescan.map((x) => [
        x.MaHoSo,
        x.component,
        x.path,
        x.filePage,
        x.reviewer,
        x.note ?? '',
        x.decidedAt,
      ]),
    },
  ];
}

/** A text cell a spreadsheet would run as a formula is kept as text (CSV injection). */
function inert(cell: Cell): Cell {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

async function csvBytes(tables: ReportTable[]): Promise<Buffer> {
  const rows: Cell[][] = [];
  for (const t of tables) {
    if (rows.length) rows.push([]);
    rows.push([`# ${t.name}`], t.header, ...t.rows.map((r) => r.map(inert)));
  }
  // A BOM, so Excel opens the Vietnamese text as UTF-8.
  return Buffer.concat([Buffer.from('\uFEFF'), await writeToBuffer(rows)]);
}

async function xlsxBytes(tables: ReportTable[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'SoHoa';
  for (const t of tables) {
    const sheet = book.addWorksheet(t.name);
    sheet.addRow(t.header).font = { bold: true };
    sheet.addRows(t.rows);
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    sheet.columns.forEach((c) => (c.width = 18));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function reportBytes(report: BatchReport, format: ReportFormat): Promise<Buffer> {
  const tables = reportTables(report);
  return format === 'csv' ? csvBytes(tables) : xlsxBytes(tables);
}

export function reportFormatOf(file: string): ReportFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.xlsx') return ext.slice(1) as ReportFormat;
  throw new AppError(
    'VALIDATION',
    {
      vi: `Tệp báo cáo phải có đuôi .csv hoặc .xlsx: ${file}`,
      en: `The report file must end in .csv or .xlsx: ${file}`,
    },
    { details: { file } },
  );
}

/** Writes next to the target and renames, so nobody opens a half-written report. */
export async function writeReportFile(report: BatchReport, file: string): Promise<void> {
  const bytes = await reportBytes(report, reportFormatOf(file));
  const partial = `${file}.partial`;
  try {
    writeFileSync(partial, bytes);
    renameSync(partial, file);
  } catch (cause) {
    rmSync(partial, { force: true });
    throw new AppError(
      'IO',
      { vi: `Không ghi được báo cáo ${file}.`, en: `Cannot write the report ${file}.` },
      { cause, details: { file } },
    );
  }
}
