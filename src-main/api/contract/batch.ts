/**
 * Bulk digitization jobs (the batch screen): the jobs of this station and where each stands.
 * Creating and running jobs is the CLI's for now (`sohoa batch`).
 */
import { z } from 'zod';
import type { BatchJob, BatchStatus } from '../../domain/index.js';
import { defineContract, method, returns } from './define.js';

export const batchContract = defineContract({
  methods: {
    'batch.list': method({
      summary: 'Every bulk digitization job of the station, newest first.',
      input: z.strictObject({}),
      output: returns<BatchJob[]>(),
    }),
    'batch.status': method({
      summary: 'Files, pages, dossiers, review bin and bad files of one job.',
      input: z.strictObject({ name: z.string().trim().min(1).max(100) }),
      output: returns<BatchStatus>(),
    }),
  },
  events: {},
});
