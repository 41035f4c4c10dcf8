/**
 * `sohoa scan --device <id> [--source …] [--dpi N] [--mode …] (--dossier CODE --component CODE | --out DIR)`.
 * Settings default to the scan profile (config `scanner`); each page is written the moment it
 * arrives, so a failure part-way keeps every page before it (the message says how many).
 * Ctrl-C cancels the page being read and keeps the finished ones.
 */
import { resolve } from 'node:path';
import { Option } from 'commander';
import { AppError, isAppError } from '../../domain/index.js';
import { loadConfig } from '../../platform/index.js';
import {
  COLOR_MODES,
  OutDirDestination,
  openDossierDestination,
  PAGE_SIZES,
  SCAN_SOURCES,
  ScanService,
  type DeviceOptionValue,
  type PageAcquired,
  type PageDestination,
} from '../../scan/index.js';
import type { CliContext, RegisterCommands } from '../context.js';

export interface DestinationOptions {
  out?: string;
  dossier?: string;
  component?: string;
}

/** Exactly one of `--out DIR` or `--dossier CODE --component CODE`. */
export async function destinationFor(
  options: DestinationOptions,
  ctx: CliContext,
): Promise<{ destination: PageDestination; close(): void }> {
  const toDossier = options.dossier !== undefined || options.component !== undefined;
  if (options.out !== undefined && toDossier) {
    throw new AppError('VALIDATION', {
      vi: 'Chọn một nơi lưu: --out THƯ_MỤC hoặc --dossier MÃ --component MÃ, không dùng cả hai.',
      en: 'Choose one destination: --out DIR or --dossier CODE --component CODE, not both.',
    });
  }
  if (options.out !== undefined)
    return { destination: new OutDirDestination(resolve(options.out)), close: () => undefined };
  if (!options.dossier || !options.component) {
    throw new AppError('VALIDATION', {
      vi: 'Cần nơi lưu: --out THƯ_MỤC, hoặc cả --dossier MÃ_HỒ_SƠ và --component MÃ_THÀNH_PHẦN.',
      en: 'A destination is required: --out DIR, or both --dossier CODE and --component CODE.',
    });
  }
  return openDossierDestination(ctx.dataDir(), options.dossier, options.component);
}

/** `--option name=value`, repeatable: a driver option by its device name. */
function collectOption(
  raw: string,
  previous: Record<string, DeviceOptionValue>,
): Record<string, DeviceOptionValue> {
  const eq = raw.indexOf('=');
  if (eq <= 0) {
    throw new AppError('VALIDATION', {
      vi: `Tùy chọn "${raw}" phải có dạng tên=giá_trị.`,
      en: `Option "${raw}" must look like name=value.`,
    });
  }
  const value = raw.slice(eq + 1);
  const parsed: DeviceOptionValue =
    value === 'true' || value === 'yes'
      ? true
      : value === 'false' || value === 'no'
        ? false
        : value !== '' && Number.isFinite(Number(value))
          ? Number(value)
          : value;
  return { ...previous, [raw.slice(0, eq)]: parsed };
}

function describe(event: PageAcquired): string {
  const where =
    'path' in event.location
      ? event.location.path
      : `${event.location.dossier}/${event.location.component} #${event.location.pageId}`;
  return `Trang/Page ${event.index}: ${event.width}×${event.height} @ ${event.dpi} dpi → ${where}`;
}

/** Prints how many pages were kept before rethrowing a failure. */
export function reportKept(error: unknown, kept: number): never {
  if (isAppError(error))
    process.stderr.write(
      `Đã lưu ${kept} trang trước lỗi / ${kept} page(s) kept before the error\n`,
    );
  throw error;
}

interface ScanCliOptions extends DestinationOptions {
  device?: string;
  source?: (typeof SCAN_SOURCES)[number];
  dpi?: string;
  mode?: (typeof COLOR_MODES)[number];
  depth?: string;
  pageSize?: keyof typeof PAGE_SIZES | 'max';
  profile?: string;
  option: Record<string, DeviceOptionValue>;
  json?: boolean;
}

export const registerScan: RegisterCommands = (program, ctx) => {
  program
    .command('scan')
    .description('quét giấy vào hồ sơ hoặc thư mục / scan paper into a dossier or a folder')
    .option(
      '--device <id>',
      "scanner (see `sohoa devices`); default: the profile's or the first found",
    )
    .addOption(new Option('--source <source>', 'paper source').choices(SCAN_SOURCES))
    .option('--dpi <n>', 'resolution in dots per inch (profile default: 300)')
    .addOption(new Option('--mode <mode>', 'colour mode').choices(COLOR_MODES))
    .addOption(new Option('--depth <bits>', 'bits per sample').choices(['1', '8', '16']))
    .addOption(
      new Option('--page-size <size>', 'paper size').choices([...Object.keys(PAGE_SIZES), 'max']),
    )
    .option('--profile <id>', 'scan profile from the configuration')
    .option('--option <name=value>', 'set a driver option by name (repeatable)', collectOption, {})
    .option('--dossier <code>', 'MaHoSo of the dossier to scan into')
    .option('--component <code>', 'code of the dossier component (ThanhPhanHoSo)')
    .option('--out <dir>', 'write pages as files into this folder instead')
    .option('--json', 'machine-readable summary')
    .action(async (options: ScanCliOptions) => {
      const dataDir = ctx.dataDir();
      const { destination, close } = await destinationFor(options, ctx);
      const service = new ScanService(dataDir, () => loadConfig({ dataDir }).config.scanner);
      const abort = new AbortController();
      const onInterrupt = () => abort.abort();
      process.once('SIGINT', onInterrupt);
      const pages: PageAcquired[] = [];
      try {
        const { result } = await service.scan(
          {
            ...(options.device !== undefined ? { device: options.device } : {}),
            ...(options.source !== undefined ? { source: options.source } : {}),
            ...(options.dpi !== undefined ? { dpi: Number(options.dpi) } : {}),
            ...(options.mode !== undefined ? { mode: options.mode } : {}),
            ...(options.depth !== undefined ? { depth: Number(options.depth) as 1 | 8 | 16 } : {}),
            ...(options.pageSize !== undefined ? { pageSize: options.pageSize } : {}),
            deviceOptions: options.option,
          },
          destination,
          {
            ...(options.profile !== undefined ? { profile: options.profile } : {}),
            signal: abort.signal,
            onPageAcquired: (event) => {
              pages.push(event);
              if (!options.json) ctx.print(describe(event));
            },
          },
        );
        if (options.json) {
          ctx.printJson({
            pages: pages.map(({ thumbnail: _t, ...rest }) => rest),
            feederEmpty: result.feederEmpty,
          });
          return;
        }
        ctx.print(
          result.feederEmpty
            ? `Đã quét ${result.pages} trang; khay nạp giấy đã hết / Scanned ${result.pages} page(s); the feeder is empty`
            : `Đã quét ${result.pages} trang / Scanned ${result.pages} page(s)`,
        );
      } catch (error) {
        reportKept(error, pages.length);
      } finally {
        process.off('SIGINT', onInterrupt);
        await service.close();
        close();
      }
    });
};
