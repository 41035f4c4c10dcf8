import type { OcrBox } from '../result/page.js';

export type FieldKind = 'cccd' | 'cmnd' | 'dossierCode' | 'date' | 'phone' | 'name';

/** A value read off a page, with where it was printed and how far to trust it. */
export interface OcrField {
  kind: FieldKind;
  /** Normalised value: digits only for numbers, ISO yyyy-mm-dd for dates, NFC for names. */
  value: string;
  /** The text as recognised. */
  text: string;
  /** 0..1: the recogniser's confidence in the words, lowered when the rule had to guess or repair. */
  confidence: number;
  /** Union of the source words' boxes, in page pixels. */
  box: OcrBox;
  /** The printed label the value followed (e.g. "Họ và tên"), when there was one. */
  label?: string;
}
