/**
 * Finds the signatures of a PDF: every signature field of the AcroForm (with its kids) whose
 * value is a signature dictionary, with the byte ranges it claims to cover and its CMS blob.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFString,
} from 'pdf-lib';
import { AppError } from '../../domain/index.js';
import { parsePdfDate } from './pdf-date.js';

export interface PdfSignature {
  fieldName: string;
  subFilter: string | undefined;
  byteRange: number[];
  /** The CMS blob, with the placeholder's trailing zero padding still attached. */
  contents: Buffer;
  /** The /M entry of the signature dictionary. */
  dictionaryTime: Date | undefined;
  reason: string | undefined;
}

function text(value: unknown): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString
    ? value.decodeText()
    : undefined;
}

export async function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) {
    throw new AppError('NOT_PDF', { vi: 'Tệp không phải là PDF.', en: 'The file is not a PDF.' });
  }
  try {
    return await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: false });
  } catch (cause) {
    const encrypted = cause instanceof Error && /encrypt/i.test(cause.message);
    throw new AppError(
      encrypted ? 'PDF_ENCRYPTED' : 'PDF_DAMAGED',
      encrypted
        ? {
            vi: 'Tệp PDF đã được mã hóa; không thể ký hoặc kiểm tra.',
            en: 'The PDF is encrypted; it cannot be signed or checked.',
          }
        : { vi: 'Tệp PDF bị hỏng, không đọc được.', en: 'The PDF is damaged and cannot be read.' },
      { cause },
    );
  }
}

/** The terminal fields of the AcroForm, depth first, with their fully qualified names. */
export function* formFields(doc: PDFDocument): Generator<{ name: string; dict: PDFDict }> {
  const acroForm = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = acroForm?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  const walk = function* (
    array: PDFArray | undefined,
    prefix: string,
  ): Generator<{ name: string; dict: PDFDict }> {
    for (let i = 0; i < (array?.size() ?? 0); i += 1) {
      const dict = array?.lookupMaybe(i, PDFDict);
      if (!dict) continue;
      const part = text(dict.get(PDFName.of('T')));
      const name = part === undefined ? prefix : prefix ? `${prefix}.${part}` : part;
      const kids = dict.lookupMaybe(PDFName.of('Kids'), PDFArray);
      if (kids) yield* walk(kids, name);
      else yield { name, dict };
    }
  };
  yield* walk(fields, '');
}

export function findSignatures(doc: PDFDocument): PdfSignature[] {
  const found: PdfSignature[] = [];
  for (const { name, dict } of formFields(doc)) {
    if (dict.lookupMaybe(PDFName.of('FT'), PDFName) !== PDFName.of('Sig')) continue;
    const value = dict.lookupMaybe(PDFName.of('V'), PDFDict);
    if (!value) continue; // an empty signature field, not yet signed
    const range = value.lookupMaybe(PDFName.of('ByteRange'), PDFArray);
    const contents = value.lookup(PDFName.of('Contents'));
    const byteRange: number[] = [];
    for (let i = 0; i < (range?.size() ?? 0); i += 1) {
      byteRange.push(range?.lookupMaybe(i, PDFNumber)?.asNumber() ?? Number.NaN);
    }
    const m = text(value.get(PDFName.of('M')));
    found.push({
      fieldName: name,
      subFilter: value.lookupMaybe(PDFName.of('SubFilter'), PDFName)?.decodeText(),
      byteRange,
      contents:
        contents instanceof PDFHexString || contents instanceof PDFString
          ? Buffer.from(contents.asBytes())
          : Buffer.alloc(0),
      dictionaryTime: m ? parsePdfDate(m) : undefined,
      reason: text(value.get(PDFName.of('Reason'))),
    });
  }
  // Order of signing: the earlier a signature, the shorter the revision it covers.
  return found.sort(
    (a, b) =>
      (a.byteRange[2] ?? 0) +
      (a.byteRange[3] ?? 0) -
      ((b.byteRange[2] ?? 0) + (b.byteRange[3] ?? 0)),
  );
}
