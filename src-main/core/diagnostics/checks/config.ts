/** The configuration layers load and validate; a broken file is named with its key. */
import type { DoctorCheck } from '../../../domain/index.js';
import { loadConfig, machineConfigPath, userConfigPath } from '../../../platform/index.js';
import type { StationContext } from './context.js';
import { fail, ok, reasonOf } from './outcome.js';

export function configCheck({ dataDir, env }: StationContext): DoctorCheck {
  return {
    id: 'config.valid',
    title: { vi: 'Tệp cấu hình', en: 'Configuration files' },
    run() {
      try {
        const { layers } = loadConfig({ dataDir, env });
        const read = layers.filter((l) => l.present).map((l) => l.source);
        return ok(
          {
            vi: `Cấu hình hợp lệ (${read.length ? read.join(', ') : 'mặc định'})`,
            en: `Configuration is valid (${read.length ? read.join(', ') : 'defaults'})`,
          },
          { layers },
        );
      } catch (error) {
        const reason = reasonOf(error);
        return fail(reason, {
          vi: `Sửa khóa được nêu trong ${machineConfigPath(env)} hoặc ${userConfigPath(dataDir)}, rồi chạy "sohoa config validate TỆP"`,
          en: `Fix the named key in ${machineConfigPath(env)} or ${userConfigPath(dataDir)}, then run "sohoa config validate FILE"`,
        });
      }
    },
  };
}
