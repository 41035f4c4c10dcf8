/**
 * `sohoa export --dossier CODE --out FILE.zip` and `sohoa import-package FILE.zip`: offline
 * transfer for counters without a line for days. The package holds the dossier in the
 * contract's shape and its PDFs; importing checks every byte before anything is queued.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { AppError, invalidInput } from '../../domain/index.js';
import { openStore } from '../../store/index.js';
import { OutboxStore, entryFromStore, importPackage, writePackage } from '../../sync/index.js';
import type { OutboxEntryInput } from '../../sync/index.js';
import type { RegisterCommands } from '../context.js';

const ExportOptions = z.object({
  dossier: z.string().trim().min(1).max(64),
  out: z
    .string()
    .min(1)
    .regex(/\.zip$/i, 'the package file name ends in .zip'),
});

export const registerExport: RegisterCommands = (program, ctx) => {
  program
    .command('export')
    .description(
      'xuất một hồ sơ ra gói .zip để chuyển tay / export a dossier as a transfer package',
    )
    .requiredOption('--dossier <code>', 'MaHoSo (official or provisional)')
    .requiredOption('--out <file>', 'package file (.zip)')
    .option('--json', 'machine-readable output')
    .action(async (raw: { dossier?: string; out?: string; json?: boolean }) => {
      const parsed = ExportOptions.safeParse(raw);
      if (!parsed.success)
        throw invalidInput({ vi: 'Tham số export', en: 'export options' }, parsed.error.issues);
      const { dossier: code, out } = parsed.data;
      const store = await openStore(ctx.dataDir());
      try {
        const entry = packageSource(store, code);
        const result = await writePackage(entry, resolve(out));
        if (raw.json) ctx.printJson({ MaHoSo: code, ...result });
        else ctx.print(`Đã xuất ${code} (${result.files} tệp) / Exported to ${result.file}`);
      } finally {
        store.close();
      }
    });

  program
    .command('import-package')
    .description(
      'nhận gói hồ sơ từ quầy khác vào hàng đợi đồng bộ / queue a package from another counter',
    )
    .argument('<file>', 'package file (.zip)')
    .option('--json', 'machine-readable output')
    .action(async (file: string, options: { json?: boolean }) => {
      const dataDir = ctx.dataDir();
      const store = await openStore(dataDir);
      try {
        const result = await importPackage(
          resolve(file),
          dataDir,
          new OutboxStore(store.db, Date.now),
        );
        if (options.json) ctx.printJson(result);
        else
          ctx.print(
            `Đã nhận ${result.code} (${result.files} tệp) vào hàng đợi đồng bộ / Queued for sync (${result.outcome})`,
          );
      } finally {
        store.close();
      }
    });
};

/** The dossier as this station holds it: in the store, else as it waits in the outbox. */
function packageSource(
  store: Awaited<ReturnType<typeof openStore>>,
  code: string,
): OutboxEntryInput {
  const local = store.dossiers.getByCode(code);
  if (local) return entryFromStore(store, local);
  const outbox = new OutboxStore(store.db, Date.now);
  const item = outbox.byCode(code);
  if (item) {
    const files = outbox.files(item.id);
    return {
      dossierId: item.dossierId,
      dossier: { ...item.dossier, MaHoSo: item.officialCode ?? item.code },
      files,
    };
  }
  throw new AppError(
    'NOT_FOUND',
    { vi: `Không có hồ sơ ${code} ở quầy này.`, en: `No dossier ${code} at this station.` },
    { details: { code } },
  );
}
