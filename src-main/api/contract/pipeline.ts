/**
 * The page pipeline (cleanup, OCR, flags) as the scan and review screens see it: where each page
 * of a dossier stands, one page's decisions, fields and flags, its thumbnail, and re-running a
 * page after the clerk turned it.
 */
import { z } from 'zod';
import type { DossierProcessing, PageProcessedEvent, PageProcessing } from '../../domain/index.js';
import { defineContract, event, method, returns } from './define.js';

const pageId = z.number().int().positive();

export const pipelineContract = defineContract({
  methods: {
    'pipeline.status': method({
      summary: "Every page of a dossier: state, flags, OCR confidence, the cleanup's decisions.",
      input: z.strictObject({ MaHoSo: z.string().trim().min(1).max(64) }),
      output: returns<DossierProcessing>(),
    }),
    'pipeline.page': method({
      summary: 'One page: state, decisions, flags, fields read off it (with boxes), last error.',
      input: z.strictObject({ pageId }),
      output: returns<PageProcessing>(),
    }),
    'pipeline.thumbnail': method({
      summary: 'The processed page as a 256-px JPEG data URL.',
      input: z.strictObject({ pageId }),
      output: returns<{ pageId: number; dataUrl: string }>(),
    }),
    'pipeline.reprocess': method({
      summary:
        'Processes a page again: after turning it clockwise from how it is shown, after a failure, or with another profile.',
      input: z.strictObject({
        pageId,
        turn: z.union([z.literal(90), z.literal(180), z.literal(270)]).optional(),
        profile: z.enum(['counter', 'bulk', 'archive']).optional(),
        ocr: z.boolean().optional(),
      }),
      output: returns<PageProcessing>(),
    }),
  },
  events: {
    'pipeline.pageProcessed': event<PageProcessedEvent>(
      'A page finished processing (done), failed for good (failed), or failed and will be retried (pending).',
    ),
  },
});
