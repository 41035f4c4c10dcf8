/**
 * Import fixtures, generated deterministically: good JPEG/PNG/TIFF (multi-page CCITT G4, made by
 * ImageMagick as older scanners' software does)/PDF files, and the bad ones a clerk meets —
 * truncated, empty, encrypted (qpdf), and a 60,000 × 60,000 PNG header (a decompression bomb).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { PDFDocument, rgb } from 'pdf-lib';
import sharp from 'sharp';

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid PNG header claiming width × height, with one tiny IDAT: rejected before decoding. */
export function hugePng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit grey, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(width + 1))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function stripes(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      data[i] = (x * 255) / width;
      data[i + 1] = (y * 255) / height;
      data[i + 2] = (x + y) % 64 < 32 ? 30 : 220;
    }
  return data;
}

export interface ImportFixtures {
  jpeg: string;
  png: string;
  tiffG4: string;
  pdf: string;
  corruptJpeg: string;
  empty: string;
  truncatedTiff: string;
  encryptedPdf: string;
  huge: string;
}

export async function makeImportFixtures(dir: string): Promise<ImportFixtures> {
  const f = (name: string) => join(dir, name);
  const raw = { raw: { width: 400, height: 300, channels: 3 as const } };
  await sharp(stripes(400, 300), raw)
    .withMetadata({ density: 200 })
    .jpeg({ quality: 90 })
    .toFile(f('good.jpg'));
  await sharp(stripes(400, 300), raw).png().toFile(f('good.png'));
  await sharp(stripes(400, 300), raw).threshold(128).png().toFile(f('bw1.png'));
  await sharp(stripes(400, 300), raw).flop().threshold(128).png().toFile(f('bw2.png'));
  execFileSync('convert', [
    f('bw1.png'),
    f('bw2.png'),
    '-monochrome',
    '-compress',
    'Group4',
    f('multi-g4.tif'),
  ]);
  await sharp(stripes(400, 300), raw).tiff({ compression: 'none' }).toFile(f('plain.tif'));

  const pdf = await PDFDocument.create();
  for (const colour of [rgb(0.8, 0.1, 0.1), rgb(0.1, 0.1, 0.8)]) {
    const page = pdf.addPage([595.28, 841.89]);
    page.drawRectangle({ x: 72, y: 72, width: 300, height: 200, color: colour });
  }
  writeFileSync(f('doc.pdf'), await pdf.save());
  execFileSync('qpdf', [
    '--encrypt',
    'user-pw',
    'owner-pw',
    '256',
    '--',
    f('doc.pdf'),
    f('encrypted.pdf'),
  ]);

  const jpeg = readFileSync(f('good.jpg'));
  writeFileSync(f('corrupt.jpg'), jpeg.subarray(0, Math.floor(jpeg.length * 0.5)));
  const tiff = readFileSync(f('plain.tif'));
  writeFileSync(f('truncated.tif'), tiff.subarray(0, Math.floor(tiff.length * 0.4)));
  writeFileSync(f('empty.png'), Buffer.alloc(0));
  writeFileSync(f('huge.png'), hugePng(60_000, 60_000));

  return {
    jpeg: f('good.jpg'),
    png: f('good.png'),
    tiffG4: f('multi-g4.tif'),
    pdf: f('doc.pdf'),
    corruptJpeg: f('corrupt.jpg'),
    empty: f('empty.png'),
    truncatedTiff: f('truncated.tif'),
    encryptedPdf: f('encrypted.pdf'),
    huge: f('huge.png'),
  };
}
