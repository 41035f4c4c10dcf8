/**
 * `sohoa update check`: is this station behind its release channel? Reads the province's feed
 * only; installing stays with the province's roll-out (MSI/.deb) or the desktop app when IT
 * allows it.
 */
import { checkForUpdate, describeUpdate, FEED_TIMEOUT_MS } from '../../core/update/index.js';
import { loadConfig, packageInfo } from '../../platform/index.js';
import type { RegisterCommands } from '../context.js';

export const registerUpdate: RegisterCommands = (program, ctx) => {
  const update = program
    .command('update')
    .description('kênh cập nhật phiên bản / release channel and update feed');
  update
    .command('check')
    .description(
      'xem kênh cập nhật có phiên bản mới không (không tải, không cài) / look for a newer version on the channel (no download, no install)',
    )
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => {
      const { config } = loadConfig({ dataDir: ctx.dataDir(), env: process.env });
      const status = await checkForUpdate(config.update, {
        currentVersion: packageInfo().version,
        timeoutMs: FEED_TIMEOUT_MS,
      });
      if (o.json) ctx.printJson(status);
      else ctx.print(describeUpdate(status)[ctx.lang()]);
    });
};
