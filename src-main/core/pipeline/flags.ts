/**
 * What a reviewer is told about a processed page: the cleanup's decisions in the stored shape, a
 * note for anything that needs a look, the quality flags, and whether each value read off the
 * page passes the same checks a typed value would.
 */
import type { PageCleanup, PageField, PageFlag } from '../../domain/index.js';
import { parseDossierCode, parseIdentityNumber } from '../../domain/index.js';
import type { PageResult } from '../../imaging/index.js';
import type { OcrField } from '../../ocr/index.js';

/** The national minimum resolution for scanned records. */
export const MIN_SCAN_DPI = 200;

export interface FlagLimits {
  /** |skew| above this (degrees) is flagged. */
  skewDegrees: number;
  /** Mean OCR confidence below this (0..1) is flagged. */
  ocrConfidence: number;
}

export function cleanupOf(result: PageResult, inputDpi: number): PageCleanup {
  const d = result.decisions;
  const warnings: PageCleanup['warnings'] = [];
  if (result.dpiSource === 'assumed')
    warnings.push({
      code: 'DPI_UNKNOWN',
      vi: `Ảnh không ghi độ phân giải; đã giả định ${inputDpi} dpi.`,
      en: `The image records no resolution; ${inputDpi} dpi was assumed.`,
    });
  if (inputDpi < MIN_SCAN_DPI)
    warnings.push({
      code: 'LOW_DPI',
      vi: `Quét ở ${inputDpi} dpi, dưới mức tối thiểu ${MIN_SCAN_DPI} dpi: nên quét lại.`,
      en: `Scanned at ${inputDpi} dpi, below the ${MIN_SCAN_DPI} dpi minimum: rescan it.`,
    });
  if (d.orientation.flagged && !d.blank.blank)
    warnings.push({
      code: 'ORIENTATION_UNSURE',
      vi: 'Không chắc chiều trang: kiểm tra và xoay nếu cần.',
      en: 'Unsure which way is up: check the page and rotate it if needed.',
    });
  if (d.blank.blank)
    warnings.push({
      code: 'BLANK',
      vi: 'Trang có vẻ trắng: xóa nếu đúng là trang trắng.',
      en: 'The page looks blank: delete it if it is.',
    });
  return {
    orientation: {
      degrees: d.orientation.degrees,
      confidence: d.orientation.confidence,
      applied: d.orientation.applied,
    },
    skew: { degrees: d.skew.degrees, applied: d.skew.applied },
    crop: d.crop ? { ...d.crop.box } : null,
    colourMode: d.colour.mode,
    blank: { blank: d.blank.blank, score: d.blank.score },
    output: { ...d.output },
    inputDpi,
    warnings,
  };
}

/** A read value passes when the domain rule a clerk's typing goes through accepts it. */
export function checkedField(field: OcrField): PageField {
  return {
    kind: field.kind,
    value: field.value,
    text: field.text,
    confidence: field.confidence,
    box: [field.box.x0, field.box.y0, field.box.x1, field.box.y1],
    valid: isValid(field),
  };
}

function isValid(field: OcrField): boolean {
  switch (field.kind) {
    case 'cccd':
    case 'cmnd':
      try {
        parseIdentityNumber(field.value);
        return true;
      } catch {
        return false;
      }
    case 'dossierCode':
      return parseDossierCode(field.value) !== undefined;
    case 'date': {
      const time = Date.parse(`${field.value}T00:00:00Z`);
      return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === field.value;
    }
    default:
      return true;
  }
}

export function flagsOf(
  cleanup: PageCleanup,
  ocr: { confidence: number } | undefined,
  fields: readonly PageField[],
  limits: FlagLimits,
  orientationChecked: boolean,
): PageFlag[] {
  const flags: PageFlag[] = [];
  const blank = cleanup.blank.blank;
  if (blank) flags.push('blank');
  // a blank page has no text to read, so neither its confidence nor its orientation means anything
  if (!blank && ocr && ocr.confidence < limits.ocrConfidence) flags.push('low-ocr-confidence');
  if (Math.abs(cleanup.skew.degrees) > limits.skewDegrees) flags.push('skewed');
  if (cleanup.inputDpi < MIN_SCAN_DPI) flags.push('low-dpi');
  if (fields.some((f) => !f.valid)) flags.push('field-invalid');
  if (!blank && orientationChecked && cleanup.warnings.some((w) => w.code === 'ORIENTATION_UNSURE'))
    flags.push('orientation-unsure');
  return flags;
}
