/**
 * Output of a bulk job (issue 10, item 5): for each separated dossier whose pages are processed
 * and pass QA (backlog readiness, output-readiness.ts), one searchable PDF per component document
 * — built and optionally signed by finishing's documents step, the signer opened once per run —
 * and the dossier in the gateway contract's shape, either handed to the sync engine (the same
 * outbox as counter dossiers) or written as an offline-transfer package into a folder.
 *
 * Durable like the rest of a job: PDFs are kept once built (documents step), and each delivery is
 * recorded (batch_outputs) in the transaction that makes it, so a run killed at any point and run
 * again delivers what is left, once: no second PDF, no second package, nothing queued twice.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  AppError,
  invalidInput,
  type BatchOutputResult,
  type FinishedDocument,
  type OutputDossierResult,
} from '../../domain/index.js';
import type { Signer } from '../../pdf/index.js';
import type { AppConfig } from '../../platform/index.js';
import type { Store } from '../../store/index.js';
import { entryFromStore, writePackage } from '../../sync/index.js';
import { LazySigner, buildDocuments, type DocumentSigning } from '../finish/index.js';
import type { PipelineService } from '../pipeline/index.js';
import { JobNameSchema } from './input.js';
import { JobRepository } from './job-repository.js';
import { requireJob } from './jobs.js';
import { BATCH_ACTOR } from './landing.js';
import { outputFolder } from './output-folder.js';
import { outputHolds } from './output-readiness.js';
import { OutputRepository, type OutputCandidate } from './output-repository.js';

export const OutputRequestSchema = z
  .strictObject({
    name: JobNameSchema,
    target: z.enum(['queue', 'packages']),
    /** The packages' folder (packages target only). */
    dir: z.string().trim().min(1).max(4096).optional(),
    qa: z.enum(['accepted', 'not-rejected']).default('accepted'),
    sign: z.boolean().default(false),
  })
  .refine((r) => (r.target === 'packages') === (r.dir !== undefined), {
    message: 'a folder is given with the packages target, and only with it',
    path: ['dir'],
  });
export type OutputRequest = z.input<typeof OutputRequestSchema>;

export interface OutputOptions {
  pipeline: PipelineService;
  agency: AppConfig['agency'];
  /** Needed when the request signs: opens the signer (asked once per run, on first need). */
  signing?: { open: () => Promise<Signer>; settings: AppConfig['signing'] };
  /** After each dossier: how many of the job's dossiers are looked at, of how many. */
  onDossier?: (done: number, total: number, dossier: OutputDossierResult) => void;
  /** Stops between dossiers (a dossier being delivered completes first); run again to resume. */
  signal?: AbortSignal;
}

/** The reason each signature states: a digitized copy of an archived paper dossier. */
const SIGNING_REASON = 'Bản sao điện tử số hoá từ hồ sơ lưu trữ';

function parseRequest(input: unknown) {
  const parsed = OutputRequestSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalidInput({ vi: 'Yêu cầu xuất lô', en: 'job output request' }, parsed.error.issues);
}

const sha256 = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export async function outputJob(
  store: Store,
  input: unknown,
  options: OutputOptions,
): Promise<BatchOutputResult> {
  const request = parseRequest(input);
  if (request.sign && !options.signing) {
    throw new AppError('SIGNING_NOT_CONFIGURED', {
      vi: 'Cần chứng thư số (tệp .p12 hoặc token PKCS#11) để ký các tệp PDF của lô.',
      en: "A certificate (.p12 file or PKCS#11 token) is needed to sign the job's PDFs.",
    });
  }
  const job = requireJob(new JobRepository(store.db), request.name);
  const repo = new OutputRepository(store.db);
  const dir = request.dir !== undefined ? outputFolder(request.dir) : undefined;
  const signer = request.sign && options.signing ? new LazySigner(options.signing.open) : undefined;
  const signing: DocumentSigning | undefined =
    signer && options.signing
      ? { signer, settings: options.signing.settings, reason: SIGNING_REASON }
      : undefined;
  const results: OutputDossierResult[] = [];
  try {
    const candidates = repo.candidates(job.id);
    for (const candidate of candidates) {
      if (options.signal?.aborted) break;
      const result = await outputDossier(store, repo, candidate, {
        pipeline: options.pipeline,
        agency: options.agency,
        job: job.name,
        target: request.target,
        qa: request.qa,
        ...(dir !== undefined ? { dir } : {}),
        ...(signing ? { signing } : {}),
      });
      results.push(result);
      options.onDossier?.(results.length, candidates.length, result);
    }
  } finally {
    await signer?.close();
  }
  const count = (outcome: OutputDossierResult['outcome']) =>
    results.filter((r) => r.outcome === outcome).length;
  const result: BatchOutputResult = {
    name: job.name,
    target: request.target,
    ...(dir !== undefined ? { dir } : {}),
    delivered: count('delivered'),
    kept: count('kept'),
    held: count('held'),
    dossiers: results,
    summary: repo.summary(job.id),
  };
  store.record({
    actor: BATCH_ACTOR,
    action: 'batch.output',
    details: {
      name: job.name,
      target: request.target,
      ...(dir !== undefined ? { dir } : {}),
      signed: request.sign,
      delivered: result.delivered,
      kept: result.kept,
      held: result.held,
    },
  });
  return result;
}

interface DossierRun {
  pipeline: PipelineService;
  agency: AppConfig['agency'];
  job: string;
  target: 'queue' | 'packages';
  qa: 'accepted' | 'not-rejected';
  dir?: string;
  signing?: DocumentSigning;
}

async function outputDossier(
  store: Store,
  repo: OutputRepository,
  candidate: OutputCandidate,
  run: DossierRun,
): Promise<OutputDossierResult> {
  const dossier = store.dossiers.require(candidate.dossierId);
  const base = { position: candidate.position, MaHoSo: dossier.MaHoSo };
  const holds = outputHolds(run.pipeline, candidate, run.qa);
  if (holds.length > 0) return { ...base, outcome: 'held', documents: 0, signed: false, holds };

  const documents = await buildDocuments(store, run.pipeline, dossier, {
    agency: run.agency,
    actor: BATCH_ACTOR,
    ...(run.signing ? { signing: run.signing } : {}),
  });
  // The documents step stored the PDFs; the contract dossier is read back with them.
  const entry = entryFromStore(store, store.dossiers.require(dossier.id));
  // Without its code: the sync may replace a provisional code, which changes nothing delivered.
  const { MaHoSo: _code, ...content } = entry.dossier;
  const payloadSha256 = sha256(JSON.stringify(content));
  const signed = run.signing !== undefined;
  const done = { ...base, documents: documents.length, signed, holds: [] };
  const previous = repo.delivery(candidate.batchDossierId, run.target);
  const packagePath =
    run.dir !== undefined ? join(run.dir, `${entry.dossier.MaHoSo}.zip`) : undefined;
  if (
    previous?.payloadSha256 === payloadSha256 &&
    (packagePath === undefined ||
      (previous.package?.path === packagePath && existsSync(packagePath)))
  ) {
    return { ...done, outcome: 'kept', ...(packagePath ? { package: packagePath } : {}) };
  }

  // A package is renamed into place before its row commits: a kill between the two rewrites
  // the same file on the next run, never a second one.
  if (packagePath !== undefined) await writePackage(entry, packagePath);
  const delivery = {
    batchDossierId: candidate.batchDossierId,
    target: run.target,
    payloadSha256,
    documents: documents.length,
    pages: documents.reduce((n, d) => n + d.pages, 0),
    signed,
    ...(packagePath !== undefined
      ? { package: { path: packagePath, sha256: sha256(readFileSync(packagePath)) } }
      : {}),
  };
  store.transaction(() => {
    const now = new Date().toISOString();
    if (run.target === 'queue') store.dossiers.setSyncState(dossier.id, 'queued', now);
    repo.record(delivery, now);
    store.audit.append(
      {
        actor: BATCH_ACTOR,
        action: run.target === 'queue' ? 'batch.output.queue' : 'batch.output.package',
        dossierId: dossier.id,
        MaHoSo: dossier.MaHoSo,
        details: {
          job: run.job,
          documents: documentsAudit(documents),
          ...(delivery.package ? { package: delivery.package } : {}),
        },
      },
      now,
    );
  });
  return {
    ...done,
    outcome: 'delivered',
    ...(packagePath !== undefined ? { package: packagePath } : {}),
  };
}

function documentsAudit(documents: readonly FinishedDocument[]) {
  return documents.map((d) => ({
    documentId: d.documentId,
    sha256: d.pdfSha256,
    signed: d.signed,
  }));
}
