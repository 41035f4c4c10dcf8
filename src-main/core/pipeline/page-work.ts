/**
 * One page's work, free of the database: the original scan, turned by the clerk's rotation if any,
 * through the imaging pool (orientation → deskew → crop → clean → colour → blank → encode →
 * thumbnail), then OCR of the *processed* image, so word boxes are in the pixels of the image
 * the PDF embeds and the text layer lands exactly over the words.
 */
import type {
  OcrWord as StoredWord,
  Page,
  PageCleanup,
  PageField,
  PageFlag,
} from '../../domain/index.js';
import type { ImagingPool, ProcessingProfile } from '../../imaging/index.js';
import { decodeImage, rawInput, resolveProfile } from '../../imaging/index.js';
import type { OcrEngine, OcrPage } from '../../ocr/index.js';
import type { TextLayerPage } from '../../pdf/index.js';
import { summarizePage } from '../../ocr/index.js';
import type { ProcessingRequest } from '../../store/index.js';
import { checkedField, cleanupOf, flagsOf } from './flags.js';
import type { FlagLimits } from './flags.js';

export interface PageOcrText {
  text: string;
  words: StoredWord[];
  confidence: number;
  engine: string;
}

export interface PageWork {
  processed: { bytes: Uint8Array; mime: string; width: number; height: number; dpi: number };
  thumbnail: Uint8Array;
  decisions: unknown;
  cleanup: PageCleanup;
  flags: PageFlag[];
  fields: PageField[];
  ocr?: PageOcrText;
  textLayer?: TextLayerPage;
}

export interface PageWorkTools {
  imaging: ImagingPool;
  /** Started on first use: a bulk run without OCR never loads the language models. */
  ocr: () => Promise<OcrEngine>;
  limits: FlagLimits;
  /** The station's profile, for pages queued without one. */
  defaultProfile: string;
}

/** The profile for a page: a clerk's rotation is final, so orientation detection is off then. */
export function pageProfile(
  page: Page,
  request: ProcessingRequest,
  defaultProfile: string,
): ProcessingProfile {
  return resolveProfile(request.profile ?? defaultProfile, {
    ...request.overrides,
    ...(page.rotation !== 0 ? { orientation: false } : {}),
  });
}

export async function processPageWork(
  page: Page,
  original: Uint8Array,
  request: ProcessingRequest,
  tools: PageWorkTools,
): Promise<PageWork> {
  const profile = pageProfile(page, request, tools.defaultProfile);
  const result =
    page.rotation === 0
      ? await tools.imaging.processFile(original, profile, page.dpi)
      : await tools.imaging.processRaw(await turned(original, page), profile);
  const inputDpi = result.decisions.input.dpi;
  const cleanup = cleanupOf(result, inputDpi);
  const { output } = result;
  const mime = output.format === 'jpeg' ? 'image/jpeg' : 'image/tiff';

  let ocr: PageOcrText | undefined;
  let textLayer: TextLayerPage | undefined;
  let fields: PageField[] = [];
  if (request.ocr) {
    const engine = await tools.ocr();
    const recognised = await engine.recognize(output.bytes, { dpi: output.dpi });
    textLayer = textLayerOf(recognised);
    const summary = summarizePage(recognised);
    ocr = {
      text: summary.text,
      confidence: summary.confidence,
      engine: `tesseract.js ${engine.languages.join('+')}`,
      words: summary.words.map((w) => ({
        text: w.text,
        confidence: w.confidence,
        bbox: [w.box.x0, w.box.y0, w.box.x1, w.box.y1],
      })),
    };
    fields = summary.fields.map(checkedField);
  }
  return {
    processed: {
      bytes: output.bytes,
      mime,
      width: output.width,
      height: output.height,
      dpi: output.dpi,
    },
    thumbnail: result.thumbnail,
    decisions: { ...result.decisions, dpiSource: result.dpiSource },
    cleanup,
    fields,
    flags: flagsOf(cleanup, ocr, fields, tools.limits, profile.orientation),
    ...(ocr ? { ocr } : {}),
    ...(textLayer ? { textLayer } : {}),
  };
}

/** What the PDF text layer needs of a recognised page, without confidences or block text. */
function textLayerOf(page: OcrPage): TextLayerPage {
  return {
    width: page.width,
    height: page.height,
    blocks: page.blocks.map((b) => ({
      lines: b.lines.map((l) => ({
        box: l.box,
        baseline: l.baseline,
        words: l.words.map((w) => ({ text: w.text, box: w.box })),
      })),
    })),
  };
}

/** The original's pixels turned clockwise by the clerk's rotation. */
async function turned(original: Uint8Array, page: Page) {
  const { image } = await decodeImage(original, page.dpi === undefined ? {} : { dpi: page.dpi });
  const { data, info } = await rawInput(image)
    .rotate(page.rotation)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    width: info.width,
    height: info.height,
    channels: image.channels,
    dpi: image.dpi,
  };
}
