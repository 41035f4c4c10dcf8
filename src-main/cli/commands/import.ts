/**
 * `sohoa import <files…> [--dpi N] (--dossier CODE --component CODE | --out DIR)`: JPEG, PNG,
 * TIFF (multi-page, CCITT G4) and PDF (rendered at --dpi). A bad file is reported and skipped;
 * the others still import. Exit code 1 when any file failed.
 */
import { AppError } from '../../domain/index.js';
import { acquire, importFiles, parseImportRequest, type PageAcquired } from '../../scan/index.js';
import type { RegisterCommands } from '../context.js';
import { destinationFor, reportKept, type DestinationOptions } from './scan.js';

interface ImportCliOptions extends DestinationOptions {
  dpi?: string;
  json?: boolean;
}

export const registerImport: RegisterCommands = (program, ctx) => {
  program
    .command('import')
    .description(
      'nhập tệp ảnh/PDF vào hồ sơ hoặc thư mục / import image or PDF files into a dossier or a folder',
    )
    .argument('<files...>', 'JPEG, PNG, TIFF or PDF files, imported in this order')
    .option('--dpi <n>', 'resolution for rendering PDF pages (default 300)')
    .option('--dossier <code>', 'MaHoSo of the dossier to import into')
    .option('--component <code>', 'code of the dossier component (ThanhPhanHoSo)')
    .option('--out <dir>', 'write pages as files into this folder instead')
    .option('--json', 'machine-readable summary')
    .action(async (files: string[], options: ImportCliOptions) => {
      const request = parseImportRequest({
        files,
        ...(options.dpi !== undefined ? { dpi: Number(options.dpi) } : {}),
      });
      const { destination, close } = await destinationFor(options, ctx);
      const abort = new AbortController();
      const onInterrupt = () => abort.abort();
      process.once('SIGINT', onInterrupt);
      const pages: PageAcquired[] = [];
      try {
        const { result } = await acquire(
          importFiles(request, abort.signal),
          destination,
          (event) => {
            pages.push(event);
            if (!options.json && 'path' in event.location && 'file' in event.origin) {
              ctx.print(`${event.origin.file} [${event.origin.page}] → ${event.location.path}`);
            } else if (!options.json && 'pageId' in event.location) {
              ctx.print(
                `Trang/Page ${event.index} → ${event.location.dossier}/${event.location.component} #${event.location.pageId}`,
              );
            }
          },
        );
        if (options.json) {
          ctx.printJson({
            pages: pages.map(({ thumbnail: _t, ...rest }) => rest),
            files: result.files.map((f) => ('error' in f ? { ...f, error: f.error.toJSON() } : f)),
          });
        } else {
          for (const f of result.files) {
            if ('error' in f)
              process.stderr.write(
                `Lỗi/Error [${f.error.code}]: ${f.error.localized(ctx.lang())}\n`,
              );
          }
          ctx.print(
            `Đã nhập ${result.pages} trang từ ${result.files.length - result.failed}/${result.files.length} tệp / Imported ${result.pages} page(s) from ${result.files.length - result.failed}/${result.files.length} file(s)`,
          );
        }
        if (result.failed > 0) {
          throw new AppError(
            'IMPORT_PARTIAL',
            {
              vi: `${result.failed} tệp không nhập được (xem các lỗi ở trên); các tệp còn lại đã được nhập.`,
              en: `${result.failed} file(s) could not be imported (see the errors above); the others were imported.`,
            },
            { details: { failed: result.failed, pages: result.pages } },
          );
        }
      } catch (error) {
        reportKept(error, pages.length);
      } finally {
        process.off('SIGINT', onInterrupt);
        close();
      }
    });
};
