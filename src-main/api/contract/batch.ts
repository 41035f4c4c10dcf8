/**
 * Bulk digitization jobs (the batch screen): the jobs of this station, where each stands, the QA
 * queue a reviewer clears, the rescan list, the output of accepted dossiers and the acceptance
 * report. Creating and running jobs is the CLI's (`sohoa batch`), which contractors script across
 * stations.
 */
import { z } from 'zod';
import type {
  BatchJob,
  BatchOutputResult,
  BatchQaItem,
  BatchStatus,
  RescanItem,
} from '../../domain/index.js';
import { defineContract, method, returns } from './define.js';

const name = z.string().trim().min(1).max(100);

export const batchContract = defineContract({
  methods: {
    'batch.list': method({
      summary: 'Every bulk digitization job of the station, newest first.',
      input: z.strictObject({}),
      output: returns<BatchJob[]>(),
    }),
    'batch.status': method({
      summary: 'Files, pages, dossiers, processing, flags, QA and bad files of one job.',
      input: z.strictObject({ name }),
      output: returns<BatchStatus>(),
    }),
    'batch.qaQueue': method({
      summary: 'Pages of a job to review (sampled or flagged), in job order.',
      input: z.strictObject({
        name,
        filter: z.enum(['open', 'decided', 'all']).default('open'),
        limit: z.number().int().min(1).max(500).default(50),
        offset: z.number().int().min(0).default(0),
      }),
      output: returns<BatchQaItem[]>(),
    }),
    'batch.qaDecide': method({
      summary: 'Accept a page of the QA queue, or reject it for rescan.',
      input: z.strictObject({
        name,
        pageId: z.number().int().positive(),
        decision: z.enum(['accepted', 'rejected']),
        reviewer: z.string().trim().min(1).max(200),
        note: z.string().trim().min(1).max(500).optional(),
      }),
      output: returns<BatchQaItem>(),
    }),
    'batch.rescanList': method({
      summary: 'Rejected pages of a job: where the paper is and where it was filed.',
      input: z.strictObject({ name }),
      output: returns<RescanItem[]>(),
    }),
    'batch.output': method({
      summary:
        "Outputs the job's dossiers that are processed and pass QA: component PDFs (signed with the station's certificate when a password or PIN is given, used for this call only) and the contract dossier, queued for sync or written as packages into a folder. Safe to call again after an interruption.",
      input: z.strictObject({
        name,
        target: z.enum(['queue', 'packages']),
        /** The packages' folder (packages target only). */
        dir: z.string().trim().min(1).max(4096).optional(),
        qa: z.enum(['accepted', 'not-rejected']).default('accepted'),
        /** Certificate password or token PIN: the PDFs are signed when it is given. */
        secret: z.string().min(1).max(256).optional(),
      }),
      output: returns<BatchOutputResult>(),
    }),
    'batch.report': method({
      summary: 'The acceptance report of a job as a CSV or XLSX file (base64).',
      input: z.strictObject({ name, format: z.enum(['csv', 'xlsx']).default('xlsx') }),
      output: returns<{ fileName: string; mime: string; base64: string }>(),
    }),
  },
  events: {},
});
