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
}

export interface GeneratedJob {
  dir: string;
  pages: ExpectedPage[];
  codes: string[];
  badFiles: string[];
}

const WIDTH = 900;
const HEIGHT = 1270;

export function dossierCode(n: number): string {
  return `000.00.01.H01-250101-${String(n).padStart(4, '0')}`;
}

async function pagePng(label: string, qr?: string): Promise<Buffer> {
  const svg = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
       <text x="80" y="600" font-family="Liberation Sans" font-size="48">${label}</text>
       <rect x="80" y="700" width="${200 + label.length * 13}" height="30" fill="black"/></svg>`,
  );
  const layers: OverlayOptions[] = [{ input: svg, left: 0, top: 0 }];
  if (qr) {
    const code = await QRCode.toBuffer(qr, { width: 260, margin: 2, errorCorrectionLevel: 'M' });
    layers.push({ input: code, left: WIDTH - 340, top: 60 });
  }
  return sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: 'white' } })
    .composite(layers)
    .greyscale()
    .withMetadata({ density: 150 })
    .png({ compressionLevel: 6 })
    .toBuffer();
}

function blankPng(): Promise<Buffer> {
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
    perDossier: number;
    /** 'blank': a blank sheet before each dossier (both sides before dossier 2), no QR. */
    separator?: 'qr' | 'blank';
  },
): Promise<GeneratedJob> {
  mkdirSync(join(dir, 'scans'), { recursive: true });
  const pages: ExpectedPage[] = [];
  const codes: string[] = [];
  let n = 0;
  const name = () => `scans/page_${++n}`;
  for (let i = 0; i < options.leading; i++) {
    const path = `${name()}.png`;
    writeFileSync(join(dir, path), await pagePng(`Trang truoc phieu ${i + 1}`));
    pages.push({ path, filePage: 1, dossier: 0 });
  }
  for (let d = 1; d <= options.dossiers; d++) {
    const code = dossierCode(d);
    const blank = options.separator === 'blank';
    if (blank) {
      for (let side = 0; side < (d === 2 ? 2 : 1); side++) {
        const path = `${name()}.png`;
        writeFileSync(join(dir, path), await blankPng());
        pages.push({ path, filePage: 1, dossier: d, blank: true });
      }
    } else codes.push(code);
    for (let p = 1; p <= options.perDossier; p++) {
      if (d === 4 && p === 5 && p < options.perDossier) {
        const path = `${name()}.pdf`;
        const pdf = await PDFDocument.create();
        for (const k of [5, 6]) {
          const png = await pdf.embedPng(await pagePng(`Ho so ${d} trang ${k}`));
          // 150 dpi pixels as points: the rendered page keeps the sheet's size
          pdf.addPage([(png.width * 72) / 150, (png.height * 72) / 150]).drawImage(png, {
            x: 0,
            y: 0,
            width: (png.width * 72) / 150,
            height: (png.height * 72) / 150,
          });
        }
        writeFileSync(join(dir, path), await pdf.save());
        for (const k of [1, 2]) pages.push({ path, filePage: k, dossier: d });
        continue;
      }
      if (d === 4 && p === 6 && p <= options.perDossier) continue;
      if (d === 2 && p >= 3 && p <= 5) {
        if (p > 3) continue;
        const path = `${name()}.tif`;
        const parts = [3, 4, 5].map((k) => join(dir, `part-${k}.png`));
        for (const [k, part] of parts.entries())
          writeFileSync(part, await pagePng(`Ho so ${d} trang ${k + 3}`));
        execFileSync('convert', [...parts, '-compress', 'Group4', join(dir, path)]);
        for (const k of [1, 2, 3]) pages.push({ path, filePage: k, dossier: d });
        continue;
      }
      const path = `${name()}.png`;
      writeFileSync(
        join(dir, path),
        await pagePng(`Ho so ${d} trang ${p}`, p === 1 && !blank ? code : undefined),
      );
      pages.push({ path, filePage: 1, dossier: d });
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
