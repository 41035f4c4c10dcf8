/**
 * Everything `sohoa doctor` looks at: the store's own checks plus the installation around it
 * (configuration, scanners, imaging kernels, OCR data, disk, gateway, signing certificate). A store that does not
 * even open is reported as a failed check instead of aborting, so the other lines still show.
 */
import type { DoctorCheck, DoctorReport } from '../../domain/index.js';
import { runDoctor } from '../../domain/index.js';
import { configSchema, loadConfig, type AppConfig } from '../../platform/index.js';
import { spoolDoctorCheck } from '../../scan/index.js';
import { openStore, storeDoctorChecks, type Store } from '../../store/index.js';
import { configCheck } from './checks/config.js';
import type { StationContext } from './checks/context.js';
import { diskCheck } from './checks/disk.js';
import { gatewayCheck } from './checks/gateway.js';
import { kernelsCheck } from './checks/kernels.js';
import { fail, reasonOf } from './checks/outcome.js';
import { scannerCheck } from './checks/scanner.js';
import { signingCheck } from './checks/signing.js';
import { tessdataCheck } from './checks/tessdata.js';
import { updateCheck } from './checks/update.js';

export interface DoctorOptions {
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  /** Recount blob references and rebuild the search index before checking. */
  repair?: boolean;
}

function effectiveConfig(dataDir: string, env: NodeJS.ProcessEnv): AppConfig {
  try {
    return loadConfig({ dataDir, env }).config;
  } catch {
    return configSchema.parse({}); // the config check reports what is wrong
  }
}

/** The installation's checks (everything but the store). */
export function stationDoctorChecks(context: StationContext): DoctorCheck[] {
  return [
    configCheck(context),
    diskCheck(context),
    scannerCheck(context),
    spoolDoctorCheck(context.dataDir),
    kernelsCheck(),
    tessdataCheck(context),
    gatewayCheck(context),
    signingCheck(context),
    updateCheck(context),
  ];
}

function storeUnopenable(error: unknown): DoctorCheck {
  return {
    id: 'store.integrity',
    title: { vi: 'Tính toàn vẹn cơ sở dữ liệu', en: 'Database integrity' },
    run: () =>
      fail(
        {
          vi: `Không mở được cơ sở dữ liệu: ${reasonOf(error).vi}`,
          en: `The database cannot be opened: ${reasonOf(error).en}`,
        },
        {
          vi: 'Sao lưu thư mục dữ liệu, khôi phục sohoa.db từ bản sao lưu, rồi báo bộ phận CNTT',
          en: 'Back up the data folder, restore sohoa.db from backup, then contact IT',
        },
      ),
  };
}

export async function runStationDoctor({
  dataDir,
  env = process.env,
  repair = false,
}: DoctorOptions): Promise<DoctorReport> {
  const context: StationContext = { dataDir, env, config: effectiveConfig(dataDir, env) };
  let store: Store | undefined;
  let storeChecks: DoctorCheck[] = [];
  try {
    store = await openStore(dataDir);
  } catch (error) {
    storeChecks = [storeUnopenable(error)];
  }
  try {
    if (store) {
      if (repair) store.repair();
      storeChecks = storeDoctorChecks(store);
    }
    return await runDoctor([...storeChecks, ...stationDoctorChecks(context)]);
  } finally {
    store?.close();
  }
}
