/**
 * The one table. Each capability's part is listed once here; names must be unique across parts.
 */
import { accountsContract } from './accounts.js';
import { appContract } from './app.js';
import { authContract } from './auth.js';
import { batchContract } from './batch.js';
import { mergeContracts } from './define.js';
import { dossierContract } from './dossier.js';
import { finishContract } from './finish.js';
import { imagingContract } from './imaging.js';
import { ocrContract } from './ocr.js';
import { pipelineContract } from './pipeline.js';
import { resultScanContract } from './result-scan.js';
import { reviewContract } from './review.js';
import { retentionContract } from './retention.js';
import { scanContract } from './scan.js';
import { signatureContract } from './signature.js';
import { syncContract } from './sync.js';
import { updateContract } from './update.js';

export const contract = mergeContracts([
  appContract,
  dossierContract,
  scanContract,
  signatureContract,
  imagingContract,
  syncContract,
  ocrContract,
  batchContract,
  pipelineContract,
  finishContract,
  reviewContract,
  updateContract,
  authContract,
  accountsContract,
  retentionContract,
  resultScanContract,
] as const);
