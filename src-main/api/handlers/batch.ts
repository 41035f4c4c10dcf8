/**
 * Handlers of `contract/batch.ts`, over the store the core shares. Output opens the configured
 * signer with the caller's secret through the same path as `signature.sign`, once per call.
 */
import {
  buildReport,
  decideQa,
  jobStatus,
  listJobs,
  outputJob,
  qaQueue,
  reportBytes,
  rescanList,
  targetsFrom,
} from '../../core/batch/index.js';
import { storeService } from '../../core/dossiers/index.js';
import { pipelineService } from '../../core/pipeline/index.js';
import { batchContract } from '../contract/batch.js';
import { implement } from '../handler.js';
import { openConfiguredSigner } from './signature.js';

const MIME = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export const batchHandlers = implement(batchContract, {
  'batch.list': async (_input, { core }) => listJobs(await core.use(storeService)),
  'batch.status': async ({ name }, { core }) => jobStatus(await core.use(storeService), name),
  'batch.qaQueue': async (input, { core }) => qaQueue(await core.use(storeService), input),
  'batch.qaDecide': async (input, { core }) => decideQa(await core.use(storeService), input),
  'batch.rescanList': async ({ name }, { core }) => rescanList(await core.use(storeService), name),
  'batch.output': async ({ secret, ...request }, { core }) => {
    const { signing, agency } = core.config;
    return outputJob(
      await core.use(storeService),
      { ...request, sign: secret !== undefined },
      {
        pipeline: await core.use(pipelineService),
        agency,
        // No configured certificate: no signer, and a request to sign is refused before any work.
        ...(secret !== undefined && signing.provider !== 'none'
          ? { signing: { open: () => openConfiguredSigner(signing, secret), settings: signing } }
          : {}),
      },
    );
  },
  'batch.report': async ({ name, format }, { core }) => {
    const report = buildReport(await core.use(storeService), name, targetsFrom(core.config.batch));
    const bytes = await reportBytes(report, format);
    // File names from the job name only through a safe subset (it is validated, but may hold spaces).
    const base = report.job.name.replace(/[^\p{L}\p{N}._-]+/gu, '_');
    return {
      fileName: `bao-cao-${base}.${format}`,
      mime: MIME[format],
      base64: bytes.toString('base64'),
    };
  },
});
