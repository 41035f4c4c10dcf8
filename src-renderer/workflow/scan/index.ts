/**
 * The scan step of receiving a dossier, and the small pieces the review step and the scanning of
 * result papers share with it (their styles come with them).
 */
import './scan.css';
export { ScanStep } from './ScanStep.js';
export type { ScanStepProps } from './ScanStep.js';
export { defineTexts } from './text-bundle.js';
export type { TextOf, TextKey } from './text-bundle.js';
export { base64ImageUrl } from './image-url.js';
export { pageMark } from './use-scan-session.js';
export { lastScannerChoice } from './scanner-memory.js';
export { useScanSession } from './use-scan-session.js';
export type { SessionPhase, LandedThumb } from './use-scan-session.js';
export { ScannerPicker } from './ScannerPicker.js';
export { ScanProblem } from './ScanProblem.js';
export { LandedStrip } from './LandedStrip.js';
export type { ScannerChoice } from './scanner-memory.js';
