/**
 * Orientation: which way up the sheet went through the scanner (0/90/180/270, clockwise),
 * decided from the text lines (Tesseract OSD when they are unsure), with a confidence; a page
 * nobody is sure about is flagged, not turned.
 */
export { detectOrientation, orientPage } from './detect.js';
export type { OrientationDecision } from './detect.js';
export { orientationFromLines } from './lines.js';
export type { LineOrientation } from './lines.js';
export { closeOsd } from './osd.js';
export type { Orientation, OrientationOptions, OrientationReport } from './report.js';
