export { extractFields } from './extract.js';
export type { OcrField, FieldKind } from './field.js';
