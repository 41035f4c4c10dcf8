/**
 * `sohoa key status|encrypt|rotate|escrow|recover`: the data key of a data folder, for IT staff.
 * The key itself never leaves the keychain; `escrow` wraps it for IT's recovery public key and
 * `recover` puts it back from that copy with the private key, on a PC that lost its keychain.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { AppError, invalidInput } from '../../domain/index.js';
import { DataKeys, processKeychain } from '../../platform/keychain/index.js';
import { changeDataKey, encryptionStatus, openDataKeys } from '../../store/index.js';
import type { KeyChangeReport } from '../../store/index.js';
import type { CliContext, RegisterCommands } from '../context.js';

const EscrowOptions = z.strictObject({
  publicKey: z.string().min(1),
  json: z.boolean().optional(),
});
const RecoverOptions = z.strictObject({
  privateKey: z.string().min(1),
  passphraseEnv: z
    .string()
    .regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name')
    .optional(),
  json: z.boolean().optional(),
});

function readPem(file: string, what: { vi: string; en: string }): string {
  try {
    return readFileSync(resolve(file), 'utf8');
  } catch (error) {
    throw new AppError(
      'NOT_FOUND',
      { vi: `Không đọc được ${what.vi} ${file}`, en: `Cannot read the ${what.en} ${file}` },
      { details: { file }, cause: error },
    );
  }
}

function printChange(ctx: CliContext, report: KeyChangeReport, json: boolean): void {
  if (json) return ctx.printJson(report);
  ctx.print(
    `Đã mã hóa bằng khóa mới / Now sealed with key ${report.to}` +
      (report.from ? ` (khóa cũ / old key ${report.from} đã xóa / deleted)` : ''),
  );
  ctx.print(
    `Cơ sở dữ liệu / database: ${report.databaseRekeyed ? 'mã hóa lại / re-encrypted' : 'đã xong trước đó / already done'}; ` +
      `tệp / blobs: ${report.blobsResealed} / ${report.blobsTotal}; ` +
      `trang chờ và gói nhận / spooled pages and imported packages: ${report.filesResealed}` +
      (report.resumed ? ' (tiếp tục lần chạy trước / resumed)' : ''),
  );
}

export const registerKey: RegisterCommands = (program, ctx) => {
  const key = program.command('key').description('khóa mã hóa dữ liệu / data encryption key');

  key
    .command('status')
    .description('trạng thái mã hóa của thư mục dữ liệu / encryption state of the data folder')
    .option('--json', 'machine-readable output')
    .action((o: { json?: boolean }) => {
      const status = encryptionStatus(ctx.dataDir());
      if (o.json) return ctx.printJson(status);
      ctx.print(`Thư mục / folder: ${status.dataDir}`);
      ctx.print(`Trạng thái / state: ${status.state}; khóa / key: ${status.keyId ?? '—'}`);
      if (status.pendingKeyId)
        ctx.print(
          `Đang đổi sang / changing to: ${status.pendingKeyId} (chạy lại / run again: sohoa key rotate)`,
        );
      ctx.print(
        `Kho khóa / keychain: ${status.keychain}; có khóa / key present: ${status.keyPresent}`,
      );
      ctx.print(`Bản khôi phục / escrowed: ${status.escrowed}`);
    });

  for (const mode of ['rotate', 'encrypt'] as const) {
    key
      .command(mode)
      .description(
        mode === 'rotate'
          ? 'đổi khóa và mã hóa lại tại chỗ (chạy tiếp được sau sự cố) / re-encrypt in place with a new key (resumable)'
          : 'mã hóa thư mục dữ liệu cũ chưa mã hóa (chạy tiếp được) / encrypt a folder from before encryption (resumable)',
      )
      .option('--json', 'machine-readable output')
      .action(async (o: { json?: boolean }) => {
        const report = await changeDataKey(ctx.dataDir(), {
          mode,
          ...(o.json
            ? {}
            : {
                onProgress: (p) => {
                  if (p.phase === 'blobs' && (p.done === p.total || p.done % 500 === 0))
                    ctx.print(`  tệp / blobs ${p.done}/${p.total}`);
                },
              }),
        });
        printChange(ctx, report, Boolean(o.json));
      });
  }

  key
    .command('escrow')
    .description(
      'lưu bản khóa cho khóa công khai khôi phục của CNTT / escrow the key for IT recovery',
    )
    .requiredOption('--public-key <file>', "IT's RSA recovery public key (PEM)")
    .option('--json', 'machine-readable output')
    .action((raw: unknown) => {
      const parsed = EscrowOptions.safeParse(raw);
      if (!parsed.success)
        throw invalidInput(
          { vi: 'Tham số key escrow', en: 'key escrow options' },
          parsed.error.issues,
        );
      const pem = readPem(parsed.data.publicKey, { vi: 'khóa công khai', en: 'public key' });
      const keys = openDataKeys(ctx.dataDir());
      if (!keys.encrypted) {
        throw new AppError('CONFLICT', {
          vi: 'Thư mục chưa được mã hóa: chạy sohoa key encrypt trước',
          en: 'The folder is not encrypted: run sohoa key encrypt first',
        });
      }
      const records = keys.escrow(pem);
      if (parsed.data.json) return ctx.printJson(records.map(({ wrapped: _w, ...r }) => r));
      for (const r of records)
        ctx.print(
          `Đã lưu bản khôi phục / escrowed key ${r.keyId} for ${r.recipient.slice(0, 16)}…`,
        );
    });

  key
    .command('recover')
    .description('đưa khóa trở lại máy từ bản khôi phục / restore the key from its escrowed copy')
    .requiredOption('--private-key <file>', "IT's RSA recovery private key (PEM)")
    .option('--passphrase-env <VAR>', 'environment variable holding the private key passphrase')
    .option('--json', 'machine-readable output')
    .action((raw: unknown) => {
      const parsed = RecoverOptions.safeParse(raw);
      if (!parsed.success)
        throw invalidInput(
          { vi: 'Tham số key recover', en: 'key recover options' },
          parsed.error.issues,
        );
      const { privateKey, passphraseEnv, json } = parsed.data;
      const passphrase = passphraseEnv ? process.env[passphraseEnv] : undefined;
      if (passphraseEnv && !passphrase) {
        throw new AppError(
          'VALIDATION',
          {
            vi: `Biến môi trường ${passphraseEnv} trống`,
            en: `The environment variable ${passphraseEnv} is empty`,
          },
          { details: { passphraseEnv } },
        );
      }
      const pem = readPem(privateKey, { vi: 'khóa bí mật', en: 'private key' });
      const keys = DataKeys.open(ctx.dataDir(), { keychain: processKeychain(), isNew: false });
      const ids = keys.recover(pem, passphrase);
      if (json) return ctx.printJson({ recovered: ids });
      ctx.print(`Đã khôi phục khóa / recovered keys: ${ids.join(', ')}`);
    });
};
