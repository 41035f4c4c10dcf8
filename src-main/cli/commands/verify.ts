/**
 * `sohoa verify <file.pdf> [--json] [--trust-dir DIR]`: checks every signature and exits
 * non-zero unless there is at least one and all are valid (intact and trusted).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError, invalidInput } from '../../domain/index.js';
import { verifyPdf } from '../../pdf/index.js';
import type { SignatureReport } from '../../pdf/index.js';
import type { RegisterCommands } from '../context.js';

const optionsSchema = z.strictObject({
  json: z.boolean().default(false),
  trustDir: z.array(z.string().min(1)).default([]),
});

const statusText = {
  vi: { valid: 'HỢP LỆ', untrusted: 'CHƯA TIN CẬY', invalid: 'KHÔNG HỢP LỆ' },
  en: { valid: 'VALID', untrusted: 'NOT TRUSTED', invalid: 'INVALID' },
} as const;

function describe(sig: SignatureReport, lang: 'vi' | 'en'): string[] {
  const vi = lang === 'vi';
  const lines = [`${sig.fieldName}: ${statusText[lang][sig.status]} (${sig.subFilter ?? '?'})`];
  lines.push(`  ${vi ? 'Toàn vẹn' : 'Integrity'}: ${sig.intact ? 'OK' : vi ? 'HỎNG' : 'BROKEN'}`);
  if (sig.signer) lines.push(`  ${vi ? 'Người ký' : 'Signer'}: ${sig.signer.subject}`);
  if (sig.signingTime)
    lines.push(
      `  ${vi ? 'Thời gian ký' : 'Signing time'}: ${sig.signingTime} (${sig.signingTimeSource})`,
    );
  lines.push(
    `  ${vi ? 'Chuỗi chứng thư' : 'Chain'}: ${sig.chain.status}${sig.chain.anchor ? ` → ${sig.chain.anchor}` : ''}`,
  );
  if (sig.timestamp)
    lines.push(
      `  ${vi ? 'Dấu thời gian' : 'Timestamp'}: ${sig.timestamp.time ?? '?'} (${sig.timestamp.tsa ?? '?'})`,
    );
  lines.push(
    `  ${vi ? 'Thu hồi' : 'Revocation'}: ${vi ? 'chưa kiểm tra (ngoại tuyến)' : 'not checked (offline)'}`,
  );
  if (!sig.coversWholeDocument) {
    lines.push(
      vi
        ? '  Tệp đã được bổ sung sau chữ ký này (ví dụ: chữ ký sau).'
        : '  The file was extended after this signature (e.g. a later signature).',
    );
  }
  for (const problem of sig.problems) lines.push(`  ! ${problem[lang]}`);
  return lines;
}

export const registerVerify: RegisterCommands = (program, ctx) => {
  program
    .command('verify')
    .description('kiểm tra chữ ký số trong PDF / verify the signatures of a PDF')
    .argument('<file.pdf>', 'tệp PDF đã ký')
    .option('--json', 'machine-readable output')
    .option(
      '--trust-dir <dir>',
      'thư mục chứng thư gốc bổ sung (lặp lại được)',
      (dir: string, all: string[]) => [...all, dir],
      [] as string[],
    )
    .action(async (file: string, raw: Record<string, unknown>) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success)
        throw invalidInput(
          { vi: 'Tùy chọn lệnh verify', en: 'verify options' },
          parsed.error.issues,
        );
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (cause) {
        throw new AppError(
          'IO',
          { vi: `Không đọc được tệp "${file}".`, en: `Cannot read "${file}".` },
          { cause },
        );
      }
      const report = await verifyPdf(bytes, { trustDirs: parsed.data.trustDir });
      if (parsed.data.json) ctx.printJson({ file, ...report });
      else if (report.signatures.length === 0) {
        ctx.print(ctx.lang() === 'vi' ? 'Tệp không có chữ ký số.' : 'The file has no signatures.');
      } else {
        for (const sig of report.signatures)
          for (const line of describe(sig, ctx.lang())) ctx.print(line);
      }
      if (!report.valid) process.exitCode = 1;
    });
};
