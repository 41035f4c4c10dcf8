import { deflateSync, crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  closeOsd,
  decodeImage,
  processPage,
  resolveProfile,
} from '../../src-main/imaging/index.js';
import { encodePage, renderPage } from '../fixtures/render.js';

// each case renders and cleans full A4 pages; a shared CI machine can take minutes for a few
vi.setConfig({ testTimeout: 300_000 });

afterAll(async () => {
  await closeOsd();
});

const counter = resolveProfile('counter');
const noOsd = resolveProfile('counter', { orientation: false });

describe('colour decision and encoding', () => {
  it('writes a black-and-white text page at 300 dpi as G4 under 60 KB whose strips decode to the page', async () => {
    const page = await renderPage({
      kind: 'prose',
      seed: 41,
      dpi: 300,
      channels: 1,
      skewDegrees: 1.5,
      noise: 4,
      specks: 25,
      bleedThrough: true,
    });
    const { output, decisions, thumbnail } = await processPage(page.image, noOsd);
    expect(decisions.colour.mode).toBe('bw');
    expect(output.format).toBe('tiff-g4');
    expect(output.dpi).toBe(300);
    expect(output.bytes.length).toBeLessThanOrEqual(60 * 1024);
    expect(decisions.output.bytes).toBe(output.bytes.length);
    expect(decisions.specksRemoved).toBeGreaterThan(0);
    // the strips tile the page and sit inside the file
    const strips = output.g4?.strips ?? [];
    expect(strips.reduce((n, s) => n + s.rows, 0)).toBe(output.height);
    for (const s of strips) expect(s.offset + s.length).toBeLessThanOrEqual(output.bytes.length);
    // ink is black: the decoded page is mostly white with a few percent of black
    const { data, info } = await sharp(output.bytes)
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(info.width).toBe(output.width);
    let black = 0;
    for (const v of data) if (v < 128) black++;
    expect(black / data.length).toBeGreaterThan(0.01);
    expect(black / data.length).toBeLessThan(0.15);
    const thumb = await sharp(thumbnail).metadata();
    expect(Math.max(thumb.width ?? 0, thumb.height ?? 0)).toBe(256);
  });

  it('keeps a page with a red seal in colour, at 200 dpi and under 250 KB', async () => {
    const page = await renderPage({
      kind: 'form',
      seed: 42,
      dpi: 300,
      seal: true,
      skewDegrees: -2,
      jpegQuality: 80,
      noise: 3,
    });
    const { output, decisions } = await processPage(page.image, noOsd);
    expect(decisions.colour.mode).toBe('color');
    expect(decisions.colour.redFraction).toBeGreaterThan(0.001);
    expect(output).toMatchObject({ format: 'jpeg', dpi: 200, channels: 3 });
    expect(output.bytes.length).toBeLessThanOrEqual(250 * 1024);
    const meta = await sharp(output.bytes).metadata();
    expect(meta.density).toBe(200);
  });

  it('sends the same page without its seal to black-and-white, and a photograph to colour or grey, never B/W', async () => {
    const plain = await renderPage({
      kind: 'form',
      seed: 42,
      dpi: 200,
      seal: false,
      jpegQuality: 80,
    });
    expect((await processPage(plain.image, noOsd)).decisions.colour.mode).toBe('bw');
    const photo = await renderPage({ kind: 'photo', seed: 43, dpi: 200, channels: 1 });
    const result = await processPage(photo.image, noOsd);
    expect(result.decisions.colour.mode).toBe('grey');
    expect(result.output.channels).toBe(1);
    expect(result.decisions.skew.skipped).toBe('photo');
    expect(result.decisions.blank.blank).toBe(false);
  });

  it('obeys a profile that forces the colour mode', async () => {
    const page = await renderPage({ kind: 'form', seed: 44, dpi: 200, seal: true });
    const { decisions, output } = await processPage(
      page.image,
      resolveProfile('counter', { orientation: false, colorMode: 'grey' }),
    );
    expect(decisions.colour).toMatchObject({ mode: 'grey', forced: true });
    expect(output.channels).toBe(1);
  });
});

describe('blank pages', () => {
  it('flags paper with scanner noise, bleed-through, specks and a dark bed as blank, with a score', async () => {
    const page = await renderPage({
      kind: 'blank',
      seed: 51,
      dpi: 300,
      noise: 6,
      specks: 60,
      bleedThrough: true,
      border: true,
      skewDegrees: 2,
    });
    const { decisions } = await processPage(page.image, counter);
    expect(decisions.blank.blank).toBe(true);
    expect(decisions.blank.score).toBeGreaterThan(0.5);
    expect(decisions.needsReview).toBe(true);
    expect(decisions.orientation).toMatchObject({ flagged: true, applied: false });
  });

  it('does not flag a page holding one short line', async () => {
    const page = await renderPage({
      kind: 'short',
      seed: 52,
      dpi: 200,
      noise: 4,
      specks: 30,
      bleedThrough: true,
    });
    const { decisions } = await processPage(page.image, noOsd);
    expect(decisions.blank.blank).toBe(false);
    expect(decisions.blank.score).toBeLessThan(0.5);
  });
});

describe('decoding untrusted files', () => {
  it('reads the resolution from the file and assumes one from the sheet size when it is missing', async () => {
    const page = await renderPage({ kind: 'short', seed: 61, dpi: 200 });
    const png = await encodePage(page.image, 'png');
    expect((await decodeImage(png)).dpiSource).toBe('file');
    const { width, height, channels } = page.image;
    const bare = await sharp(page.image.data, { raw: { width, height, channels } })
      .png()
      .toBuffer();
    const decoded = await decodeImage(bare);
    expect(decoded).toMatchObject({
      dpiSource: 'assumed',
      image: { dpi: 200, width: page.image.width },
    });
  });

  it('answers a truncated JPEG with a clear error', async () => {
    const page = await renderPage({ kind: 'form', seed: 62, dpi: 200 });
    const jpeg = await encodePage(page.image, 'jpeg');
    const error = await decodeImage(jpeg.subarray(0, jpeg.length >> 1)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'IMAGE_UNREADABLE' });
    expect((error as Error).message).toMatch(/truncated/);
  });

  it('refuses a decompression bomb before decoding it', async () => {
    const error = await decodeImage(bombPng(60_000, 60_000)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'IMAGE_TOO_LARGE' });
    expect((error as { localized(l: string): string }).localized('vi')).toMatch(/quá lớn/);
  });

  it('answers bytes that are no image with a clear error', async () => {
    await expect(
      decodeImage(new TextEncoder().encode('%PDF-1.7 not an image')),
    ).rejects.toMatchObject({ code: 'IMAGE_UNREADABLE' });
  });
});

/** A tiny PNG whose header claims width × height grey pixels (a few rows of real data). */
function bombPng(width: number, height: number): Buffer {
  const chunk = (type: string, body: Buffer): Buffer => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])) >>> 0, 0);
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const rows = deflateSync(Buffer.alloc((width + 1) * 4, 0));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', rows),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
