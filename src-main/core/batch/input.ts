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
  type PatchType,
  type Separation,
} from '../../domain/index.js';

const SEPARATOR = /^(qr|blank|count:([1-9]\d{0,3}))$/;
/** patch, patch:2,3 or patch:2,3/T — the patches that open a dossier / a component. */
const PATCH_SEPARATOR = /^patch(?::([12346T](?:,[12346T])*)?(?:\/([12346T](?:,[12346T])*)?)?)?$/i;

/** A patch job's separation as asked; lists it does not give come from the configuration. */
export type SeparatorRequest =
  | Exclude<Separation, { kind: 'patch' }>
  | { kind: 'patch'; dossier?: PatchType[]; component?: PatchType[] };

function patchList(list: string | undefined): PatchType[] | undefined {
  return list === undefined ? undefined : (list.toUpperCase().split(',') as PatchType[]);
}

function separatorOf(s: string, ctx: z.RefinementCtx): SeparatorRequest {
  const m = SEPARATOR.exec(s);
  if (m?.[2]) return { kind: 'count', pages: Number(m[2]) };
  if (m) return s === 'blank' ? { kind: 'blank' } : { kind: 'qr' };
  const patch = PATCH_SEPARATOR.exec(s);
  const dossier = patchList(patch?.[1]);
  // "patch:2,3/" names no component patch: none; "patch:2,3" leaves it to the configuration
  const component = s.endsWith('/') ? [] : patchList(patch?.[2]);
  const all = [...(dossier ?? []), ...(component ?? [])];
  if (patch && new Set(all).size === all.length && !(s.includes(':') && !dossier))
    return { kind: 'patch', ...(dossier ? { dossier } : {}), ...(component ? { component } : {}) };
  ctx.addIssue({
    code: 'custom',
    message:
      'qr | blank | count:N (1–9999) | patch[:loại tách hồ sơ[/loại tách thành phần]], ví dụ patch:2,3/T; mỗi loại (1, 2, 3, 4, 6, T) một lần / patch[:dossier types[/component types]], e.g. patch:2,3/T; each type (1, 2, 3, 4, 6, T) once',
  });
  return z.NEVER;
}

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
    separator: z.string().max(40).default('qr').transform(separatorOf),
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

/**
 * The job's separation with the patch lists it did not name taken from `defaults` (the
 * configuration); a configured component patch the job names as a dossier patch is the job's.
 */
export function resolveSeparation(
  request: SeparatorRequest,
  defaults: { readonly dossier: readonly PatchType[]; readonly component: readonly PatchType[] },
): Separation {
  if (request.kind !== 'patch') return request;
  const dossier = request.dossier ?? [...defaults.dossier];
  const component = (request.component ?? [...defaults.component]).filter(
    (t) => !dossier.includes(t),
  );
  return { kind: 'patch', dossier, component };
}
