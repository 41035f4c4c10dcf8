/**
 * Every command group of the `sohoa` CLI, one module each. Adding a capability's commands is one
 * import and one entry here.
 */
import type { RegisterCommands } from '../context.js';
import { registerConfig } from './config.js';
import { registerServe } from './serve.js';
import { registerDossier } from './dossier.js';
import { registerSearch } from './search.js';
import { registerDoctor } from './doctor.js';
import { registerAudit } from './audit.js';
import { registerAccounts } from './accounts.js';
import { registerRetention } from './retention.js';
import { registerDevices } from './devices.js';
import { registerScan } from './scan.js';
import { registerImport } from './import.js';
import { registerOcr } from './ocr.js';
import { registerPdf } from './pdf.js';
import { registerSign } from './sign.js';
import { registerVerify } from './verify.js';
import { registerSync } from './sync.js';
import { registerGateway } from './gateway.js';
import { registerExport } from './export.js';
import { registerProcess } from './process.js';
import { registerBatch } from './batch.js';
import { registerSupport } from './support.js';
import { registerKey } from './key.js';
import { registerUpdate } from './update.js';

export const commandGroups: RegisterCommands[] = [
  registerServe,
  registerConfig,
  registerDossier,
  registerSearch,
  registerDoctor,
  registerAudit,
  registerDevices,
  registerScan,
  registerImport,
  registerOcr,
  registerPdf,
  registerSign,
  registerVerify,
  registerSync,
  registerGateway,
  registerExport,
  registerProcess,
  registerBatch,
  registerSupport,
  registerKey,
  registerUpdate,
  registerAccounts,
  registerRetention,
];
