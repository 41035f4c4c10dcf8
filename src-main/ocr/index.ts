export { OcrEngine, DEFAULT_REVIEW_THRESHOLD, ASSUMED_DPI } from './engine/ocr-engine.js';
export type { OcrEngineOptions, RecognizeOptions } from './engine/ocr-engine.js';
export type { OcrImage } from './engine/image-input.js';
export { OCR_LANGUAGES, DEFAULT_LANGUAGES, parseLanguages } from './languages.js';
export type { OcrLanguage } from './languages.js';
export { pageWords, pageLines, unionBox } from './result/page.js';
export type { OcrBox, OcrWord, OcrLine, OcrBlock, OcrPage, ReviewReason } from './result/page.js';
export { extractFields } from './fields/index.js';
export type { OcrField, FieldKind } from './fields/index.js';
