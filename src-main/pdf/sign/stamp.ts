/**
 * The visible stamp of an electronic copy (bản sao điện tử): on page 1, top right, no image,
 * black Liberation Serif 10 pt (metric-compatible with Times New Roman), giving the kind of
 * copy, the copying agency and the signing time in ISO 8601. It is the appearance stream of the
 * signature widget, so it is part of what the signature covers.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFPage, PDFRef } from 'pdf-lib';
import { PDFArray, PDFDict, PDFName, PDFNumber } from 'pdf-lib';
import { resourcePath } from '../../platform/index.js';

export const stampFontFile = 'LiberationSerif-Regular.ttf';
const fontSize = 10;
const leading = 12;
const padding = 4;
const margin = 18;
const maxTextWidth = 260;
const stampGap = 6;

export interface StampAppearance {
  /** Annotation rectangle in the page's user space. */
  rect: [number, number, number, number];
  appearance: PDFRef;
}

/** Breaks a line at spaces so that no piece is wider than `maxWidth`. */
function wrap(line: string, width: (s: string) => number, maxWidth: number): string[] {
  const words = line.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && width(candidate) > maxWidth) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current) lines.push(current);
  return lines;
}

type Rect = StampAppearance['rect'];

/** Rectangles of the annotations already on the page (earlier stamps among them). */
function occupiedRects(page: PDFPage): Rect[] {
  const annots = page.node.Annots();
  const rects: Rect[] = [];
  for (let i = 0; i < (annots?.size() ?? 0); i += 1) {
    const rect = annots?.lookupMaybe(i, PDFDict)?.lookupMaybe(PDFName.of('Rect'), PDFArray);
    const n = [0, 1, 2, 3].map((j) => rect?.lookupMaybe(j, PDFNumber)?.asNumber() ?? 0);
    const [a = 0, b = 0, c = 0, d = 0] = n;
    if (c - a > 0 && d - b > 0)
      rects.push([Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)]);
  }
  return rects;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

/**
 * Places the box at the top right of the page as displayed (after /Rotate), below any stamp
 * already there so that co-signers' stamps stay readable, and maps it back to user space with
 * the form matrix that keeps the text upright for the reader.
 */
function placeOnPage(page: PDFPage, width: number, height: number) {
  const box = page.getCropBox();
  const x0 = box.x;
  const y0 = box.y;
  const x1 = box.x + box.width;
  const y1 = box.y + box.height;
  const rotation = (((page.getRotation().angle % 360) + 360) % 360) as 0 | 90 | 180 | 270;
  const shownWidth = rotation % 180 === 0 ? box.width : box.height;
  const shownHeight = rotation % 180 === 0 ? box.height : box.width;
  const toUser = ([u = 0, v = 0]: number[]): number[] => {
    switch (rotation) {
      case 90:
        return [x1 - v, y0 + u];
      case 180:
        return [x1 - u, y1 - v];
      case 270:
        return [x0 + v, y1 - u];
      default:
        return [x0 + u, y0 + v];
    }
  };
  const rectAt = (top: number): Rect => {
    const u1 = shownWidth - margin;
    const corners = [toUser([u1 - width, top - height]), toUser([u1, top])];
    const xs = corners.map((c) => c[0] ?? 0);
    const ys = corners.map((c) => c[1] ?? 0);
    return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  };
  // Bottom edge, as displayed, of a user-space rectangle.
  const shownBottom = ([a, b, c, d]: Rect): number => {
    const vs = [
      [a, b],
      [c, d],
    ].map(([x = 0, y = 0]) => {
      switch (rotation) {
        case 90:
          return x1 - x;
        case 180:
          return y1 - y;
        case 270:
          return x - x0;
        default:
          return y - y0;
      }
    });
    return Math.min(...vs);
  };
  const taken = occupiedRects(page);
  let rect = rectAt(shownHeight - margin);
  for (let top = shownHeight - margin; top - height >= margin;) {
    const candidate = rectAt(top);
    const blocking = taken.filter((t) => overlaps(t, candidate));
    if (blocking.length === 0) {
      rect = candidate;
      break;
    }
    top = Math.min(...blocking.map(shownBottom)) - stampGap;
  }
  const radians = (rotation * Math.PI) / 180;
  const [cos, sin] = [Math.round(Math.cos(radians)), Math.round(Math.sin(radians))];
  return { rect, matrix: [cos, sin, -sin, cos, 0, 0] };
}

/**
 * The six-capital-letter tag a subset font's name must start with (ISO 32000-1 §9.6.4), derived
 * from the text, which decides the glyphs in the subset.
 */
function subsetTag(lines: readonly string[]): string {
  const hash = createHash('sha256').update(lines.join('\n')).digest();
  return [...hash.subarray(0, 6)].map((b) => String.fromCharCode(65 + (b % 26))).join('');
}

export async function buildStamp(
  doc: PDFDocument,
  page: PDFPage,
  lines: readonly string[],
): Promise<StampAppearance> {
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(readFileSync(resourcePath('fonts', stampFontFile)), {
    subset: true,
    customName: `${subsetTag(lines)}+LiberationSerif`,
  });
  const widthOf = (s: string) => font.widthOfTextAtSize(s, fontSize);
  const shown = lines.flatMap((line) => wrap(line, widthOf, maxTextWidth));
  const width = Math.ceil(Math.max(...shown.map(widthOf)) + 2 * padding);
  const height = Math.ceil(shown.length * leading + 2 * padding);
  const ascent = font.heightAtSize(fontSize, { descender: false });
  const text = shown
    .map((line, i) => `${i === 0 ? '' : 'T* '}${font.encodeText(line).toString()} Tj`)
    .join('\n');
  const content = [
    'q 0 G 0.5 w',
    `0.25 0.25 ${width - 0.5} ${height - 0.5} re S`,
    'Q',
    'BT 0 g',
    `/F1 ${fontSize} Tf ${leading} TL`,
    `${padding} ${(height - padding - ascent).toFixed(2)} Td`,
    text,
    'ET',
  ].join('\n');
  const { rect, matrix } = placeOnPage(page, width, height);
  const stream = doc.context.stream(content, {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, width, height],
    Matrix: matrix,
    Resources: { Font: { F1: font.ref } },
  });
  const appearance = doc.context.register(stream);
  // The subset is written only now, after every glyph of the stamp has been encoded.
  await font.embed();
  return { rect, appearance };
}
