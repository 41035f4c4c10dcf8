/**
 * Page review (the review step after scanning): a dossier's pages per component with their
 * flags, page images (JPEG as base64, so Electron IPC and HTTP carry them alike), the OCR text,
 * and the clerk's edits. Every edit names its dossier, is audited and announced by `pages.changed`.
 */
import { z } from 'zod';
import type { PageImage, PageListing, PagesChanged, PageText } from '../../core/review/index.js';
import {
  DeletePagesSchema,
  ListPagesSchema,
  MovePagesSchema,
  PageImageSchema,
  PageTextSchema,
  ReorderPagesSchema,
  RotatePagesSchema,
  UndoDeleteSchema,
} from '../../core/review/index.js';
import { ScanOverridesSchema } from '../../scan/index.js';
import { defineContract, event, method, returns } from './define.js';

export const reviewContract = defineContract({
  methods: {
    'pages.list': method({
      summary: "A dossier's pages per component, in order, with blank/low-confidence flags.",
      input: ListPagesSchema,
      output: returns<PageListing>(),
    }),
    'pages.image': method({
      summary: 'A page as JPEG with its rotation: thumbnail (256 px) or preview (2000 px).',
      input: PageImageSchema,
      output: returns<PageImage>(),
    }),
    'pages.text': method({
      summary: "A page's OCR text and mean confidence (absent until it has been read).",
      input: PageTextSchema,
      output: returns<PageText>(),
    }),
    'pages.rotate': method({
      summary: 'Turns pages clockwise by 90, 180 or 270 degrees; the pixels are kept.',
      input: RotatePagesSchema,
      output: returns<PagesChanged>(),
    }),
    'pages.delete': method({
      summary: 'Deletes pages so that pages.undoDelete can put them back where they were.',
      input: DeletePagesSchema,
      output: returns<PagesChanged & { actionId: string }>(),
    }),
    'pages.undoDelete': method({
      summary: "Restores the dossier's latest (or the named) deletion, each page in its place.",
      input: UndoDeleteSchema,
      output: returns<PagesChanged>(),
    }),
    'pages.reorder': method({
      summary: 'Moves pages (together, in their order) to an index within their component.',
      input: ReorderPagesSchema,
      output: returns<PagesChanged>(),
    }),
    'pages.move': method({
      summary: 'Moves pages to another component of the dossier (at an index, default the end).',
      input: MovePagesSchema,
      output: returns<PagesChanged>(),
    }),
    'pages.rescan': method({
      summary:
        'Scans a page again into the place of another (which is deleted, undoably); a scan session.',
      input: ScanOverridesSchema.extend({
        MaHoSo: z.string().min(1).max(64),
        pageId: z.number().int().positive(),
        profile: z.string().min(1).max(64).optional(),
      }),
      output: returns<{ sessionId: string }>(),
    }),
  },
  events: {
    'pages.changed': event<PagesChanged>(
      "A dossier's pages were edited (refresh what shows them).",
    ),
  },
});
