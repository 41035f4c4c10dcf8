/**
 * One page through the whole pipeline, in this fixed order:
 *
 *   orientation → deskew → crop (scanner bed) → binarise (Sauvola) → clean (despeckle) →
 *   colour decision → blank flag → encode (JPEG | G4) → thumbnail
 *
 * `cleanPage` runs everything before encoding (the part measured against unpaper);
 * `processPage` adds the encoding. Every decision lands in the page's record (PageDecisions),
 * so a clerk's override of one stage can re-run only what follows it.
 */
import { detectBlank } from '../blank/index.js';
import type { BlankReport } from '../blank/index.js';
import { sauvola } from '../binarize/index.js';
import { despeckle, labelComponents, normaliseLevels } from '../clean/index.js';
import { decideColour } from '../colour/index.js';
import type { ColourReport } from '../colour/index.js';
import type { CropReport } from '../crop/index.js';
import type { SkewReport } from '../deskew/index.js';
import { encodeBw, encodeJpeg, thumbnail } from '../encode/index.js';
import type { EncodedImage } from '../encode/index.js';
import type { OrientationReport } from '../orientation/index.js';
import { luma } from '../pixels/grey.js';
import type { Levels } from '../pixels/levels.js';
import { tones } from '../pixels/view.js';
import type { RawImage } from '../raw.js';
import type { ProcessingProfile } from './profile.js';
import { straighten } from './straighten.js';

type Stage =
  | 'orientation'
  | 'deskew'
  | 'crop'
  | 'binarize'
  | 'clean'
  | 'colour'
  | 'blank'
  | 'encode'
  | 'thumbnail'
  | 'total';

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
  ms: Partial<Record<Stage, number>>;
}

export interface CleanedPage {
  /** Upright, straight, cropped and despeckled pixels. */
  image: RawImage;
  /** 1 = ink (Sauvola, despeckled), one byte per pixel of `image`. */
  ink: Uint8Array;
  levels: Levels;
  decisions: PageDecisions;
}

export interface ProcessedPage {
  output: EncodedImage;
  thumbnail: Uint8Array;
  decisions: PageDecisions & { output: NonNullable<PageDecisions['output']> };
}

const round = (v: number): number => Math.round(v * 10) / 10;

export async function cleanPage(input: RawImage, profile: ProcessingProfile): Promise<CleanedPage> {
  const started = performance.now();
  const straight = await straighten(input, profile);
  let image = straight.image;
  const { view } = straight;

  let t = performance.now();
  const grey = luma(image);
  const ink = sauvola(grey, image.dpi, { k: profile.sauvolaK, range: 128 });
  const msBinarize = performance.now() - t;

  t = performance.now();
  const labelled = labelComponents(ink, image.width, image.height);
  // despeckle paints on the pixels; work on a copy when they are still the caller's
  if (image === input) image = { ...image, data: new Uint8Array(image.data) };
  const specksRemoved = profile.despeckle
    ? despeckle(image, ink, labelled, view.levels.paper).specksRemoved
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

  return {
    image,
    ink,
    levels: view.levels,
    decisions: {
      orientation: straight.orientation,
      skew: straight.skew,
      crop: straight.crop,
      specksRemoved,
      colour,
      blank,
      needsReview: blank.blank || straight.orientation.flagged,
      input: { width: input.width, height: input.height, channels: input.channels, dpi: input.dpi },
      ms: {
        orientation: round(straight.ms.orientation),
        deskew: round(straight.ms.deskew),
        crop: round(straight.ms.crop),
        binarize: round(msBinarize),
        clean: round(msClean),
        colour: round(msColour),
        blank: round(msBlank),
        total: round(performance.now() - started),
      },
    },
  };
}

export async function processPage(
  input: RawImage,
  profile: ProcessingProfile,
): Promise<ProcessedPage> {
  const started = performance.now();
  const cleaned = await cleanPage(input, profile);
  const { image, ink, levels, decisions } = cleaned;

  let t = performance.now();
  let output: EncodedImage;
  let shown: RawImage;
  if (decisions.colour.mode === 'bw') {
    output = await encodeBw(ink, image.width, image.height, image.dpi);
    const g = new Uint8Array(ink.length);
    for (let i = 0; i < g.length; i++) g[i] = ink[i] === 1 ? 0 : 255;
    shown = { data: g, width: image.width, height: image.height, channels: 1, dpi: image.dpi };
  } else {
    const source: RawImage =
      decisions.colour.mode === 'grey' ? { ...image, data: luma(image).data, channels: 1 } : image;
    shown = normaliseLevels(source, levels.paper, levels.ink);
    output = await encodeJpeg(shown, { quality: profile.jpegQuality, dpi: profile.colorDpi });
  }
  const msEncode = performance.now() - t;

  t = performance.now();
  const thumb = await thumbnail(shown, profile.thumbnailSize);
  const msThumbnail = performance.now() - t;

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
      ms: {
        ...decisions.ms,
        encode: round(msEncode),
        thumbnail: round(msThumbnail),
        total: round(performance.now() - started),
      },
    },
  };
}
