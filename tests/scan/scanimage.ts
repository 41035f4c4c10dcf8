/**
 * An independent oracle: SANE's own `scanimage` reads the same test device with the same
 * settings, and its PNM output is what our PNG pages must decode to, sample for sample.
 */
import { spawnSync } from 'node:child_process';
import sharp from 'sharp';

export interface Samples {
  width: number;
  height: number;
  channels: number;
  /** 8-bit samples, or 16-bit little-endian pairs. */
  data: Buffer;
  bits: 8 | 16;
}

function parsePnm(pnm: Buffer, paddedWidth?: number): Samples {
  let pos = 0;
  const tokens: string[] = [];
  const magic = pnm.subarray(0, 2).toString('ascii');
  const needed = magic === 'P4' ? 3 : 4;
  while (tokens.length < needed) {
    while (/\s/.test(String.fromCharCode(pnm[pos] ?? 32))) pos++;
    if (pnm[pos] === 0x23) {
      while (pnm[pos] !== 0x0a) pos++;
      continue;
    }
    const start = pos;
    while (!/\s/.test(String.fromCharCode(pnm[pos] ?? 32))) pos++;
    tokens.push(pnm.subarray(start, pos).toString('ascii'));
  }
  pos++; // the single whitespace before the raster
  const width = Number(tokens[1]);
  const height = Number(tokens[2]);
  const body = pnm.subarray(pos);
  if (magic === 'P4') {
    const stride = Math.ceil(width / 8);
    const data = Buffer.alloc(width * height);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++)
        data[y * width + x] = ((body[y * stride + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1 ? 0 : 255;
    return { width, height, channels: 1, data, bits: 8 };
  }
  const channels = magic === 'P6' ? 3 : 1;
  if (Number(tokens[3]) > 255) {
    const data = Buffer.alloc(width * height * channels * 2);
    for (let i = 0; i < data.length; i += 2) data.writeUInt16LE(body.readUInt16BE(i), i);
    return { width, height, channels, data, bits: 16 };
  }
  const stride = (paddedWidth ?? width) * channels;
  const data = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++)
    body.copy(data, y * width * channels, y * stride, y * stride + width * channels);
  return { width, height, channels, data, bits: 8 };
}

/** @param paddedWidth pixels per line as transferred, when the device pads lines (8-bit only) */
export function scanimage(args: string[], paddedWidth?: number): Samples {
  const run = spawnSync('scanimage', ['-d', 'test:0', '--format=pnm', ...args], {
    env: { ...process.env, LC_ALL: 'C' },
    maxBuffer: 1 << 28,
  });
  if (run.status !== 0) throw new Error(`scanimage failed: ${run.stderr.toString()}`);
  return parsePnm(run.stdout, paddedWidth);
}

export async function pngSamples(file: string): Promise<Samples> {
  const meta = await sharp(file).metadata();
  const channels = meta.channels ?? 1;
  if (meta.depth === 'ushort') {
    const data = await sharp(file)
      .toColourspace(channels === 3 ? 'rgb16' : 'grey16')
      .raw({ depth: 'ushort' })
      .toBuffer();
    return { width: meta.width ?? 0, height: meta.height ?? 0, channels, data, bits: 16 };
  }
  const data = await sharp(file)
    .toColourspace(channels === 3 ? 'srgb' : 'b-w')
    .raw()
    .toBuffer();
  return { width: meta.width ?? 0, height: meta.height ?? 0, channels, data, bits: 8 };
}
