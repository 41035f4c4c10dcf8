/**
 * Piscina worker: decodes (when given a file's bytes) and processes one page. Runs off the main
 * thread so scanning, the UI and the database never wait for image work.
 */
import { isAppError } from '../../domain/index.js';
import type { AppError } from '../../domain/index.js';
import { decodeImage } from '../decode/index.js';
import type { Decoded } from '../decode/index.js';
import type { RawImage } from '../raw.js';
import { processPage } from './process.js';
import type { ProcessedPage } from './process.js';
import type { ProcessingProfile } from './profile.js';

export type PageTask = { profile: ProcessingProfile } & (
  { kind: 'file'; bytes: Uint8Array; dpi?: number } | { kind: 'raw'; image: RawImage }
);

export interface PageResult extends ProcessedPage {
  dpiSource: Decoded['dpiSource'] | 'given';
}

/** What crosses back to the pool: the result, or an AppError as plain data (a thrown one would lose its code). */
export type PageOutcome =
  { ok: true; result: PageResult } | { ok: false; error: ReturnType<AppError['toJSON']> };

async function processTask(task: PageTask): Promise<PageResult> {
  if (task.kind === 'raw')
    return { ...(await processPage(task.image, task.profile)), dpiSource: 'given' };
  const decoded = await decodeImage(task.bytes, task.dpi === undefined ? {} : { dpi: task.dpi });
  return { ...(await processPage(decoded.image, task.profile)), dpiSource: decoded.dpiSource };
}

export default async function run(task: PageTask): Promise<PageOutcome> {
  try {
    return { ok: true, result: await processTask(task) };
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.toJSON() };
    throw error;
  }
}
