/**
 * `sohoa devices [--json] [--capabilities]`: the scanners this station can see (through the
 * scanner host), optionally with what each can do.
 */
import { loadConfig } from '../../platform/index.js';
import { ScanService, type DeviceCapabilities, type ScanDevice } from '../../scan/index.js';
import type { RegisterCommands } from '../context.js';

export const registerDevices: RegisterCommands = (program, ctx) => {
  program
    .command('devices')
    .description('liệt kê máy quét / list scanners')
    .option('--json', 'machine-readable output')
    .option('--capabilities', 'also read what each scanner can do (opens each device)')
    .action(async (options: { json?: boolean; capabilities?: boolean }) => {
      const dataDir = ctx.dataDir();
      const service = new ScanService(dataDir, () => loadConfig({ dataDir }).config.scanner);
      try {
        const devices = await service.devices();
        const listed: Array<ScanDevice & { capabilities?: DeviceCapabilities }> = [];
        for (const device of devices) {
          listed.push(
            options.capabilities
              ? { ...device, capabilities: await service.capabilities(device.id) }
              : device,
          );
        }
        if (options.json) {
          ctx.printJson(listed);
          return;
        }
        if (listed.length === 0) ctx.print('Không thấy máy quét nào / No scanners found');
        for (const d of listed) {
          ctx.print(`${d.id}\t${d.vendor} ${d.model} (${d.type})`);
          if (d.capabilities) {
            const c = d.capabilities;
            const dpi = Array.isArray(c.dpi) ? c.dpi.join(', ') : `${c.dpi.min}–${c.dpi.max}`;
            ctx.print(
              `  nguồn/sources: ${c.sources.join(', ')}; chế độ/modes: ${c.modes.join(', ')}; dpi: ${dpi}; bit: ${c.depths.join(', ')}`,
            );
          }
        }
      } finally {
        await service.close();
      }
    });
};
