/**
 * Output encoding. Colour and grey pages: JPEG through sharp's mozjpeg at the profile's output
 * resolution (200 dpi by default). Black-and-white pages: CCITT Group 4 in a TIFF at full
 * resolution (1 bit, PhotometricInterpretation = WhiteIsZero, FillOrder 1, 256-row strips).
 *
 * For the PDF: each strip of `g4.strips` is a complete G4 code stream for `rows` rows of
 * `width` columns — embed `bytes.subarray(offset, offset + length)` as an image XObject with
 * /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns width /Rows rows >> (BlackIs1 false),
 * /BitsPerComponent 1, /ColorSpace /DeviceGray, strips stacked top to bottom. No re-encoding.
 */
import sharp from 'sharp';
import { rawInput } from '../pixels/sharp.js';
import type { RawImage } from '../raw.js';
import { tiffStrips } from './tiff-strips.js';
import type { TiffStrip } from './tiff-strips.js';

export type { TiffStrip } from './tiff-strips.js';

export interface EncodedImage {
  format: 'jpeg' | 'tiff-g4';
  mimeType: 'image/jpeg' | 'image/tiff';
  bytes: Uint8Array;
  width: number;
  height: number;
  dpi: number;
  channels: 1 | 3;
  /** Only for 'tiff-g4': the coded strips, see the module comment. */
  g4?: { strips: TiffStrip[]; blackIs1: false };
}

const MM_PER_INCH = 25.4;

/** G4 TIFF of a black-and-white plane (0 = ink, 255 = paper). */
export async function encodeBw(
  bw: Uint8Array,
  width: number,
  height: number,
  dpi: number,
): Promise<EncodedImage> {
  const bytes = await sharp(bw, { raw: { width, height, channels: 1 } })
    .toColourspace('b-w')
    .tiff({
      compression: 'ccittfax4',
      bitdepth: 1,
      miniswhite: true,
      xres: dpi / MM_PER_INCH,
      yres: dpi / MM_PER_INCH,
      resolutionUnit: 'inch',
    })
    .toBuffer();
  return {
    format: 'tiff-g4',
    mimeType: 'image/tiff',
    bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length),
    width,
    height,
    dpi,
    channels: 1,
    g4: { strips: tiffStrips(bytes), blackIs1: false },
  };
}

/** mozjpeg at `dpi` (downsampled when the page is finer); grey stays one channel. */
export async function encodeJpeg(
  image: RawImage,
  options: { quality: number; dpi: number },
): Promise<EncodedImage> {
  const scale = Math.min(1, options.dpi / image.dpi);
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const dpi = Math.round(image.dpi * scale);
  const grey = image.channels === 1;
  let pipeline = rawInput(image);
  if (image.channels === 4) pipeline = pipeline.flatten({ background: '#ffffff' });
  if (scale < 1) pipeline = pipeline.resize(width, height, { kernel: 'lanczos3' });
  const bytes = await pipeline
    .withMetadata({ density: dpi })
    .jpeg({ quality: options.quality, mozjpeg: true, chromaSubsampling: '4:2:0' })
    .toBuffer();
  return {
    format: 'jpeg',
    mimeType: 'image/jpeg',
    bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length),
    width,
    height,
    dpi,
    channels: grey ? 1 : 3,
  };
}

/** A JPEG thumbnail whose longer side is `size` pixels. */
export async function thumbnail(image: RawImage, size = 256): Promise<Uint8Array> {
  let pipeline = rawInput(image);
  if (image.channels === 4) pipeline = pipeline.flatten({ background: '#ffffff' });
  const bytes = await pipeline
    .resize(size, size, { fit: 'inside' })
    .jpeg({ quality: 70, mozjpeg: true })
    .toBuffer();
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}
