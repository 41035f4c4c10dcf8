/**
 * QA of a bulk job: the queue of pages to look at (a sample of every job's pages, and every page
 * the pipeline flagged), a reviewer's accept or reject, and the rescan list the rejected pages
 * make. A rejection also marks the store page for review, so whoever opens the dossier sees it.
 */
import { z } from 'zod';
import {
  AppError,
  SafeNameSchema,
  invalidInput,
  type BatchQaItem,
  type RescanItem,
} from '../../domain/index.js';
import type { Store } from '../../store/index.js';
import { JobNameSchema } from './input.js';
import { JobRepository } from './job-repository.js';
import { requireJob } from './jobs.js';
import { QaRepository } from './qa-repository.js';

export const QaQuerySchema = z.strictObject({
  name: JobNameSchema,
  filter: z.enum(['open', 'decided', 'all']).default('open'),
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
});
export type QaQuery = z.input<typeof QaQuerySchema>;

export const QaDecisionSchema = z.strictObject({
  name: JobNameSchema,
  pageId: z.number().int().positive(),
  decision: z.enum(['accepted', 'rejected']),
  reviewer: SafeNameSchema,
  note: z.string().trim().min(1).max(500).optional(),
});
export type QaDecisionInput = z.input<typeof QaDecisionSchema>;

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalidInput({ vi: 'Yêu cầu kiểm tra chất lượng', en: 'QA request' }, parsed.error.issues);
}

export function qaQueue(store: Store, input: QaQuery): BatchQaItem[] {
  const q = parse(QaQuerySchema, input);
  const job = requireJob(new JobRepository(store.db), q.name);
  return new QaRepository(store.db).items(job.id, q.filter, q.limit, q.offset);
}

/** Records a reviewer's decision on a page of the queue (a later decision replaces it). */
export function decideQa(store: Store, input: QaDecisionInput): BatchQaItem {
  const d = parse(QaDecisionSchema, input);
  const job = requireJob(new JobRepository(store.db), d.name);
  const qa = new QaRepository(store.db);
  return store.transaction(() => {
    const batchPageId = qa.inQueue(job.id, d.pageId);
    if (batchPageId === undefined) {
      throw new AppError(
        'NOT_FOUND',
        {
          vi: `Trang ${d.pageId} không nằm trong hàng kiểm tra của lô "${job.name}"`,
          en: `Page ${d.pageId} is not in the QA queue of job "${job.name}"`,
        },
        { details: { name: job.name, pageId: d.pageId } },
      );
    }
    const now = new Date().toISOString();
    qa.decide(batchPageId, d.decision, d.reviewer, d.note, now);
    store.pages.update(d.pageId, { needsReview: d.decision === 'rejected' });
    store.audit.append(
      {
        actor: d.reviewer,
        action: `batch.qa.${d.decision === 'accepted' ? 'accept' : 'reject'}`,
        dossierId: store.dossiers.dossierOfDocument(store.pages.require(d.pageId).documentId),
        details: { job: job.name, pageId: d.pageId, ...(d.note ? { note: d.note } : {}) },
      },
      now,
    );
    const item = qa.items(job.id, 'all', 1, 0, batchPageId)[0];
    if (!item) throw new Error(`QA item ${batchPageId} vanished`);
    return item;
  });
}

/** Rejected pages, in job order: what to pull from the shelves and scan again. */
export function rescanList(store: Store, name: string): RescanItem[] {
  const job = requireJob(new JobRepository(store.db), name);
  return new QaRepository(store.db).rescan(job.id);
}
