/**
 * Where tesseract.js finds its language data. The models ship gzipped under resources/tessdata;
 * we unpack them once into the station's data directory, under a folder named from the shipped
 * files' content so an updated model is never shadowed by a stale copy.
 *
 * We unpack rather than let tesseract.js cache them: its cache write is not atomic, so a second
 * worker starting at the same moment read a half-written vie.traineddata, tesseract dropped the
 * language without an error and that worker recognised with eng alone (no diacritics) for the
 * rest of the session. A file here only ever appears whole, by rename.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { AppError } from '../../domain/index.js';
import { resourcePath } from '../../platform/index.js';
import type { OcrLanguage } from '../languages.js';

export interface TessdataLocation {
  /** Folder holding the unpacked `<lang>.traineddata` files (tesseract.js `langPath`). */
  langPath: string;
}

export function tessdataFile(lang: OcrLanguage): string {
  return resourcePath('tessdata', `${lang}.traineddata.gz`);
}

export function locateTessdata(
  languages: readonly OcrLanguage[],
  dataDir: string,
): TessdataLocation {
  const hash = createHash('sha256');
  const packed: Array<{ lang: OcrLanguage; file: string; bytes: Buffer }> = [];
  for (const lang of languages) {
    const file = tessdataFile(lang);
    if (!existsSync(file)) throw damaged(lang, file, 'missing');
    const bytes = readFileSync(file);
    packed.push({ lang, file, bytes });
    hash.update(lang).update(bytes);
  }
  const langPath = join(dataDir, 'cache', 'tessdata', hash.digest('hex').slice(0, 16));
  mkdirSync(langPath, { recursive: true });
  for (const { lang, file, bytes } of packed) {
    const target = join(langPath, `${lang}.traineddata`);
    if (existsSync(target)) continue;
    const partial = `${target}.${randomUUID()}.partial`;
    try {
      writeFileSync(partial, unpack(lang, file, bytes));
      renameSync(partial, target);
    } finally {
      rmSync(partial, { force: true });
    }
  }
  return { langPath };
}

function unpack(lang: OcrLanguage, file: string, bytes: Buffer): Buffer {
  try {
    return gunzipSync(bytes);
  } catch (cause) {
    throw damaged(lang, file, 'damaged', cause);
  }
}

function damaged(lang: OcrLanguage, file: string, how: 'missing' | 'damaged', cause?: unknown) {
  return new AppError(
    'UNAVAILABLE',
    {
      vi: `${how === 'missing' ? 'Thiếu' : 'Hỏng'} dữ liệu nhận dạng ngôn ngữ "${lang}" (${file}). Hãy cài lại SoHoa.`,
      en: `OCR language data "${lang}" is ${how} (${file}). Reinstall SoHoa.`,
    },
    { details: { lang, file }, ...(cause === undefined ? {} : { cause }) },
  );
}
