/**
 * `sohoa sign <in.pdf> --out <out.pdf> (--p12 FILE [--pass-env VAR] | --pkcs11 LIB [--slot N]
 * [--pin-env VAR]) [--stamp] [--agency TEXT] [--reason TEXT] [--pades] [--tsa URL]`.
 * The password or PIN comes from the named environment variable or, on a terminal, from a
 * prompt that does not echo; it is never taken from the command line (shell history, `ps`).
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { AppError, invalidInput } from '../../domain/index.js';
import { certificateOrganisation, signPdfFile } from '../../pdf/index.js';
import type { RegisterCommands } from '../context.js';
import { EnvNameSchema as envName, openSigner } from '../signer.js';

const optionsSchema = z
  .strictObject({
    out: z.string().min(1),
    p12: z.string().min(1).optional(),
    passEnv: envName.optional(),
    pkcs11: z.string().min(1).optional(),
    slot: z.coerce.number().int().min(0).max(255).optional(),
    pinEnv: envName.optional(),
    stamp: z.boolean().default(false),
    agency: z.string().trim().min(1).max(300).optional(),
    reason: z.string().trim().min(1).max(500).optional(),
    pades: z.boolean().default(false),
    tsa: z.url({ protocol: /^https?$/ }).optional(),
    requireTimestamp: z.boolean().default(false),
    trustDir: z.array(z.string().min(1)).default([]),
    json: z.boolean().default(false),
  })
  .refine((o) => (o.p12 === undefined) !== (o.pkcs11 === undefined), {
    message: 'give exactly one of --p12 or --pkcs11',
    path: ['p12'],
  })
  .refine((o) => !o.requireTimestamp || o.tsa !== undefined, {
    message: '--require-timestamp needs --tsa',
    path: ['requireTimestamp'],
  });

export const registerSign: RegisterCommands = (program, ctx) => {
  program
    .command('sign')
    .description('ký số tệp PDF (bản sao điện tử) / digitally sign a PDF (electronic copy)')
    .argument('<in.pdf>', 'tệp PDF cần ký')
    .requiredOption('--out <out.pdf>', 'tệp PDF đã ký (có thể trùng tệp vào)')
    .option('--p12 <file>', 'chứng thư số dạng tệp PKCS#12 (.p12/.pfx)')
    .option('--pass-env <VAR>', 'biến môi trường chứa mật khẩu tệp .p12')
    .option('--pkcs11 <library>', 'thư viện PKCS#11 của token (.so/.dll)')
    .option('--slot <n>', 'token thứ mấy, đếm từ 0 / which token, counting from 0')
    .option('--pin-env <VAR>', 'biến môi trường chứa mã PIN của token')
    .option('--stamp', 'thêm dấu "BẢN SAO ĐIỆN TỬ" ở góc trên bên phải trang 1')
    .option('--agency <name>', 'cơ quan sao (default: tổ chức trong chứng thư)')
    .option('--reason <text>', 'lý do ký / reason for signing')
    .option('--pades', 'PAdES B-B (ETSI.CAdES.detached) thay cho adbe.pkcs7.detached')
    .option('--tsa <url>', 'máy chủ dấu thời gian RFC 3161 / RFC 3161 time-stamping server')
    .option('--require-timestamp', 'báo lỗi nếu không lấy được dấu thời gian')
    .option(
      '--trust-dir <dir>',
      'thư mục chứng thư gốc bổ sung (lặp lại được)',
      (dir: string, all: string[]) => [...all, dir],
      [] as string[],
    )
    .option('--json', 'machine-readable output')
    .action(async (input: string, raw: Record<string, unknown>) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success)
        throw invalidInput({ vi: 'Tùy chọn lệnh sign', en: 'sign options' }, parsed.error.issues);
      const o = parsed.data;
      const signer = await openSigner(
        o.p12 !== undefined
          ? { kind: 'p12', file: o.p12, ...(o.passEnv ? { passEnv: o.passEnv } : {}) }
          : {
              kind: 'pkcs11',
              library: o.pkcs11 ?? '',
              ...(o.slot !== undefined ? { slot: o.slot } : {}),
              ...(o.pinEnv ? { pinEnv: o.pinEnv } : {}),
            },
      );
      try {
        const agency = o.agency ?? certificateOrganisation(signer.certificate);
        if (o.stamp && !agency) {
          throw new AppError('VALIDATION', {
            vi: 'Chứng thư không ghi tên cơ quan; hãy dùng --agency.',
            en: 'The certificate names no organisation; pass --agency.',
          });
        }
        const result = await signPdfFile(resolve(input), resolve(o.out), {
          signer,
          pades: o.pades,
          ...(o.reason ? { reason: o.reason } : {}),
          ...(o.stamp && agency ? { stamp: { agency } } : {}),
          ...(o.tsa ? { timestamp: { url: o.tsa, required: o.requireTimestamp } } : {}),
          trustDirs: o.trustDir,
        });
        const summary = {
          out: resolve(o.out),
          field: result.fieldName,
          signingTime: result.signingTime.toISOString(),
          chainTrusted: result.chainTrusted,
          timestamp: result.timestamp,
        };
        if (o.json) ctx.printJson(summary);
        else {
          const vi = ctx.lang() === 'vi';
          ctx.print(
            vi
              ? `Đã ký: ${summary.out} (${summary.field})`
              : `Signed: ${summary.out} (${summary.field})`,
          );
          if (!result.chainTrusted) {
            ctx.print(
              vi
                ? 'Lưu ý: chuỗi chứng thư không dẫn tới chứng thư gốc trong kho tin cậy.'
                : 'Note: the certificate chain does not reach a root in the trust store.',
            );
          }
          if (result.timestamp === 'unavailable') {
            ctx.print(
              vi
                ? 'Lưu ý: không lấy được dấu thời gian (ngoại tuyến).'
                : 'Note: no timestamp (offline).',
            );
          }
        }
      } finally {
        signer.close();
      }
    });
};
