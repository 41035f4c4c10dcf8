/**
 * The recognition languages SoHoa ships (resources/tessdata). A language list is written the
 * way tesseract writes it, `vie+eng`: the first is primary, the rest are tried on words the
 * primary model is unsure of.
 */
import { z } from 'zod';
import { AppError } from '../domain/index.js';

export const OCR_LANGUAGES = ['vie', 'eng'] as const;
export type OcrLanguage = (typeof OCR_LANGUAGES)[number];
export const DEFAULT_LANGUAGES: readonly OcrLanguage[] = ['vie', 'eng'];

const languageList = z
  .array(z.enum(OCR_LANGUAGES))
  .min(1)
  .refine((langs) => new Set(langs).size === langs.length, 'a language is listed twice');

/** Parse `vie+eng` (or an array) into a validated list; throws AppError VALIDATION. */
export function parseLanguages(input: string | readonly string[]): OcrLanguage[] {
  const parts = typeof input === 'string' ? input.split('+').map((s) => s.trim()) : [...input];
  const parsed = languageList.safeParse(parts);
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION',
      {
        vi: `Ngôn ngữ OCR không hợp lệ: "${parts.join('+')}". Chỉ hỗ trợ: ${OCR_LANGUAGES.join(', ')} (ví dụ vie+eng).`,
        en: `Invalid OCR languages "${parts.join('+')}". Supported: ${OCR_LANGUAGES.join(', ')} (e.g. vie+eng).`,
      },
      { details: { input: parts, issues: parsed.error.issues.map((i) => i.message) } },
    );
  }
  return parsed.data;
}
