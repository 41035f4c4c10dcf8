/**
 * Processing profiles: the settings a counter or a contractor picks per job. Named presets plus
 * overrides, validated with zod wherever they come in (CLI, API, configuration files).
 */
import { z } from 'zod';
import { AppError } from '../../domain/index.js';

export const processingProfileSchema = z.object({
  orientation: z.boolean().default(true),
  /** OSD confidence below which the page is flagged, not turned. */
  minOrientationConfidence: z.number().min(0).max(100).default(3),
  deskew: z.boolean().default(true),
  maxSkewDegrees: z.number().min(1).max(45).default(20),
  minSkewDegrees: z.number().min(0).max(5).default(0.05),
  crop: z.boolean().default(true),
  despeckle: z.boolean().default(true),
  /** 'auto' decides per page; anything else forces the mode. */
  colorMode: z.enum(['auto', 'color', 'grey', 'bw']).default('auto'),
  /** Sauvola sensitivity for black-and-white output. */
  sauvolaK: z.number().min(0.05).max(0.6).default(0.3),
  /** Writing-sized ink (mm²) below which a page is flagged blank. */
  blankMaxInkMm2: z.number().min(0).max(1000).default(3),
  jpegQuality: z.number().int().min(20).max(95).default(60),
  /** Output resolution of colour and grey pages. */
  colorDpi: z.number().int().min(100).max(600).default(200),
  /** Output resolution cap of black-and-white pages. */
  bwDpi: z.number().int().min(150).max(600).default(300),
  thumbnailSize: z.number().int().min(64).max(1024).default(256),
});

export type ProcessingProfile = z.infer<typeof processingProfileSchema>;
export type ProfileOverrides = z.input<typeof processingProfileSchema>;

/** The built-in profiles: a clerk's counter, a bulk digitisation job, an archive-quality copy. */
export const profiles = {
  counter: {},
  bulk: { colorMode: 'auto', jpegQuality: 55, minOrientationConfidence: 2 },
  archive: { colorDpi: 300, jpegQuality: 80, despeckle: false },
} as const satisfies Record<string, ProfileOverrides>;

export type ProfileName = keyof typeof profiles;

export function resolveProfile(
  name: string = 'counter',
  overrides: unknown = {},
): ProcessingProfile {
  if (!Object.hasOwn(profiles, name)) {
    throw new AppError(
      'VALIDATION',
      {
        vi: `Không có hồ sơ xử lý ảnh "${name}" (có: ${Object.keys(profiles).join(', ')}).`,
        en: `No processing profile "${name}" (available: ${Object.keys(profiles).join(', ')}).`,
      },
      { details: { profile: name } },
    );
  }
  const parsed = processingProfileSchema.safeParse({
    ...profiles[name as ProfileName],
    ...(overrides as object),
  });
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION',
      { vi: 'Thiết lập xử lý ảnh không hợp lệ.', en: 'Invalid image-processing settings.' },
      { details: { issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) } },
    );
  }
  return parsed.data;
}
