/**
 * One page through the whole pipeline, in this fixed order:
 *
 *   orientation → deskew → crop (scanner bed) → binarise (Sauvola) → clean (despeckle,
 *   levels) → colour decision → blank flag → encode (JPEG | G4) → thumbnail
 *
 * Every decision lands in the page's record (PageDecisions), so a clerk's override of one
 * stage can re-run only what follows it.
 */
import { detectBlank } from '../blank/index.js';
import type { BlankReport } from '../blank/index.js';
import { sauvola } from '../binarize/index.js';
import { despeckle, labelComponents, normaliseLevels } from '../clean/index.js';
import { decideColour } from '../colour/index.js';
import type { ColourReport } from '../colour/index.js';
import type { CropReport } from '../crop/index.js';
import { encodeBw, encodeJpeg, thumbnail } from '../encode/index.js';
import type { EncodedImage } from '../encode/index.js';
import type { OrientationReport } from '../orientation/index.js';
import { luma } from '../pixels/grey.js';
import { tones } from '../pixels/view.js';
import type { RawImage } from '../raw.js';
import type { SkewReport } from '../deskew/index.js';
import type { ProcessingProfile } from './profile.js';
import { straighten } from './straighten.js';

export interface PageDecisions {
  orientation: OrientationReport;
  skew: SkewReport;
  crop: CropReport | null;
  specksRemoved: number;
  colour: ColourReport;
  blank: BlankReport;
  /** Set when a person should look at the page (orientation unsure, or blank). */
  needsReview: boolean;
  output: {
    format: EncodedImage['format'];
    bytes: number;
    width: number;
    height: number;
    dpi: number;
  };
  input: { width: number; height: number; channels: number; dpi: number };
  /** Milliseconds per stage. */
  ms: Record<
    | 'orientation'
    | 'deskew'
    | 'crop'
    | 'binarize'
    | 'clean'
    | 'colour'
    | 'blank'
    | 'encode'
    | 'thumbnail'
    | 'total',
    number
  >;
}

export interface ProcessedPage {
  output: EncodedImage;
  thumbnail: Uint8Array;
  decisions: PageDecisions;
}

export async function processPage(
  input: RawImage,
  profile: ProcessingProfile,
): Promise<ProcessedPage> {
  const started = performance.now();
  const straight = await straighten(input, profile);
  let image = straight.image;
  const { view } = straight;
  const { paper, ink } = view.levels;

  let t = performance.now();
  const grey = luma(image);
  const inkMask = sauvola(grey, image.dpi, { k: profile.sauvolaK, range: 128 });
  const msBinarize = performance.now() - t;

  t = performance.now();
  const labelled = labelComponents(inkMask, image.width, image.height);
  // despeckle paints on the pixels; work on a copy when they are the caller's
  if (image === input) image = { ...image, data: new Uint8Array(image.data) };
  const specksRemoved = profile.despeckle
    ? despeckle(image, inkMask, labelled, paper).specksRemoved
    : 0;
  const msClean = performance.now() - t;

  t = performance.now();
  const colour = decideColour(
    image,
    view,
    tones(view),
    profile.colorMode === 'auto' ? undefined : profile.colorMode,
  );
  const msColour = performance.now() - t;

  t = performance.now();
  // specks are below the writing-sized minimum, despeckled or not
  const blank = detectBlank(labelled.components, image.dpi, { maxInkMm2: profile.blankMaxInkMm2 });
  const msBlank = performance.now() - t;

  t = performance.now();
  let output: EncodedImage;
  let shown: RawImage;
  if (colour.mode === 'bw') {
    output = await encodeBw(inkMask, image.width, image.height, image.dpi);
    const g = new Uint8Array(inkMask.length);
    for (let i = 0; i < g.length; i++) g[i] = inkMask[i] === 1 ? 0 : 255;
    shown = { data: g, width: image.width, height: image.height, channels: 1, dpi: image.dpi };
  } else {
    const source: RawImage =
      colour.mode === 'grey' && image.channels !== 1
        ? { ...image, data: grey.data, channels: 1 }
        : image;
    shown = normaliseLevels(source, paper, ink);
    output = await encodeJpeg(shown, { quality: profile.jpegQuality, dpi: profile.colorDpi });
  }
  const msEncode = performance.now() - t;

  t = performance.now();
  const thumb = await thumbnail(shown, profile.thumbnailSize);
  const msThumbnail = performance.now() - t;

  const round = (v: number): number => Math.round(v * 10) / 10;
  return {
    output,
    thumbnail: thumb,
    decisions: {
      orientation: straight.orientation,
      skew: straight.skew,
      crop: straight.crop,
      specksRemoved,
      colour,
      blank,
      needsReview: blank.blank || straight.orientation.flagged,
      output: {
        format: output.format,
        bytes: output.bytes.length,
        width: output.width,
        height: output.height,
        dpi: output.dpi,
      },
      input: { width: input.width, height: input.height, channels: input.channels, dpi: input.dpi },
      ms: {
        orientation: round(straight.ms.orientation),
        deskew: round(straight.ms.deskew),
        crop: round(straight.ms.crop),
        binarize: round(msBinarize),
        clean: round(msClean),
        colour: round(msColour),
        blank: round(msBlank),
        encode: round(msEncode),
        thumbnail: round(msThumbnail),
        total: round(performance.now() - started),
      },
    },
  };
}
