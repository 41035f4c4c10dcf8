/** Reads a batch report back (CSV sections or XLSX sheets) as tables keyed by section name. */
import { readFileSync } from 'node:fs';
import { parseString } from '@fast-csv/parse';
import ExcelJS from 'exceljs';

export type Tables = Map<string, string[][]>;

export async function readCsvReport(file: string): Promise<Tables> {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const rows = await new Promise<string[][]>((resolve, reject) => {
    const out: string[][] = [];
    parseString<string[], string[]>(text, { ignoreEmpty: true })
      .on('data', (r: string[]) => out.push(r))
      .on('error', reject)
      .on('end', () => resolve(out));
  });
  const tables: Tables = new Map();
  let current: string[][] | undefined;
  for (const row of rows) {
    if (row.length === 1 && row[0]?.startsWith('# ')) {
      current = [];
      tables.set(row[0].slice(2), current);
    } else current?.push(row);
  }
  return tables;
}

export async function readXlsxReport(bytes: Buffer): Promise<Tables> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const tables: Tables = new Map();
  book.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      rows.push(values.map((v) => (v === null || v === undefined ? '' : String(v))));
    });
    tables.set(sheet.name, rows);
  });
  return tables;
}

/** The summary section as key → value. */
export function summaryOf(tables: Tables): Map<string, string> {
  const rows = tables.get('Tổng hợp - Summary') ?? [];
  return new Map(rows.slice(1).map((r) => [r[0] ?? '', r[2] ?? '']));
}
