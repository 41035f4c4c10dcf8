/**
 * `sohoa batch output <job> (--queue | --packages DIR) [--sign p12|pkcs11 …] [--qa POLICY]`:
 * each dossier of a job whose pages are processed and pass QA gets its component PDFs (signed
 * when asked: the password or PIN is read once for the run) and goes to the sync outbox or into
 * a package. A line per dossier on stderr; a run killed or stopped with Ctrl+C resumes when run
 * again. Exit code 4 when some dossiers are held back (each is listed with why).
 */
import { z } from 'zod';
import { invalidInput, type BatchOutputResult } from '../../domain/index.js';
import { outputJob } from '../../core/batch/index.js';
import { pipelineService } from '../../core/pipeline/index.js';
import type { Core } from '../../core/index.js';
import type { Store } from '../../store/index.js';
import type { CliContext } from '../context.js';
import { EnvNameSchema, openSigner, type SignerSource } from '../signer.js';
import type { Command } from 'commander';

const OptionsSchema = z
  .strictObject({
    queue: z.boolean().optional(),
    packages: z.string().trim().min(1).optional(),
    sign: z.enum(['p12', 'pkcs11']).optional(),
    p12: z.string().min(1).optional(),
    passEnv: EnvNameSchema.optional(),
    pkcs11: z.string().min(1).optional(),
    slot: z.coerce.number().int().min(0).max(255).optional(),
    pinEnv: EnvNameSchema.optional(),
    qa: z.enum(['accepted', 'not-rejected']).default('accepted'),
    json: z.boolean().default(false),
  })
  .refine((o) => (o.queue === true) !== (o.packages !== undefined), {
    message: 'give exactly one of --queue or --packages DIR',
    path: ['queue'],
  })
  .refine((o) => o.sign !== undefined || [o.p12, o.passEnv, o.pkcs11, o.pinEnv].every((v) => !v), {
    message: 'certificate options need --sign p12 or --sign pkcs11',
    path: ['sign'],
  });
type Options = z.output<typeof OptionsSchema>;

const OUTCOME = {
  delivered: 'đã xuất / delivered',
  kept: 'đã có / kept',
  held: 'chưa xuất / held',
} as const;

/** The signer the options name, the station's configured certificate filling what they leave out. */
function signerSource(o: Options, core: Core): SignerSource | undefined {
  const configured = core.config.signing;
  if (o.sign === 'p12') {
    const file = o.p12 ?? configured.pkcs12File;
    if (!file) return undefined;
    return { kind: 'p12', file, ...(o.passEnv ? { passEnv: o.passEnv } : {}) };
  }
  if (o.sign === 'pkcs11') {
    const library = o.pkcs11 ?? configured.pkcs11Module;
    if (!library) return undefined;
    const slot = o.slot ?? configured.pkcs11Slot;
    return {
      kind: 'pkcs11',
      library,
      ...(slot !== undefined ? { slot } : {}),
      ...(o.pinEnv ? { pinEnv: o.pinEnv } : {}),
    };
  }
  return undefined;
}

function printResult(ctx: CliContext, r: BatchOutputResult): void {
  const vi = ctx.lang() === 'vi';
  for (const d of r.dossiers) {
    if (d.outcome !== 'held') continue;
    for (const hold of d.holds) ctx.print(`${d.MaHoSo}: ${vi ? hold.vi : hold.en}`);
  }
  const where = r.dir ? ` → ${r.dir}` : '';
  ctx.print(
    `Xuất / Output${where}: ${r.delivered} ${OUTCOME.delivered}, ${r.kept} ${OUTCOME.kept}, ${r.held} ${OUTCOME.held}`,
  );
  const s = r.summary;
  ctx.print(
    `Lô / Job: ${s.dossiers} hồ sơ/dossiers, ${s.pdfs} PDF (ký số/signed ${s.signedPdfs}), chờ đồng bộ/queued ${s.queued} (tỉnh đã nhận/synced ${s.synced}), gói/packages ${s.packaged}`,
  );
}

export function registerBatchOutput(
  batch: Command,
  ctx: CliContext,
  withStore: <T>(fn: (store: Store, core: Core) => Promise<T>) => Promise<T>,
): void {
  batch
    .command('output')
    .description(
      'xuất PDF thành phần và hồ sơ để đồng bộ hoặc thành gói / output component PDFs and dossiers for sync or as packages',
    )
    .argument('<job>', 'job name')
    .option('--queue', 'đưa vào hàng đợi đồng bộ / queue each dossier for sync')
    .option('--packages <dir>', 'ghi mỗi hồ sơ thành gói .zip / write each dossier as a package')
    .option('--sign <kind>', 'ký số các tệp PDF: p12 hoặc pkcs11 / sign the PDFs: p12 or pkcs11')
    .option('--p12 <file>', 'tệp .p12/.pfx (mặc định: signing.pkcs12File)')
    .option('--pass-env <VAR>', 'biến môi trường chứa mật khẩu tệp .p12')
    .option('--pkcs11 <library>', 'thư viện PKCS#11 của token (mặc định: signing.pkcs11Module)')
    .option('--slot <n>', 'token thứ mấy, đếm từ 0 / which token, counting from 0')
    .option('--pin-env <VAR>', 'biến môi trường chứa mã PIN của token')
    .option(
      '--qa <policy>',
      'accepted (mọi trang cần kiểm tra đã đạt / every QA page accepted) hoặc not-rejected',
      'accepted',
    )
    .option('--json', 'machine-readable result')
    .action(async (name: string, raw: Record<string, unknown>) => {
      const parsed = OptionsSchema.safeParse(raw);
      if (!parsed.success) {
        throw invalidInput(
          { vi: 'Tùy chọn lệnh batch output', en: 'batch output options' },
          parsed.error.issues,
        );
      }
      const o = parsed.data;
      await withStore(async (store, core) => {
        const source = signerSource(o, core);
        const abort = new AbortController();
        const onInterrupt = () => abort.abort();
        process.once('SIGINT', onInterrupt);
        try {
          const result = await outputJob(
            store,
            {
              name,
              target: o.queue ? 'queue' : 'packages',
              ...(o.packages !== undefined ? { dir: o.packages } : {}),
              qa: o.qa,
              sign: o.sign !== undefined,
            },
            {
              pipeline: await core.use(pipelineService),
              agency: core.config.agency,
              signal: abort.signal,
              ...(source
                ? { signing: { open: () => openSigner(source), settings: core.config.signing } }
                : {}),
              onDossier: (done, total, d) =>
                process.stderr.write(
                  `${done}/${total} hồ sơ/dossiers · ${d.MaHoSo}: ${OUTCOME[d.outcome]}\n`,
                ),
            },
          );
          if (o.json) ctx.printJson(result);
          else printResult(ctx, result);
          if (result.held > 0) process.exitCode = 4;
        } finally {
          process.off('SIGINT', onInterrupt);
        }
      });
    });
}
