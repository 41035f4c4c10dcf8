/**
 * The inputs of page review, validated at every entry point (API, tests, scripts). Page ids are
 * always given with their dossier, so an edit can never reach another dossier's pages.
 */
import { z } from 'zod';

const code = z.string().min(1).max(64);
const pageId = z.number().int().positive();
const pageIds = z
  .array(pageId)
  .min(1)
  .max(2000)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'page ids must be distinct' });

export const ListPagesSchema = z.strictObject({ MaHoSo: code });

export const PageImageSchema = z.strictObject({
  MaHoSo: code,
  pageId,
  size: z.enum(['thumbnail', 'preview']).default('thumbnail'),
});

export const PageTextSchema = z.strictObject({ MaHoSo: code, pageId });

export const RotatePagesSchema = z.strictObject({
  MaHoSo: code,
  pageIds,
  /** Clockwise quarter turns: 90 (R), 270 (Shift+R), 180. */
  degrees: z.union([z.literal(90), z.literal(180), z.literal(270)]),
});

export const DeletePagesSchema = z.strictObject({ MaHoSo: code, pageIds });

export const UndoDeleteSchema = z.strictObject({
  MaHoSo: code,
  /** The deletion to undo; default: the dossier's latest. */
  actionId: z.uuid().optional(),
});

export const ReorderPagesSchema = z.strictObject({
  MaHoSo: code,
  MaThanhPhanHoSo: code,
  /** Moved together, in their current order. */
  pageIds,
  /** Where the first of them lands, 0-based, in the component's order after the move. */
  toIndex: z.number().int().min(0),
});

export const MovePagesSchema = z.strictObject({
  MaHoSo: code,
  pageIds,
  toComponent: code,
  /** 0-based place in the target component; default: after its last page. */
  toIndex: z.number().int().min(0).optional(),
});

export type ListPagesInput = z.output<typeof ListPagesSchema>;
export type PageImageInput = z.output<typeof PageImageSchema>;
export type RotatePagesInput = z.output<typeof RotatePagesSchema>;
export type DeletePagesInput = z.output<typeof DeletePagesSchema>;
export type UndoDeleteInput = z.output<typeof UndoDeleteSchema>;
export type ReorderPagesInput = z.output<typeof ReorderPagesSchema>;
export type MovePagesInput = z.output<typeof MovePagesSchema>;
