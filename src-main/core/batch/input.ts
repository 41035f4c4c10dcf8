/**
 * What `batch create` (CLI or API) accepts: a job name, where pages come from, the procedure and
 * agency of its dossiers, how to separate dossiers and components, QA sampling and the unit's
 * digitization target data.
 */
import { z } from 'zod';
import {
  AgencyCodeSchema,
  AppError,
  ProcedureCodeSchema,
  type Separation,
} from '../../domain/index.js';

const SEPARATOR = /^(qr|blank|count:([1-9]\d{0,3}))$/;

export const JobNameSchema = z
  .string()
  .trim()
  .regex(
    /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,99}$/u,
    'chữ, số, dấu cách . _ - / letters, digits, space . _ -',
  );

export const NewJobSchema = z
  .strictObject({
    name: JobNameSchema,
    /** A folder (sourceKind folder or hotfolder) or a scanner's device id (scanner). */
    source: z.string().min(1).max(4096),
    sourceKind: z.enum(['folder', 'hotfolder', 'scanner']).default('folder'),
    separator: z
      .string()
      .regex(SEPARATOR, 'qr | blank | count:N (1–9999)')
      .default('qr')
      .transform((s): Separation => {
        const m = SEPARATOR.exec(s);
        if (m?.[2]) return { kind: 'count', pages: Number(m[2]) };
        return s === 'blank' ? { kind: 'blank' } : { kind: 'qr' };
      }),
    components: z.enum(['single', 'blank']).default('single'),
    processing: z.enum(['ocr', 'clean']).default('ocr'),
    MaTTHC: ProcedureCodeSchema,
    /** Receiving agency; default: the station's configured agency. */
    agency: AgencyCodeSchema.optional(),
    /** Default: the `batch.qaSamplePercent` configuration key. */
    samplePercent: z.number().min(0).max(100).optional(),
    unitLevel: z.enum(['province', 'district', 'commune']).optional(),
    /** Dossiers the unit has to digitize (the target's denominator). */
    backlog: z.number().int().min(1).max(10_000_000).optional(),
  })
  .refine((j) => !(j.separator.kind === 'blank' && j.components === 'blank'), {
    message:
      'tờ trắng đã dùng để tách hồ sơ, không thể tách thành phần / blank sheets already separate dossiers, they cannot also separate components',
    path: ['components'],
  })
  .refine((j) => j.backlog === undefined || j.unitLevel !== undefined, {
    message: 'backlog cần unitLevel / backlog needs unitLevel',
    path: ['backlog'],
  });
export type NewJobInput = z.input<typeof NewJobSchema>;
export type NewJob = z.output<typeof NewJobSchema>;

function invalid(error: z.ZodError): AppError {
  return new AppError(
    'VALIDATION',
    {
      vi: `Thông tin lô số hoá không hợp lệ:\n${z.prettifyError(error)}`,
      en: `Invalid batch job:\n${z.prettifyError(error)}`,
    },
    { details: { issues: error.issues } },
  );
}

export function parseNewJob(input: unknown): NewJob {
  const parsed = NewJobSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalid(parsed.error);
}

export function parseJobName(name: unknown): string {
  const parsed = JobNameSchema.safeParse(name);
  if (parsed.success) return parsed.data;
  throw new AppError(
    'VALIDATION',
    { vi: `Tên lô không hợp lệ: "${String(name)}"`, en: `Invalid job name: "${String(name)}"` },
    { details: { issues: parsed.error.issues } },
  );
}
