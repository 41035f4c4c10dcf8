/** What a person may send to scan a result paper and to save it (validated at every entry). */
import { z } from 'zod';
import { AddResultInputSchema } from '../dossiers/index.js';

const documentId = z.number().int().positive();

/** Which dossier, and the unsaved scan to continue (absent: a new one). */
export const ResultScanTargetSchema = z.strictObject({
  MaHoSo: z.string().trim().min(1).max(64),
  documentId: documentId.optional(),
});
export type ResultScanTarget = z.input<typeof ResultScanTargetSchema>;

/** The paper's particulars, typed by the clerk, for the pages scanned into `documentId`. */
export const SaveResultScanSchema = AddResultInputSchema.omit({ file: true }).extend({
  documentId,
});
export type SaveResultScanInput = z.input<typeof SaveResultScanSchema>;
