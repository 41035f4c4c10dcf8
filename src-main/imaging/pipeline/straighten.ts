/**
 * The geometric front of the pipeline: orientation → deskew → border removal, each decided on
 * the ~100 dpi analysis view and composed into one affine map, so the full-resolution page is
 * resampled once (here for `straighten`, which OCR uses; fused with binarisation in cleanPage).
 */
import { cutPaper, paintCells, scaleBox } from '../crop/index.js';
import type { CropReport, PaperCut } from '../crop/index.js';
import { estimateSkew } from '../deskew/index.js';
import type { SkewReport } from '../deskew/index.js';
import {
  offset,
  scaled,
  straightToSource,
  uprightSize,
  warpImage,
  warpPlane,
} from '../geometry/index.js';
import type { Affine, PageGeometry, Size } from '../geometry/index.js';
import { orientPage } from '../orientation/index.js';
import type { OrientationDecision, OrientationReport } from '../orientation/index.js';
import { analysisView, viewOfPlane } from '../pixels/view.js';
import type { AnalysisView } from '../pixels/view.js';
import { assertRawImage } from '../raw.js';
import type { RawImage } from '../raw.js';
import { StageClock } from './clock.js';

export interface StraightenOptions {
  orientation: boolean;
  /** Orientation confidence below which the page is flagged, not turned. */
  minOrientationConfidence: number;
  deskew: boolean;
  maxSkewDegrees: number;
  minSkewDegrees: number;
  crop: boolean;
}

export const defaultStraightenOptions: StraightenOptions = {
  orientation: true,
  minOrientationConfidence: 3,
  deskew: true,
  maxSkewDegrees: 20,
  minSkewDegrees: 0.05,
  crop: true,
};

export interface StraightenResult {
  image: RawImage;
  /** The analysis view of the returned image (later stages reuse it). */
  view: AnalysisView;
  orientation: OrientationReport;
  skew: SkewReport;
  crop: CropReport | null;
  ms: { orientation: number; deskew: number; crop: number; warp: number };
}

/** Everything decided about the page's geometry, before any full-resolution pixel is touched. */
export interface StraightenPlan {
  orientation: OrientationReport;
  skew: SkewReport;
  crop: CropReport | null;
  /** Output pixel → input pixel, full resolution. */
  map: Affine;
  /** Output size, full resolution. */
  size: Size;
  /** Analysis view of the input as scanned. */
  source: AnalysisView;
  /** Analysis view of the output. */
  view: AnalysisView;
  /** Bed cells left inside the cut, to paint with `paper` (null without border removal). */
  cut: PaperCut | null;
  /** Paper grey of the straightened page. */
  paper: number;
}

export async function planStraighten(
  image: RawImage,
  options: Partial<StraightenOptions> = {},
  clock: StageClock = new StageClock(),
): Promise<StraightenPlan> {
  const opts = { ...defaultStraightenOptions, ...options };
  const source = analysisView(image);
  clock.lap('analysis');

  const decided: OrientationDecision = opts.orientation
    ? await orientPage(image, source, {
        minConfidence: opts.minOrientationConfidence,
        maxSkewDegrees: opts.maxSkewDegrees,
      })
    : {
        report: { degrees: 0, confidence: 0, flagged: false, applied: false, skipped: 'disabled' },
        lines: null,
      };
  const orientation = decided.report;
  const geometry: PageGeometry = {
    width: image.width,
    height: image.height,
    quarter: orientation.applied ? orientation.degrees : 0,
    skewDegrees: 0,
  };
  const f = source.factor;
  const upright = uprightSize(geometry);
  const viewSize = { width: Math.floor(upright.width / f), height: Math.floor(upright.height / f) };
  const viewThrough = (g: PageGeometry, fill: number): AnalysisView =>
    viewOfPlane(
      warpPlane(source.plane, scaled(straightToSource(g), f), viewSize, fill),
      f,
      source.dpi,
    );
  // deskew searches the upright view, unless the orientation's line search already did (the
  // photo test it also makes reads tones, which a quarter turn does not change)
  const turned = geometry.quarter !== 0;
  const uprightView =
    turned && !decided.lines ? viewThrough(geometry, source.levels.paper) : undefined;
  clock.lap('orientation');

  const skew: SkewReport = opts.deskew
    ? await estimateSkew(
        image,
        { maxDegrees: opts.maxSkewDegrees, minDegrees: opts.minSkewDegrees },
        uprightView ?? source,
        decided.lines?.lines,
      )
    : { degrees: 0, applied: false, peakRatio: 0, skipped: 'disabled' };
  if (skew.applied) geometry.skewDegrees = skew.degrees;
  // uncovered corners are black when border removal follows (it treats them like the bed)
  const straightView =
    skew.applied || (turned && !uprightView)
      ? viewThrough(geometry, skew.applied && opts.crop ? 0 : source.levels.paper)
      : (uprightView ?? source);
  clock.lap('deskew');

  const map = straightToSource(geometry);
  const paper = straightView.levels.paper;
  if (!opts.crop) {
    clock.lap('crop');
    return {
      orientation,
      skew,
      crop: null,
      map,
      size: upright,
      source,
      view: straightView,
      cut: null,
      paper,
    };
  }
  const cut = cutPaper(straightView);
  const box = scaleBox(cut.box, f);
  clock.lap('crop');
  return {
    orientation,
    skew,
    crop: { box, filledFraction: cut.filledFraction },
    map: offset(map, box.left, box.top),
    size: { width: box.width, height: box.height },
    source,
    view: cut.view,
    cut,
    paper,
  };
}

/** The upright, straight, cropped page (every channel kept) with each decision. */
export async function straighten(
  input: RawImage,
  options: Partial<StraightenOptions> = {},
): Promise<StraightenResult> {
  const image = assertRawImage(input);
  const clock = new StageClock();
  const plan = await planStraighten(image, options, clock);
  const out = warpImage(image, plan.map, plan.size, plan.paper);
  if (plan.cut) paintCells(out, plan.cut, plan.view.factor, plan.paper);
  clock.lap('warp');
  const ms = clock.wall;
  return {
    image: out,
    view: plan.view,
    orientation: plan.orientation,
    skew: plan.skew,
    crop: plan.crop,
    ms: {
      orientation: (ms.analysis ?? 0) + (ms.orientation ?? 0),
      deskew: ms.deskew ?? 0,
      crop: ms.crop ?? 0,
      warp: ms.warp ?? 0,
    },
  };
}
