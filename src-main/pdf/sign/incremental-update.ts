/**
 * Appends an incremental update to a PDF (ISO 32000-1 §7.5.6): the new and changed objects, a
 * cross-reference section for just those, and a trailer whose /Prev points at the previous one.
 * The original bytes are never touched, which is what keeps earlier signatures valid. The new
 * section uses the same form as the previous one (table or cross-reference stream), as readers
 * expect of a revision chain.
 */
import { AppError } from '../../domain/index.js';

export interface PreviousRevision {
  /** Offset of the previous cross-reference section (the last `startxref`). */
  startxref: number;
  kind: 'table' | 'stream';
  /** The previous trailer's /Size. */
  size: number;
}

export interface TrailerEntries {
  /** Serialized values (`12 0 R`, `[<…> <…>]`), copied from the previous trailer. */
  root: string;
  info?: string;
  id?: string;
}

export interface UpdateObject {
  objectNumber: number;
  /** The object's body, between `N 0 obj` and `endobj`. */
  body: Buffer;
}

export interface WrittenUpdate {
  bytes: Buffer;
  /** File offset of each object's body. */
  bodyOffsets: Map<number, number>;
}

function damaged(why: string): AppError {
  return new AppError(
    'PDF_DAMAGED',
    {
      vi: 'Bảng tham chiếu (xref) của tệp PDF bị hỏng; hãy lưu lại tệp rồi ký.',
      en: `The PDF's cross-reference data is damaged (${why}); re-save the file and sign again.`,
    },
    { details: { why } },
  );
}

export function readPreviousRevision(pdf: Uint8Array): PreviousRevision {
  const tailStart = Math.max(0, pdf.length - 4096);
  const tail = Buffer.from(pdf.subarray(tailStart)).toString('latin1');
  const matches = [...tail.matchAll(/startxref\s+(\d+)\s+%%EOF/g)];
  const last = matches[matches.length - 1];
  if (!last?.[1]) throw damaged('no startxref');
  const startxref = Number(last[1]);
  if (startxref >= pdf.length) throw damaged('startxref beyond end of file');
  const section = Buffer.from(
    pdf.subarray(startxref, Math.min(pdf.length, startxref + 1_000_000)),
  ).toString('latin1');
  let dictionary: string | undefined;
  let kind: PreviousRevision['kind'];
  if (/^\s*xref/.test(section)) {
    kind = 'table';
    const trailer = section.indexOf('trailer');
    dictionary = trailer >= 0 ? section.slice(trailer, trailer + 4096) : undefined;
  } else if (/^\s*\d+\s+\d+\s+obj/.test(section)) {
    kind = 'stream';
    dictionary = section.slice(0, 4096);
  } else {
    throw damaged('startxref does not point at a cross-reference section');
  }
  const size = /\/Size\s+(\d+)/.exec(dictionary ?? '')?.[1];
  if (!size) throw damaged('trailer without /Size');
  return { startxref, kind, size: Number(size) };
}

/** Consecutive object numbers grouped as [first, count] subsections. */
function subsections(numbers: number[]): [number, number][] {
  const groups: [number, number][] = [];
  for (const n of numbers) {
    const last = groups[groups.length - 1];
    if (last && last[0] + last[1] === n) last[1] += 1;
    else groups.push([n, 1]);
  }
  return groups;
}

function trailerEntries(trailer: TrailerEntries, size: number, prev: number): string {
  return (
    `/Size ${size} /Root ${trailer.root}` +
    (trailer.info ? ` /Info ${trailer.info}` : '') +
    (trailer.id ? ` /ID ${trailer.id}` : '') +
    ` /Prev ${prev}`
  );
}

/**
 * @param xrefStreamNumber the object number for the cross-reference stream, used only when the
 *   previous section is a stream.
 */
export function appendUpdate(
  original: Uint8Array,
  previous: PreviousRevision,
  objects: UpdateObject[],
  trailer: TrailerEntries,
  xrefStreamNumber: number,
): WrittenUpdate {
  const chunks: Buffer[] = [Buffer.from(original)];
  let offset = original.length;
  const push = (chunk: Buffer) => {
    chunks.push(chunk);
    offset += chunk.length;
  };
  const last = original[original.length - 1];
  if (last !== 0x0a && last !== 0x0d) push(Buffer.from('\n'));

  const objectOffsets = new Map<number, number>();
  const bodyOffsets = new Map<number, number>();
  for (const object of [...objects].sort((a, b) => a.objectNumber - b.objectNumber)) {
    objectOffsets.set(object.objectNumber, offset);
    const head = Buffer.from(`${object.objectNumber} 0 obj\n`, 'latin1');
    bodyOffsets.set(object.objectNumber, offset + head.length);
    push(Buffer.concat([head, object.body, Buffer.from('\nendobj\n', 'latin1')]));
  }
  const maxNumber = Math.max(
    ...objectOffsets.keys(),
    previous.kind === 'stream' ? xrefStreamNumber : 0,
  );
  const size = Math.max(previous.size, maxNumber + 1);
  const xrefOffset = offset;

  if (previous.kind === 'table') {
    const lines = ['xref'];
    for (const [first, count] of subsections([...objectOffsets.keys()].sort((a, b) => a - b))) {
      lines.push(`${first} ${count}`);
      for (let n = first; n < first + count; n += 1) {
        lines.push(`${String(objectOffsets.get(n)).padStart(10, '0')} 00000 n\r`);
      }
    }
    lines.push(`trailer\n<< ${trailerEntries(trailer, size, previous.startxref)} >>`);
    push(Buffer.from(`${lines.join('\n')}\nstartxref\n${xrefOffset}\n%%EOF\n`, 'latin1'));
  } else {
    objectOffsets.set(xrefStreamNumber, xrefOffset);
    const numbers = [...objectOffsets.keys()].sort((a, b) => a - b);
    const width = Math.max(4, Math.ceil(Math.log2(xrefOffset + 1) / 8));
    const rows = Buffer.alloc(numbers.length * (1 + width + 2));
    numbers.forEach((n, i) => {
      const row = i * (1 + width + 2);
      rows[row] = 1; // type 1: an uncompressed object at a byte offset
      rows.writeUIntBE(objectOffsets.get(n) ?? 0, row + 1, width);
      rows.writeUInt16BE(0, row + 1 + width);
    });
    const index = subsections(numbers).flat().join(' ');
    const head =
      `${xrefStreamNumber} 0 obj\n<< /Type /XRef ${trailerEntries(trailer, size, previous.startxref)}` +
      ` /Index [${index}] /W [1 ${width} 2] /Length ${rows.length} >>\nstream\n`;
    push(
      Buffer.concat([
        Buffer.from(head, 'latin1'),
        rows,
        Buffer.from(`\nendstream\nendobj\nstartxref\n${xrefOffset}\n%%EOF\n`, 'latin1'),
      ]),
    );
  }
  return { bytes: Buffer.concat(chunks), bodyOffsets };
}
