/**
 * `sohoa config show | validate FILE`: what IT staff use to check a deployment. Errors name the
 * file (or environment variable) and the key.
 */
import { resolve } from 'node:path';
import { loadConfig, validateConfigFile } from '../../platform/index.js';
import type { RegisterCommands } from '../context.js';

export const registerConfig: RegisterCommands = (program, ctx) => {
  const config = program.command('config').description('cấu hình / configuration');

  config
    .command('show')
    .description(
      'in cấu hình đang dùng và nguồn của nó / print the effective configuration and its sources',
    )
    .option('--json', 'machine-readable output')
    .action((options: { json?: boolean }) => {
      const loaded = loadConfig({ dataDir: ctx.dataDir() });
      if (options.json) {
        ctx.printJson(loaded);
        return;
      }
      for (const layer of loaded.layers) {
        const state = layer.present ? 'đã đọc / read' : 'không có / absent';
        ctx.print(`# ${layer.kind.padEnd(7)} ${layer.source} (${state})`);
        if (layer.ignored)
          ctx.print(
            `#   bỏ qua / ignored: ${layer.ignored.join(', ')} (chỉ cấu hình máy / machine configuration only)`,
          );
      }
      ctx.print(JSON.stringify(loaded.config, null, 2));
    });

  config
    .command('validate')
    .description('kiểm tra một tệp cấu hình / check a configuration file')
    .argument('<file>', 'JSON configuration file (machine-wide or user)')
    .action((file: string) => {
      const path = resolve(file);
      validateConfigFile(path);
      ctx.print(`Tệp cấu hình hợp lệ / Configuration file is valid: ${path}`);
    });
};
