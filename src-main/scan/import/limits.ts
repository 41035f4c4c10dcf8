/**
 * The largest page we accept: 300 million pixels holds A0 at 600 dpi (19,866 × 28,087) with room
 * to spare; beyond it an image is a mistake or a decompression bomb, and decoding it would take
 * gigabytes of memory from a counter PC.
 */
export const MAX_IMPORT_PIXELS = 300_000_000;

/** Resolution assumed for images that do not say theirs. */
export const DEFAULT_IMPORT_DPI = 300;
