/**
 * Separator sheets as a scanner hands them over: a patch-code sheet drawn to the Kodak geometry
 * (A-61599: bars and spaces 0.08 in or 0.20 in, 0.80 in in all, bars 2.5 in long), a sheet
 * carrying a barcode (zxing-wasm's writer, from node_modules' own .wasm), and a ruled table page
 * (a page that must NOT read as a patch). Grey PNG at the given dpi, optionally skewed, with
 * sensor noise and dust specks.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import sharp, { type OverlayOptions } from 'sharp';
import { prepareZXingModule, writeBarcode, type WriteInputBarcodeFormat } from 'zxing-wasm/writer';
import type { PatchType } from '../../src-main/domain/index.js';
import { Random } from '../fixtures/random.js';

const PAPER = 247;
const INK = 20;

/**
 * Bar, space, bar, space, bar, space, bar widths in leading-edge order, 1 = 0.08 in, 2 = 0.20 in
 * (read off the spec's zone table: each zone is where an element ends).
 */
export const PATCH_ELEMENTS: Record<PatchType, string> = {
  '1': '2121111',
  '2': '2111112',
  '3': '2111211',
  '4': '1121211',
  '6': '1111212',
  T: '1121112',
};

export interface SheetOptions {
  dpi: 200 | 300;
  /** Counter-clockwise feed skew, degrees. */
  skewDegrees?: number;
  /** Sensor noise, standard deviation in grey levels. */
  noise?: number;
  /** Dust specks. */
  specks?: number;
  seed?: number;
}

const inch = (dpi: number, v: number) => Math.round(v * dpi);

function a4(dpi: number): { width: number; height: number } {
  return { width: inch(dpi, 8.27), height: inch(dpi, 11.69) };
}

function textSvg(dpi: number, lines: string[], topInch: number): Buffer {
  const { width, height } = a4(dpi);
  const size = inch(dpi, 0.25);
  const body = lines
    .map(
      (l, i) =>
        `<text x="${inch(dpi, 1.2)}" y="${inch(dpi, topInch) + i * size * 1.6}" font-family="Liberation Sans" font-size="${size}">${l}</text>`,
    )
    .join('');
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${body}</svg>`,
  );
}

/** The symbol's bars as SVG rects: `across` bars parallel to the top edge, read downwards from
 * `at`; `along` bars parallel to the sides, read leftwards from the right edge minus `at`. */
function patchRects(type: PatchType, dpi: number, bars: 'across' | 'along', at: number): string {
  const length = inch(dpi, 2.5);
  let pos = 0;
  let out = '';
  [...PATCH_ELEMENTS[type]].forEach((e, k) => {
    const w = (e === '2' ? 0.2 : 0.08) * dpi;
    if (k % 2 === 0) {
      out +=
        bars === 'across'
          ? `<rect x="${inch(dpi, 1.5)}" y="${at + pos}" width="${length}" height="${w}" fill="black"/>`
          : `<rect x="${a4(dpi).width - at - pos - w}" y="${inch(dpi, 3)}" width="${w}" height="${length}" fill="black"/>`;
    }
    pos += w;
  });
  return out;
}

/** Turns, roughens and encodes a page drawn as SVG layers on paper. */
async function scan(layers: OverlayOptions[], options: SheetOptions): Promise<Buffer> {
  const { width, height } = a4(options.dpi);
  let img = sharp({
    create: { width, height, channels: 3, background: { r: PAPER, g: PAPER, b: PAPER } },
  })
    .composite(layers)
    .greyscale();
  if (options.skewDegrees) {
    const turned = await img.raw().toBuffer({ resolveWithObject: true });
    img = sharp(turned.data, { raw: { width, height, channels: turned.info.channels } })
      .rotate(-options.skewDegrees, { background: { r: PAPER, g: PAPER, b: PAPER } })
      .greyscale();
  }
  const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
  const grey = info.channels === 1 ? data : Buffer.alloc(info.width * info.height);
  if (info.channels !== 1)
    for (let i = 0; i < grey.length; i++) grey[i] = data[i * info.channels] as number;
  const rng = new Random(options.seed ?? 1);
  for (let s = 0; s < (options.specks ?? 0); s++) {
    const cx = rng.int(0, info.width - 1);
    const cy = rng.int(0, info.height - 1);
    const r = rng.int(1, 3);
    for (let y = Math.max(0, cy - r); y < Math.min(info.height, cy + r); y++)
      for (let x = Math.max(0, cx - r); x < Math.min(info.width, cx + r); x++)
        grey[y * info.width + x] = INK;
  }
  const sd = options.noise ?? 0;
  if (sd > 0)
    for (let i = 0; i < grey.length; i++) {
      const v = (grey[i] as number) + rng.gaussian() * sd;
      grey[i] = Math.max(0, Math.min(255, Math.round(v)));
    }
  return sharp(grey, { raw: { width: info.width, height: info.height, channels: 1 } })
    .withMetadata({ density: options.dpi })
    .png({ compressionLevel: 3 })
    .toBuffer();
}

/** A patch-code separator sheet with a printed label, as offices print them. */
export function patchSheet(
  type: PatchType,
  options: SheetOptions & { bars?: 'across' | 'along' },
): Promise<Buffer> {
  const { dpi } = options;
  const { width, height } = a4(dpi);
  const bars = options.bars ?? 'across';
  const svg = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${patchRects(type, dpi, bars, inch(dpi, 1))}</svg>`,
  );
  return scan(
    [
      { input: svg, left: 0, top: 0 },
      {
        input: textSvg(dpi, [`PATCH ${type}`, 'Tờ tách hồ sơ / separator sheet'], 6),
        left: 0,
        top: 0,
      },
    ],
    options,
  );
}

/** A form page ruled as a table: thin cell rules, heavy outer border, a double rule under its head. */
export function tablePage(options: SheetOptions): Promise<Buffer> {
  const { dpi } = options;
  const { width, height } = a4(dpi);
  const left = inch(dpi, 1.2);
  const right = width - inch(dpi, 0.8);
  const top = inch(dpi, 1.5);
  const row = inch(dpi, 0.3);
  let rules = `<rect x="${left}" y="${top}" width="${right - left}" height="${row * 25}" fill="none" stroke="black" stroke-width="${inch(dpi, 0.03)}"/>`;
  for (let r = 1; r < 25; r++) {
    const w = r === 1 ? inch(dpi, 0.02) : Math.max(1, inch(dpi, 0.008));
    rules += `<line x1="${left}" y1="${top + r * row}" x2="${right}" y2="${top + r * row}" stroke="black" stroke-width="${w}"/>`;
    if (r === 1)
      rules += `<line x1="${left}" y1="${top + r * row + inch(dpi, 0.05)}" x2="${right}" y2="${top + r * row + inch(dpi, 0.05)}" stroke="black" stroke-width="${w}"/>`;
  }
  for (const c of [0.9, 3.2, 4.6, 5.6])
    rules += `<line x1="${left + inch(dpi, c)}" y1="${top}" x2="${left + inch(dpi, c)}" y2="${top + row * 25}" stroke="black" stroke-width="${inch(dpi, 0.012)}"/>`;
  for (let r = 0; r < 25; r++)
    rules += `<text x="${left + inch(dpi, 0.1)}" y="${top + r * row + row * 0.7}" font-family="Liberation Sans" font-size="${row * 0.55}">${r + 1}   Nguyễn Văn An   0123456789   Đã nhận</text>`;
  const svg = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${rules}</svg>`,
  );
  return scan([{ input: svg, left: 0, top: 0 }], options);
}

let writerReady: Promise<unknown> | undefined;

/** A receipt-like sheet carrying `text` in a barcode of this format, 1 in from the top. */
export async function barcodeSheet(
  format: WriteInputBarcodeFormat,
  text: string,
  options: SheetOptions,
): Promise<Buffer> {
  if (!writerReady) {
    const wasm = readFileSync(
      createRequire(import.meta.url).resolve('zxing-wasm/writer/zxing_writer.wasm'),
    );
    writerReady = prepareZXingModule({
      overrides: {
        wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength),
      },
      fireImmediately: true,
    });
  }
  await writerReady;
  const written = await writeBarcode(text, { format, scale: options.dpi >= 300 ? 4 : 3 });
  if (!written.image) throw new Error(`zxing could not write ${format}: ${written.error}`);
  const symbol = Buffer.from(await written.image.arrayBuffer());
  return scan(
    [
      { input: symbol, left: inch(options.dpi, 1.2), top: inch(options.dpi, 1) },
      { input: textSvg(options.dpi, ['Phiếu hẹn trả kết quả', text], 4), left: 0, top: 0 },
    ],
    options,
  );
}
