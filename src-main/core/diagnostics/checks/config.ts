/** The configuration layers load and validate; a broken file is named with its key. */
import type { DoctorCheck } from '../../../domain/index.js';
import { loadConfig, machineConfigPath, userConfigPath } from '../../../platform/index.js';
import type { StationContext } from './context.js';
import { fail, ok, reasonOf, warn } from './outcome.js';

export function configCheck({ dataDir, env }: StationContext): DoctorCheck {
  return {
    id: 'config.valid',
    title: { vi: 'Tệp cấu hình', en: 'Configuration files' },
    run() {
      try {
        const { layers } = loadConfig({ dataDir, env });
        const read = layers.filter((l) => l.present).map((l) => l.source);
        const ignored = layers.flatMap((l) => l.ignored ?? []);
        if (ignored.length > 0)
          return warn(
            {
              vi: `Mục ${ignored.join(', ')} trong ${userConfigPath(dataDir)} bị bỏ qua: chỉ cấu hình máy được đặt mục này`,
              en: `${ignored.join(', ')} in ${userConfigPath(dataDir)} is ignored: only the machine configuration may set it`,
            },
            {
              vi: `Chuyển mục ${ignored.join(', ')} sang ${machineConfigPath(env)} rồi xóa khỏi ${userConfigPath(dataDir)}`,
              en: `Move ${ignored.join(', ')} to ${machineConfigPath(env)} and delete it from ${userConfigPath(dataDir)}`,
            },
            { layers },
          );
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
