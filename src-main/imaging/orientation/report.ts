/** What the orientation stage decides and reports. */

export type Orientation = 0 | 90 | 180 | 270;

export interface OrientationReport {
  /** How far the input is turned clockwise from upright (0 when unknown). */
  degrees: Orientation;
  /**
   * How sure the deciding method is, on Tesseract's OSD scale (0 when there was no text to judge
   * by). The text-line method reports 20 × its ascender/descender asymmetry, so one threshold
   * (the profile's minOrientationConfidence, 3 by default) serves both.
   */
  confidence: number;
  /** Set when the page needs a person to look: low confidence or no text to judge by. */
  flagged: boolean;
  /** Whether the page was turned upright. */
  applied: boolean;
  skipped?: 'no-text' | 'low-confidence' | 'disabled';
  /** Which method decided: the page's text lines, or Tesseract OSD when the lines were unsure. */
  method?: 'text-lines' | 'osd';
}

export interface OrientationOptions {
  /** Below this confidence the page is flagged, not turned (default 3). */
  minConfidence: number;
}
