/**
 * What is put into the outbox: the dossier in the contract's shape, minus what only the
 * province can give (the TepDinhKemId of each file, and the official code when the dossier was
 * received offline), plus the local file behind each TaiLieuNop entry. Also the shape of
 * `dossier.json` in an offline-transfer package.
 */
import { z } from 'zod';
import { parseDossierCode } from '../../domain/index.js';
import { Dossier, Sha256Hex, TaiLieuNop } from '../contract/index.js';

export const DraftDocument = TaiLieuNop.omit({ TepDinhKemId: true });
export type DraftDocument = z.infer<typeof DraftDocument>;

export const DossierDraft = Dossier.omit({
  MaHoSo: true,
  TaiLieuNop: true,
  DanhSachGiayToKetQua: true,
}).extend({
  /** Official, or provisional (TAM-…) for a dossier received offline. */
  MaHoSo: z
    .string()
    .refine(
      (code) => parseDossierCode(code) !== undefined,
      'MaHoSo: an official or provisional (TAM-) code',
    ),
  TaiLieuNop: z.array(DraftDocument),
});
export type DossierDraft = z.infer<typeof DossierDraft>;

export const LocalFile = z.object({
  path: z.string().min(1),
  sha256: Sha256Hex,
  size: z.number().int().nonnegative(),
  filename: z.string().min(1),
  mime: z.string().min(1).default('application/pdf'),
});
export type LocalFile = z.infer<typeof LocalFile>;

export const OutboxEntry = z
  .object({
    /** The store's dossier id, when the dossier lives in this station's store. */
    dossierId: z.number().int().positive().nullable().default(null),
    dossier: DossierDraft,
    /** One local file per TaiLieuNop entry, same order. */
    files: z.array(LocalFile),
    /** The revision this edit is based on (If-Match), for a dossier the province already has. */
    baseRevision: z.string().min(1).nullable().default(null),
  })
  .superRefine((entry, ctx) => {
    if (entry.files.length !== entry.dossier.TaiLieuNop.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['files'],
        message: 'one file per TaiLieuNop entry is required',
      });
    }
    entry.files.forEach((file, i) => {
      const doc = entry.dossier.TaiLieuNop[i];
      if (doc && doc.HashTepTin !== file.sha256) {
        ctx.addIssue({
          code: 'custom',
          path: ['files', i, 'sha256'],
          message: 'differs from TaiLieuNop HashTepTin',
        });
      }
    });
  });
export type OutboxEntryInput = z.input<typeof OutboxEntry>;
export type OutboxEntry = z.output<typeof OutboxEntry>;
