/** What `batch create` accepts: a job name, a source folder and a separation rule. */
import { z } from 'zod';
import { AppError, type Separation } from '../../domain/index.js';

const SEPARATOR = /^(qr|blank|count:([1-9]\d{0,3}))$/;

export const NewJobSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .regex(
      /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,99}$/u,
      'chữ, số, dấu cách . _ - / letters, digits, space . _ -',
    ),
  source: z.string().min(1).max(4096),
  separator: z
    .string()
    .regex(SEPARATOR, 'qr | blank | count:N (1–9999)')
    .default('qr')
    .transform((s): Separation => {
      const m = SEPARATOR.exec(s);
      if (m?.[2]) return { kind: 'count', pages: Number(m[2]) };
      return s === 'blank' ? { kind: 'blank' } : { kind: 'qr' };
    }),
});
export type NewJobInput = z.input<typeof NewJobSchema>;
export type NewJob = z.output<typeof NewJobSchema>;

export function parseNewJob(input: unknown): NewJob {
  const parsed = NewJobSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AppError(
    'VALIDATION',
    {
      vi: `Thông tin lô số hoá không hợp lệ:\n${z.prettifyError(parsed.error)}`,
      en: `Invalid batch job:\n${z.prettifyError(parsed.error)}`,
    },
    { details: { issues: parsed.error.issues } },
  );
}

export const JobNameSchema = NewJobSchema.shape.name;

export function parseJobName(name: unknown): string {
  const parsed = JobNameSchema.safeParse(name);
  if (parsed.success) return parsed.data;
  throw new AppError(
    'VALIDATION',
    { vi: `Tên lô không hợp lệ: "${String(name)}"`, en: `Invalid job name: "${String(name)}"` },
    { details: { issues: parsed.error.issues } },
  );
}
