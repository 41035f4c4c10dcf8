/**
 * Turns a spooled SANE page (one frame, or three colour planes from a three-pass scanner) into
 * pixels sharp can encode: padding at line ends dropped (bytes_per_line may exceed the pixels),
 * 1-bit lines expanded (SANE gray: 1 = black), 16-bit samples kept in host byte order, planes
 * interleaved. Lossless PNG is what lands; the pipeline decides compression later.
 */
import { readFileSync } from 'node:fs';
import sharp, { type Sharp } from 'sharp';
import { openFileBytes, type KeyLookup } from '../../platform/index.js';
import type { SpoolFrame, SpooledPage } from '../host/spool.js';
import { thumbnailFrom } from '../thumbnail.js';

export interface Raster {
  width: number;
  height: number;
  channels: 1 | 3;
  /** 8 or 16 bits per sample (1-bit input is expanded to 8). */
  depth: 8 | 16;
  data: Buffer;
}

/** One frame's samples, tightly packed, one byte (or two for 16-bit) per sample. */
function unpackFrame(data: Buffer, frame: SpoolFrame, channels: number, height: number): Buffer {
  const samples = frame.pixelsPerLine * channels;
  const bytesPerSample = frame.depth === 16 ? 2 : 1;
  const out = Buffer.alloc(samples * height * bytesPerSample);
  for (let y = 0; y < height; y++) {
    const line = frame.offset + y * frame.bytesPerLine;
    if (frame.depth === 1) {
      const invert = frame.format === 'gray'; // in SANE gray lineart a set bit is black
      for (let x = 0; x < samples; x++) {
        const bit = ((data[line + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1;
        out[y * samples + x] = (bit === 1) !== invert ? 255 : 0;
      }
    } else {
      data.copy(out, y * samples * bytesPerSample, line, line + samples * bytesPerSample);
    }
  }
  return out;
}

/** The page's pixels; a sealed spool file is opened with the key it names. */
export function rasterFromSpool(page: SpooledPage, keyFor: KeyLookup): Raster {
  const data = openFileBytes(readFileSync(page.dataFile), keyFor);
  const first = page.frames[0];
  if (!first) throw new Error(`spooled page ${page.index} has no frames`);
  const depth = first.depth === 16 ? 16 : 8;
  const height = Math.min(...page.frames.map((f) => f.lines));
  const width = first.pixelsPerLine;
  if (height <= 0 || width <= 0)
    throw new Error(`spooled page ${page.index} holds no complete line`);

  if (page.frames.length === 1 && (first.format === 'gray' || first.format === 'rgb')) {
    const channels = first.format === 'rgb' ? 3 : 1;
    const tight = first.depth >= 8 && first.bytesPerLine === width * channels * (depth / 8);
    // The common case (no padding, 8/16 bit) needs no copy at all.
    const pixels = tight
      ? data.subarray(first.offset, first.offset + height * first.bytesPerLine)
      : unpackFrame(data, first, channels, height);
    return { width, height, channels, depth, data: pixels };
  }
  // Three-pass: red, green and blue planes in whatever order the device sent them.
  const bytesPerSample = depth / 8;
  const out = Buffer.alloc(width * height * 3 * bytesPerSample);
  for (const frame of page.frames) {
    const channel = ['red', 'green', 'blue'].indexOf(frame.format);
    if (channel < 0)
      throw new Error(
        `spooled page ${page.index}: unexpected ${frame.format} frame in a multi-frame page`,
      );
    const plane = unpackFrame(data, frame, 1, height);
    for (let i = 0; i < width * height; i++) {
      for (let b = 0; b < bytesPerSample; b++) {
        out[(i * 3 + channel) * bytesPerSample + b] = plane[i * bytesPerSample + b] ?? 0;
      }
    }
  }
  return { width, height, channels: 3, depth, data: out };
}

/** sharp input for a raster; 16-bit samples go in as a Uint16Array (2-byte aligned). */
function rawInput(raster: Raster): Sharp {
  const { width, height, channels, depth, data } = raster;
  if (depth === 8) return sharp(data, { raw: { width, height, channels } });
  const aligned = data.byteOffset % 2 === 0 ? data : Buffer.from(data);
  return sharp(new Uint16Array(aligned.buffer, aligned.byteOffset, aligned.length / 2), {
    raw: { width, height, channels },
  });
}

/** The preview the `pageAcquired` event carries, made from the pixels (no PNG decode). */
export function rasterThumbnail(raster: Raster): Promise<string> {
  return thumbnailFrom(rawInput(raster));
}

/**
 * Lossless PNG at a fast zlib level: the acquired original must be on disk quickly; the
 * pipeline's compress stage makes the small archival version.
 */
export function encodeRaster(raster: Raster): Promise<Buffer> {
  const space =
    raster.depth === 16
      ? raster.channels === 3
        ? 'rgb16'
        : 'grey16'
      : raster.channels === 3
        ? 'srgb'
        : 'b-w';
  return rawInput(raster).toColourspace(space).png({ compressionLevel: 1 }).toBuffer();
}
