/** Retention for the settings screen (administrators only). */
import { z } from 'zod';
import type { PurgedDossier, RetentionReport } from '../../domain/index.js';
import { defineContract, method, returns } from './define.js';

const rule = z.strictObject({
  /** A rule other than the configured security.retentionDays (to preview a new setting). */
  afterDays: z.number().int().min(1).max(36_500).optional(),
});

export const retentionContract = defineContract({
  methods: {
    'retention.preview': method({
      summary: 'Which acknowledged dossiers a purge would remove now; changes nothing.',
      input: rule,
      output: returns<RetentionReport>(),
    }),
    'retention.purge': method({
      summary: 'Purges the due dossiers now (audited) and removes their unreferenced files.',
      input: rule,
      output: returns<RetentionReport>(),
    }),
    'retention.history': method({
      summary: 'What was kept of each purged dossier (MaHoSo, dates, counts, hashes).',
      input: z.strictObject({}),
      output: returns<PurgedDossier[]>(),
    }),
  },
});
