/**
 * What a clerk may send to change a dossier's applicant after reception, or to decide on a value
 * read off its pages. The applicant's fields are checked by the very rules of reception.
 */
import { z } from 'zod';
import { NewDossierInputSchema } from './input.js';

const DossierCode = z.string().trim().min(1).max(64);

const APPLICANT_KEYS = ['ChuHoSo', 'SoDinhDanh', 'SoDienThoai', 'Email', 'DiaChi'] as const;

export const UpdateApplicantSchema = NewDossierInputSchema.pick({
  ChuHoSo: true,
  SoDinhDanh: true,
  NamSinh: true,
  SoDienThoai: true,
  Email: true,
  DiaChi: true,
})
  .partial()
  .extend({ MaHoSo: DossierCode })
  .refine((input) => APPLICANT_KEYS.some((key) => input[key] !== undefined), {
    message: `cần ít nhất một trong ${APPLICANT_KEYS.join(', ')} / give at least one of ${APPLICANT_KEYS.join(', ')}`,
  });
export type UpdateApplicantInput = z.input<typeof UpdateApplicantSchema>;

export const DossierFieldsSchema = z.strictObject({ MaHoSo: DossierCode });
export type DossierFieldsInput = z.input<typeof DossierFieldsSchema>;

export const DecideFieldSchema = z.strictObject({
  MaHoSo: DossierCode,
  /** An extracted field of the dossier (`dossier.fields`). */
  fieldId: z.number().int().positive(),
  /**
   * The value as the clerk saw it: a page read again in between gets new field rows (row ids
   * may be reused), so the id alone could name another value.
   */
  value: z.string().min(1).max(500),
  /** `use`: fill the applicant with the scanned value; `keep`: keep what was typed. */
  decision: z.enum(['use', 'keep']),
});
export type DecideFieldInput = z.input<typeof DecideFieldSchema>;
