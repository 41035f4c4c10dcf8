import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/domain/index.js';
import { OcrEngine } from '../../src-main/ocr/index.js';
import type { OcrPage } from '../../src-main/ocr/index.js';
import { assemblePdf } from '../../src-main/pdf/index.js';
import { cer, textImage } from '../ocr/support.js';
import { listImages, qpdfCheck, tool } from './tools.js';

const dir = mkdtempSync(join(tmpdir(), 'sohoa-pdf-'));
const LINES = [
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Kính gửi: Ủy ban nhân dân phường Bến Nghé, Quận 1.',
  'Họ và tên: Nguyễn Văn Đặng; số CCCD 079203001234.',
  'Tôi xin cam đoan những nội dung khai trên là đúng sự thật.',
];
const META = {
  title: 'Đơn đề nghị cấp giấy chứng nhận',
  agency: 'UBND phường Bến Nghé',
  MaHoSo: '000.00.06.H56-231027-0361',
  MaTTHC: '1.001234',
};
let grey: Buffer;
let jpeg: Buffer;
let ocr: OcrPage;

beforeAll(async () => {
  grey = await textImage(LINES);
  jpeg = await sharp(grey).toColourspace('b-w').jpeg({ quality: 85 }).withDensity(300).toBuffer();
  const engine = await OcrEngine.start({ dataDir: join(dir, 'data'), workers: 1 });
  try {
    ocr = await engine.recognize(jpeg);
  } finally {
    await engine.close();
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The page thresholded to black and white, as G4 TIFF with libvips's default 256-row strips or one strip. */
async function g4(oneStrip: boolean, dpi = 300): Promise<Buffer> {
  const meta = await sharp(grey).metadata();
  return sharp(grey)
    .threshold(160)
    .toColourspace('b-w')
    .tiff({
      compression: 'ccittfax4',
      bitdepth: 1,
      xres: dpi / 25.4,
      yres: dpi / 25.4,
      ...(oneStrip ? { tileHeight: Math.ceil((meta.height ?? 0) / 16) * 16 } : {}),
    })
    .toBuffer();
}

async function write(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('assemblePdf', () => {
  it('embeds JPEG as DCT and G4 as CCITT at their true dpi, with a text layer pdftotext reads back', async () => {
    const lowDpi = await sharp(grey)
      .resize({ width: 1000 })
      .toColourspace('b-w')
      .png()
      .withDensity(150)
      .toBuffer();
    const result = await assemblePdf(
      [{ image: jpeg, ocr }, { image: await g4(true) }, { image: lowDpi }],
      { metadata: META },
    );
    const pdf = await write('searchable.pdf', result.bytes);

    const images = await listImages(pdf);
    expect(images).toEqual([
      expect.objectContaining({ page: 1, enc: 'jpeg', color: 'gray', xppi: 300, yppi: 300 }),
      expect.objectContaining({ page: 2, enc: 'ccitt', bpc: 1, xppi: 300, yppi: 300 }),
      expect.objectContaining({ page: 3, enc: 'image', color: 'gray', xppi: 150, yppi: 150 }),
    ]);
    expect(await qpdfCheck(pdf)).toContain('No syntax or stream encoding errors');

    const text = await tool('pdftotext', ['-f', '1', '-l', '1', '-enc', 'UTF-8', pdf, '-']);
    expect(cer(text, ocr.text)).toBeLessThanOrEqual(0.005);
    expect(text).toContain('Nguyễn Văn Đặng');

    const info = await tool('pdfinfo', ['-custom', pdf]);
    expect(info).toMatch(/Title:\s+Đơn đề nghị cấp giấy chứng nhận/);
    expect(info).toMatch(/Author:\s+UBND phường Bến Nghé/);
    expect(info).toMatch(/MaHoSo:\s+000\.00\.06\.H56-231027-0361/);
    expect(info).toMatch(/MaTTHC:\s+1\.001234/);
    expect(info).toMatch(/SoHoaLowResolutionPages:\s*3/);
    const general = await tool('pdfinfo', ['-f', '1', '-l', '3', pdf]);
    expect(Number(/PDF version:\s+([\d.]+)/.exec(general)?.[1])).toBeGreaterThanOrEqual(1.4);
    const size = (page: number): number[] =>
      (new RegExp(`Page\\s+${page} size:\\s+([\\d.]+) x ([\\d.]+) pts`).exec(general) ?? [])
        .slice(1)
        .map(Number);
    // page size is pixels / dpi: the 300-dpi page 1 and the 150-dpi page 3
    expect(size(1)[0]).toBeCloseTo((ocr.width * 72) / 300, 1);
    expect(size(1)[1]).toBeCloseTo((ocr.height * 72) / 300, 1);
    expect(size(3)[0]).toBeCloseTo((1000 * 72) / 150, 1);

    expect(result.pages.map((p) => [p.encoding, p.dpi, p.textWords > 0])).toEqual([
      ['DCT', 300, true],
      ['CCITTFax', 300, false],
      ['Flate', 150, false],
    ]);
    expect(result.warnings).toMatchObject([{ code: 'LOW_DPI', page: 3 }]);
  });

  it('keeps G4 pixels exact whether the TIFF has one strip or many, and prints black on white', async () => {
    const truth = await sharp(grey).threshold(160).toColourspace('b-w').raw().toBuffer();
    const dark = (v: number | undefined): boolean => (v ?? 255) < 128;
    const mismatch = (data: Uint8Array): number => {
      let differ = 0;
      for (let i = 0; i < truth.length; i++) if (dark(truth[i]) !== dark(data[i])) differ += 1;
      return differ / truth.length;
    };
    for (const oneStrip of [true, false]) {
      const result = await assemblePdf([{ image: await g4(oneStrip) }], {
        metadata: { title: 'G4' },
      });
      const pdf = await write(`g4-${oneStrip}.pdf`, result.bytes);
      const images = await listImages(pdf);
      expect(images.every((i) => i.enc === 'ccitt' && i.xppi === 300 && i.yppi === 300)).toBe(true);
      expect(images.length).toBe(oneStrip ? 1 : Math.ceil(ocr.height / 256));
      // the CCITT streams decode (poppler's decoder) to exactly the source pixels…
      const prefix = join(dir, `g4-${oneStrip}-img`);
      await tool('pdfimages', ['-png', pdf, prefix]);
      const strips = await Promise.all(
        images.map((_, i) =>
          sharp(`${prefix}-${String(i).padStart(3, '0')}.png`)
            .toColourspace('b-w')
            .raw()
            .toBuffer(),
        ),
      );
      expect(mismatch(Buffer.concat(strips))).toBe(0);
      // …and the page renders black text on white (an inverted image would differ almost everywhere)
      await tool('pdftoppm', ['-r', '300', '-gray', '-png', pdf, join(dir, `g4-${oneStrip}`)]);
      const rendered = await sharp(join(dir, `g4-${oneStrip}-1.png`))
        .toColourspace('b-w')
        .raw()
        .toBuffer();
      expect(mismatch(rendered)).toBeLessThan(0.01);
    }
  });

  it('writes the PDF/A-2b parts: XMP identification, sRGB OutputIntent, embedded fonts, file ID', async () => {
    const result = await assemblePdf([{ image: jpeg, ocr }], { metadata: META, pdfa: true });
    const pdf = await write('pdfa.pdf', result.bytes);
    expect(await qpdfCheck(pdf)).toContain('No syntax or stream encoding errors');
    const xmp = await tool('pdfinfo', ['-meta', pdf]);
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">${META.title}</rdf:li>`);
    const fonts = (await tool('pdffonts', [pdf])).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);

    const doc = await PDFDocument.load(result.bytes, { updateMetadata: false });
    const intents = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
    const intent = intents.lookup(0, PDFDict);
    expect(intent.get(PDFName.of('S'))).toEqual(PDFName.of('GTS_PDFA1'));
    const profile = intent.lookup(PDFName.of('DestOutputProfile'));
    expect(profile).toBeInstanceOf(PDFStream);
    expect((profile as PDFStream).dict.get(PDFName.of('N'))?.toString()).toBe('3');
    expect(doc.context.trailerInfo.ID).toBeDefined();
    expect(doc.getTitle()).toBe(META.title);
    // XMP dates state the same instant as the Info dictionary
    const created = doc.getCreationDate()?.toISOString().slice(0, 19);
    expect(xmp).toContain(`<xmp:CreateDate>${created}Z</xmp:CreateDate>`);
  });

  it('answers bad input with a clear error and writes nothing', async () => {
    expect((await rejection(assemblePdf([], { metadata: META }))).code).toBe('VALIDATION');
    expect(
      (await rejection(assemblePdf([{ image: jpeg }], { metadata: { title: ' ' } }))).code,
    ).toBe('VALIDATION');
    const badCode = await rejection(
      assemblePdf([{ image: jpeg }], { metadata: { ...META, MaHoSo: 'HS-1' } }),
    );
    expect(badCode.message).toContain('MaHoSo');
    expect(
      (await rejection(assemblePdf([{ image: join(dir, 'missing.jpg') }], { metadata: META })))
        .code,
    ).toBe('NOT_FOUND');
    const garbage = await rejection(
      assemblePdf([{ image: new Uint8Array([1, 2, 3, 4, 5]) }], { metadata: META }),
    );
    expect(garbage.code).toBe('VALIDATION');
    expect(garbage.messageVi).toContain('Không đọc được ảnh');
    const mismatch = await rejection(
      assemblePdf([{ image: await g4(true), ocr: { ...ocr, width: 10 } }], { metadata: META }),
    );
    expect(mismatch.messageVi).toContain('không khớp kích thước');
  });

  it('assumes 300 dpi with a warning when the image records no resolution', async () => {
    const pixels = await sharp(grey).raw().toBuffer({ resolveWithObject: true });
    const bare = await sharp(pixels.data, { raw: pixels.info }).png().toBuffer();
    const result = await assemblePdf([{ image: bare }, { image: bare, dpi: 400 }], {
      metadata: META,
    });
    expect(result.pages.map((p) => [p.dpi, p.dpiSource])).toEqual([
      [300, 'fallback'],
      [400, 'caller'],
    ]);
    expect(result.warnings.map((w) => w.code)).toEqual(['DPI_UNKNOWN']);
  });
});
