/**
 * A scanner job's ADF run: the feeder's sheets are written to the job's spool (each page a file,
 * fsynced and renamed into place by the scan layer, which also recovers pages a killed run left
 * in its own spool), then landed like any other files of the job — exactly once, in feed order.
 */
import { AppError, type BatchStatus } from '../../domain/index.js';
import { OutDirDestination, type ScanRequestInput, type ScanService } from '../../scan/index.js';
import type { Store } from '../../store/index.js';
import { JobRepository } from './job-repository.js';
import { requireJob, runJob, type RunOptions } from './jobs.js';
import { jobSpoolDir, nextRunDir } from './spool.js';

export interface ScanRunOptions extends Omit<RunOptions, 'hotFolder'> {
  /** Changes to the station's scan profile for this run (the device and ADF are the job's). */
  request?: Partial<Omit<ScanRequestInput, 'device' | 'source'>>;
  profile?: string;
}

export async function scanIntoJob(
  store: Store,
  name: string,
  scanner: ScanService,
  options: ScanRunOptions = {},
): Promise<BatchStatus & { scanned: number; feederEmpty: boolean }> {
  const job = requireJob(new JobRepository(store.db), name);
  if (job.sourceKind !== 'scanner') {
    throw new AppError(
      'VALIDATION',
      {
        vi: `Lô "${name}" không lấy trang từ máy quét`,
        en: `Job "${name}" does not take its pages from a scanner`,
      },
      { details: { name, sourceKind: job.sourceKind } },
    );
  }
  const { request, profile, ...run } = options;
  const { result } = await scanner.scan(
    { ...request, device: job.source, source: 'adf' },
    new OutDirDestination(nextRunDir(jobSpoolDir(store.dataDir, job.id)), store.keys),
    {
      ...(profile !== undefined ? { profile } : {}),
      ...(run.signal ? { signal: run.signal } : {}),
    },
  );
  const status = await runJob(store, name, run);
  return { ...status, scanned: result.pages, feederEmpty: result.feederEmpty };
}
