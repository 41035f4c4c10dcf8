/**
 * A generated bulk job: pages as PNG files (plus one 3-page TIFF), dossiers opened by a page
 * carrying its MaHoSo in a QR code, some pages before the first separator, and bad files.
 * Deterministic: the same arguments give the same bytes.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import QRCode from 'qrcode';
import sharp, { type OverlayOptions } from 'sharp';

export interface ExpectedPage {
  path: string;
  filePage: number;
  /** 0: review bin; 1…: dossier in separation order. */
  dossier: number;
  blank?: boolean;
  /** Component position inside its dossier (content pages). */
  component?: number;
}

export interface GeneratedJob {
  dir: string;
  pages: ExpectedPage[];
  codes: string[];
  badFiles: string[];
}

/** Full pages (900×1270, readable by OCR) or cheap ones for large landing runs (300×424). */
export type PageSize = 'full' | 'small';
const SIZES = { full: { width: 900, height: 1270 }, small: { width: 300, height: 424 } };

export function dossierCode(n: number): string {
  return `000.00.01.H01-250101-${String(n).padStart(4, '0')}`;
}

/** A small page without text: bars spelling the label's hash, so every page's bytes differ. */
function barsPng(label: string): Promise<Buffer> {
  const { width, height } = SIZES.small;
  const pixels = Buffer.alloc(width * height, 255);
  let hash = 2166136261;
  for (const ch of label) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  for (let bit = 0; bit < 32; bit++) {
    if (((hash >>> bit) & 1) === 0) continue;
    for (let y = 180; y < 240; y++)
      pixels.fill(0, y * width + 20 + bit * 8, y * width + 25 + bit * 8);
  }
  return sharp(pixels, { raw: { width, height, channels: 1 } })
    .withMetadata({ density: 150 })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

async function pagePng(label: string, qr?: string, size: PageSize = 'full'): Promise<Buffer> {
  if (size === 'small' && !qr) return barsPng(label);
  const { width: WIDTH, height: HEIGHT } = SIZES[size];
  const k = WIDTH / 900;
  const svg = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
       <text x="${80 * k}" y="${600 * k}" font-family="Liberation Sans" font-size="${48 * k}">${label}</text>
       <rect x="${80 * k}" y="${700 * k}" width="${(200 + label.length * 13) * k}" height="${30 * k}" fill="black"/></svg>`,
  );
  const layers: OverlayOptions[] = [{ input: svg, left: 0, top: 0 }];
  if (qr) {
    const side = Math.max(150, Math.round(260 * k));
    const code = await QRCode.toBuffer(qr, { width: side, margin: 2, errorCorrectionLevel: 'M' });
    layers.push({ input: code, left: WIDTH - side - Math.round(40 * k), top: Math.round(40 * k) });
  }
  return sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: 'white' } })
    .composite(layers)
    .greyscale()
    .withMetadata({ density: 150 })
    .png({ compressionLevel: 6 })
    .toBuffer();
}

function blankPng(size: PageSize = 'full'): Promise<Buffer> {
  const { width: WIDTH, height: HEIGHT } = SIZES[size];
  return sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: 'white' } })
    .greyscale()
    .withMetadata({ density: 150 })
    .png()
    .toBuffer();
}

/**
 * `leading` pages before the first separator, then `dossiers` dossiers of `perDossier` pages
 * each (the first carries the QR). The pages of dossier 2 at positions 3–5 are one G4 TIFF file,
 * those of dossier 4 at 5–6 one PDF.
 */
export async function generateJob(
  dir: string,
  options: {
    leading: number;
    dossiers: number;
    /** Pages per dossier, or per dossier number. */
    perDossier: number | ((dossier: number) => number);
    /** 'blank': a blank sheet before each dossier (both sides before dossier 2), no QR. */
    separator?: 'qr' | 'blank';
    /** QR jobs: a blank sheet after this page of each dossier opens its second component. */
    componentBreak?: number;
    size?: PageSize;
  },
): Promise<GeneratedJob> {
  const size = options.size ?? 'full';
  const componentOf = (p: number) => (options.componentBreak && p > options.componentBreak ? 2 : 1);
  const pagesOf = (d: number) =>
    typeof options.perDossier === 'number' ? options.perDossier : options.perDossier(d);
  mkdirSync(join(dir, 'scans'), { recursive: true });
  const pages: ExpectedPage[] = [];
  const codes: string[] = [];
  let n = 0;
  const name = () => `scans/page_${++n}`;
  for (let i = 0; i < options.leading; i++) {
    const path = `${name()}.png`;
    writeFileSync(join(dir, path), await pagePng(`Trang truoc phieu ${i + 1}`, undefined, size));
    pages.push({ path, filePage: 1, dossier: 0 });
  }
  for (let d = 1; d <= options.dossiers; d++) {
    const code = dossierCode(d);
    const blank = options.separator === 'blank';
    if (blank) {
      for (let side = 0; side < (d === 2 ? 2 : 1); side++) {
        const path = `${name()}.png`;
        writeFileSync(join(dir, path), await blankPng(size));
        pages.push({ path, filePage: 1, dossier: d, blank: true });
      }
    } else codes.push(code);
    const perDossier = pagesOf(d);
    for (let p = 1; p <= perDossier; p++) {
      if (d === 4 && p === 5 && p < perDossier) {
        const path = `${name()}.pdf`;
        const pdf = await PDFDocument.create();
        for (const k of [5, 6]) {
          const png = await pdf.embedPng(await pagePng(`Ho so ${d} trang ${k}`, undefined, size));
          // 150 dpi pixels as points: the rendered page keeps the sheet's size
          pdf.addPage([(png.width * 72) / 150, (png.height * 72) / 150]).drawImage(png, {
            x: 0,
            y: 0,
            width: (png.width * 72) / 150,
            height: (png.height * 72) / 150,
          });
        }
        writeFileSync(join(dir, path), await pdf.save());
        for (const k of [1, 2])
          pages.push({ path, filePage: k, dossier: d, component: componentOf(p) });
        continue;
      }
      if (d === 4 && p === 6 && p <= perDossier) continue;
      if (d === 2 && p >= 3 && p <= 5) {
        if (p > 3) continue;
        const path = `${name()}.tif`;
        const parts = [3, 4, 5].map((k) => join(dir, `part-${k}.png`));
        for (const [k, part] of parts.entries())
          writeFileSync(part, await pagePng(`Ho so ${d} trang ${k + 3}`, undefined, size));
        execFileSync('convert', [...parts, '-compress', 'Group4', join(dir, path)]);
        for (const k of [1, 2, 3])
          pages.push({ path, filePage: k, dossier: d, component: componentOf(p) });
        continue;
      }
      const path = `${name()}.png`;
      writeFileSync(
        join(dir, path),
        await pagePng(`Ho so ${d} trang ${p}`, p === 1 && !blank ? code : undefined, size),
      );
      pages.push({ path, filePage: 1, dossier: d, component: componentOf(p) });
      if (p === options.componentBreak) {
        const sheet = `${name()}.png`;
        writeFileSync(join(dir, sheet), await blankPng(size));
        pages.push({ path: sheet, filePage: 1, dossier: d, blank: true });
      }
    }
  }
  // Bad files between good ones: zero bytes, a cut-off JPEG, a note with a wrong extension.
  const badFiles = ['scans/page_3a.png', 'scans/page_7a.jpg', 'scans/readme.txt'];
  writeFileSync(join(dir, badFiles[0] as string), Buffer.alloc(0));
  const jpeg = await sharp({ create: { width: 400, height: 400, channels: 3, background: 'gray' } })
    .jpeg()
    .toBuffer();
  writeFileSync(join(dir, badFiles[1] as string), jpeg.subarray(0, jpeg.length >> 1));
  writeFileSync(join(dir, badFiles[2] as string), 'ghi chú của nhà thầu / contractor notes\n');
  return { dir: join(dir, 'scans'), pages, codes, badFiles };
}

/** A separator sheet: a receipt-like page carrying `code` in a QR (150 dpi). */
export function receiptSheet(code: string): Promise<Buffer> {
  return pagePng(`Phieu hen ${code}`, code);
}
