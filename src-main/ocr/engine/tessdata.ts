/**
 * Where tesseract.js finds its language data and keeps its cache. The models ship gzipped under
 * resources/tessdata; tesseract.js stores the gunzipped copy in the cache folder, which lives in
 * the station's data directory under a name derived from the shipped files' content, so an
 * updated model can never be shadowed by a stale cached one.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../domain/index.js';
import { resourcePath } from '../../platform/index.js';
import type { OcrLanguage } from '../languages.js';

export interface TessdataLocation {
  /** Folder holding `<lang>.traineddata.gz` (tesseract.js `langPath`). */
  langPath: string;
  /** Folder for the unpacked models (tesseract.js `cachePath`). */
  cachePath: string;
}

export function tessdataFile(lang: OcrLanguage): string {
  return resourcePath('tessdata', `${lang}.traineddata.gz`);
}

export function locateTessdata(
  languages: readonly OcrLanguage[],
  dataDir: string,
): TessdataLocation {
  const hash = createHash('sha256');
  for (const lang of languages) {
    const file = tessdataFile(lang);
    if (!existsSync(file)) {
      throw new AppError(
        'UNAVAILABLE',
        {
          vi: `Thiếu dữ liệu nhận dạng ngôn ngữ "${lang}" (${file}). Hãy cài lại SoHoa.`,
          en: `OCR language data "${lang}" is missing (${file}). Reinstall SoHoa.`,
        },
        { details: { lang, file } },
      );
    }
    hash.update(lang).update(readFileSync(file));
  }
  const cachePath = join(dataDir, 'cache', 'tessdata', hash.digest('hex').slice(0, 16));
  mkdirSync(cachePath, { recursive: true });
  return { langPath: resourcePath('tessdata'), cachePath };
}
