/** Handlers of `contract/batch.ts`, over the store the core shares. */
import { jobStatus, listJobs } from '../../core/batch/index.js';
import { storeService } from '../../core/dossiers/index.js';
import { batchContract } from '../contract/batch.js';
import { implement } from '../handler.js';

export const batchHandlers = implement(batchContract, {
  'batch.list': async (_input, { core }) => listJobs(await core.use(storeService)),
  'batch.status': async ({ name }, { core }) => jobStatus(await core.use(storeService), name),
});
