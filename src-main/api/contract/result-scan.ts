/**
 * Result papers digitized from the scanner (the results panel of Tra cứu): scan into an unsaved
 * scan of the dossier (pages arrive as `scan.*` events, like any scan), see the unsaved scans,
 * and save one with the paper's particulars as the dossier's searchable result PDF.
 */
import { z } from 'zod';
import type { ResultView } from '../../core/dossiers/index.js';
import type { ResultScanDraft } from '../../core/result-scan/index.js';
import { ResultScanTargetSchema, SaveResultScanSchema } from '../../core/result-scan/index.js';
import { ScanOverridesSchema } from '../../scan/index.js';
import { defineContract, method, returns } from './define.js';

export const resultScanContract = defineContract({
  methods: {
    'dossier.scanResult': method({
      summary:
        'Scans a result paper into a new unsaved scan of the dossier, or continues one (documentId) after a jam; settings default to the scan profile.',
      input: ScanOverridesSchema.extend(ResultScanTargetSchema.shape).extend({
        profile: z.string().min(1).max(64).optional(),
      }),
      // the pages' `scan.pageAcquired` events carry this component code
      output: returns<{ sessionId: string; documentId: number; MaThanhPhanHoSo: string }>(),
    }),
    'dossier.resultScans': method({
      summary: "The dossier's scanned result papers not saved yet, with their pages' processing.",
      input: z.strictObject({ MaHoSo: z.string().trim().min(1).max(64) }),
      output: returns<ResultScanDraft[]>(),
    }),
    'dossier.saveResultScan': method({
      summary:
        'Saves an unsaved scan as a result paper: waits for its pages to be read, builds the searchable PDF, records it with the result code and number.',
      input: SaveResultScanSchema,
      output: returns<ResultView>(),
    }),
  },
});
