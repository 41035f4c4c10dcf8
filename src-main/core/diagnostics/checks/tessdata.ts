/**
 * OCR models: each configured language's traineddata ships under resources/tessdata and
 * tesseract.js can actually load it (one worker, started and stopped), which catches a truncated
 * or foreign file that merely exists.
 */
import type { DoctorCheck } from '../../../domain/index.js';
import { OcrEngine } from '../../../ocr/index.js';
import { resourcePath } from '../../../platform/index.js';
import type { StationContext } from './context.js';
import { fail, ok, reasonOf } from './outcome.js';

export function tessdataCheck({ dataDir, config }: StationContext): DoctorCheck {
  return {
    id: 'ocr.tessdata',
    title: { vi: 'Dữ liệu nhận dạng chữ (OCR)', en: 'OCR language data' },
    async run() {
      const languages = config.ocr.languages;
      let engine: OcrEngine | undefined;
      try {
        engine = await OcrEngine.start({ dataDir, languages, workers: 1 });
        return ok({
          vi: `Nạp được ${languages.join('+')} từ ${resourcePath('tessdata')}`,
          en: `Loaded ${languages.join('+')} from ${resourcePath('tessdata')}`,
        });
      } catch (error) {
        return fail(
          reasonOf(error),
          {
            vi: 'Cài lại SoHoa để khôi phục thư mục resources/tessdata',
            en: 'Reinstall SoHoa to restore resources/tessdata',
          },
          { tessdata: resourcePath('tessdata') },
        );
      } finally {
        await engine?.close();
      }
    },
  };
}
