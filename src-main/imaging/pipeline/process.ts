/**
 * One page through the whole pipeline, in this fixed order:
 *
 *   orientation → deskew → crop (scanner bed) → colour decision → binarise (Sauvola) →
 *   clean (despeckle) → blank flag → encode (JPEG | G4) → thumbnail
 *
 * Orientation, deskew, crop and the colour decision are made on the ~100 dpi analysis view;
 * the full-resolution page is then resampled once, straight and cropped, and binarised in the
 * same pass (binarize/warped.ts). A colour page is resampled in colour besides.
 *
 * `cleanPage` runs everything before encoding (the part measured against unpaper);
 * `processPage` adds the encoding. Every decision lands in the page's record (PageDecisions),
 * so a clerk's override of one stage can re-run only what follows it.
 */
import { detectBlank } from '../blank/index.js';
import type { BlankReport } from '../blank/index.js';
import { sauvolaThresholds, warpBinarize } from '../binarize/index.js';
import { despeckle, inkComponents, normaliseLevels } from '../clean/index.js';
import { decideColour } from '../colour/index.js';
import type { ColourReport } from '../colour/index.js';
import { paintCells } from '../crop/index.js';
import type { CropReport } from '../crop/index.js';
import type { SkewReport } from '../deskew/index.js';
import { encodeBw, encodeJpeg, thumbnail } from '../encode/index.js';
import type { EncodedImage } from '../encode/index.js';
import { warpImage } from '../geometry/index.js';
import type { OrientationReport } from '../orientation/index.js';
import { luma } from '../pixels/grey.js';
import type { Levels } from '../pixels/levels.js';
import { tones } from '../pixels/view.js';
import { assertRawImage } from '../raw.js';
import type { RawImage } from '../raw.js';
import { StageClock } from './clock.js';
import type { StageTimes } from './clock.js';
import type { ProcessingProfile } from './profile.js';
import { planStraighten } from './straighten.js';

export interface PageDecisions {
  orientation: OrientationReport;
  skew: SkewReport;
  crop: CropReport | null;
  specksRemoved: number;
  colour: ColourReport;
  blank: BlankReport;
  /** Set when a person should look at the page (orientation unsure, or blank). */
  needsReview: boolean;
  /** The encoded page (absent until encoded). */
  output?: {
    format: EncodedImage['format'];
    bytes: number;
    width: number;
    height: number;
    dpi: number;
  };
  input: { width: number; height: number; channels: number; dpi: number };
  /** Wall-clock milliseconds per stage. */
  ms: StageTimes;
  /**
   * Process CPU milliseconds per stage: the page's own when nothing else runs in the process
   * (`sohoa process`, the benchmark); in the app's worker pool it includes the other workers.
   */
  cpuMs: StageTimes;
}

export interface CleanedPage {
  /**
   * Upright, straight, cropped and despeckled pixels: colour pages in colour, grey pages in grey,
   * black-and-white pages binarised (0 ink, 255 paper, one channel).
   */
  image: RawImage;
  /** The page binarised (Sauvola, despeckled): 0 = ink, 255 = paper, one byte per pixel of `image`. */
  bw: Uint8Array;
  levels: Levels;
  decisions: PageDecisions;
}

export interface ProcessedPage {
  output: EncodedImage;
  thumbnail: Uint8Array;
  decisions: PageDecisions & { output: NonNullable<PageDecisions['output']> };
}

export async function cleanPage(input: RawImage, profile: ProcessingProfile): Promise<CleanedPage> {
  return clean(assertRawImage(input), profile, new StageClock());
}

async function clean(
  input: RawImage,
  profile: ProcessingProfile,
  clock: StageClock,
): Promise<CleanedPage> {
  const plan = await planStraighten(input, profile, clock);
  const { view, paper, cut } = plan;

  // decided on the page as scanned, so a black-and-white page is never resampled in grey
  const colour = decideColour(
    input,
    plan.source,
    tones(plan.source),
    profile.colorMode === 'auto' ? undefined : profile.colorMode,
  );
  clock.lap('colour');

  const grey = luma(input);
  const thresholds = sauvolaThresholds(grey, input.dpi, { k: profile.sauvolaK, range: 128 });
  clock.lap('binarize');

  const bw = warpBinarize({
    source: grey,
    thresholds,
    map: plan.map,
    size: plan.size,
    ...(cut ? { cells: { paint: cut.paint, columns: cut.box.width, factor: view.factor } } : {}),
  });
  let image: RawImage = { ...bw, channels: 1, dpi: input.dpi };
  if (colour.mode !== 'bw') {
    // grey and colour pages are interpolated; photographs are never turned by a skew anyway
    image = warpImage(
      colour.mode === 'color' ? input : { ...input, ...grey, channels: 1 },
      plan.map,
      plan.size,
      paper,
    );
    if (cut) paintCells(image, cut, view.factor, paper);
  }
  clock.lap('warp');

  const labelled = inkComponents(bw);
  const specksRemoved = profile.despeckle
    ? despeckle(image, bw.data, labelled, colour.mode === 'bw' ? 255 : paper).specksRemoved
    : 0;
  clock.lap('clean');

  // specks are below the writing-sized minimum, despeckled or not
  const blank = detectBlank(labelled.components, image.dpi, { maxInkMm2: profile.blankMaxInkMm2 });
  clock.lap('blank');

  return {
    image,
    bw: bw.data,
    levels: view.levels,
    decisions: {
      orientation: plan.orientation,
      skew: plan.skew,
      crop: plan.crop,
      specksRemoved,
      colour,
      blank,
      needsReview: blank.blank || plan.orientation.flagged,
      input: { width: input.width, height: input.height, channels: input.channels, dpi: input.dpi },
      ...timesOf(clock),
    },
  };
}

function timesOf(clock: StageClock): { ms: StageTimes; cpuMs: StageTimes } {
  const { wall, cpu } = clock.total();
  return { ms: wall, cpuMs: cpu };
}

export async function processPage(
  input: RawImage,
  profile: ProcessingProfile,
): Promise<ProcessedPage> {
  const clock = new StageClock();
  const cleaned = await clean(assertRawImage(input), profile, clock);
  const { image, bw, levels, decisions } = cleaned;

  let output: EncodedImage;
  let shown: RawImage;
  if (decisions.colour.mode === 'bw') {
    output = await encodeBw(bw, image.width, image.height, image.dpi);
    shown = image;
  } else {
    shown = normaliseLevels(image, levels.paper, levels.ink);
    output = await encodeJpeg(shown, { quality: profile.jpegQuality, dpi: profile.colorDpi });
  }
  clock.lap('encode');

  const thumb = await thumbnail(shown, profile.thumbnailSize);
  clock.lap('thumbnail');

  return {
    output,
    thumbnail: thumb,
    decisions: {
      ...decisions,
      output: {
        format: output.format,
        bytes: output.bytes.length,
        width: output.width,
        height: output.height,
        dpi: output.dpi,
      },
      ...timesOf(clock),
    },
  };
}
