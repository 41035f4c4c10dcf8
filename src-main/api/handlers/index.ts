/**
 * Every handler, one module per capability. The type makes a missing or mistyped handler a
 * compile error; add a capability's handlers with one import and one spread.
 */
import type { ContractMethods } from '../contract/index.js';
import type { Handlers } from '../handler.js';
import { accountsHandlers } from './accounts.js';
import { appHandlers } from './app.js';
import { authHandlers } from './auth.js';
import { batchHandlers } from './batch.js';
import { dossierHandlers } from './dossier.js';
import { finishHandlers } from './finish.js';
import { imagingHandlers } from './imaging.js';
import { ocrHandlers } from './ocr.js';
import { pipelineHandlers } from './pipeline.js';
import { resultScanHandlers } from './result-scan.js';
import { reviewHandlers } from './review.js';
import { retentionHandlers } from './retention.js';
import { scanHandlers } from './scan.js';
import { signatureHandlers } from './signature.js';
import { syncHandlers } from './sync.js';
import { updateHandlers } from './update.js';

export const handlers: Handlers<ContractMethods> = {
  ...appHandlers,
  ...dossierHandlers,
  ...scanHandlers,
  ...signatureHandlers,
  ...imagingHandlers,
  ...syncHandlers,
  ...ocrHandlers,
  ...batchHandlers,
  ...pipelineHandlers,
  ...finishHandlers,
  ...reviewHandlers,
  ...updateHandlers,
  ...authHandlers,
  ...accountsHandlers,
  ...retentionHandlers,
  ...resultScanHandlers,
};
