/**
 * Where the coded strips sit in a baseline little/big-endian TIFF we wrote (first IFD only), so
 * the PDF can embed a G4 page as /CCITTFaxDecode without decoding it.
 */

export interface TiffStrip {
  /** Byte offset of the strip in the TIFF file. */
  offset: number;
  length: number;
  /** Rows coded in this strip. */
  rows: number;
}

const STRIP_OFFSETS = 273;
const ROWS_PER_STRIP = 278;
const STRIP_BYTE_COUNTS = 279;
const IMAGE_LENGTH = 257;

export function tiffStrips(tiff: Uint8Array): TiffStrip[] {
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const little = view.getUint16(0) === 0x4949;
  const u16 = (o: number): number => view.getUint16(o, little);
  const u32 = (o: number): number => view.getUint32(o, little);
  const ifd = u32(4);
  const tags = new Map<number, number[]>();
  for (let e = 0, n = u16(ifd); e < n; e++) {
    const at = ifd + 2 + e * 12;
    const type = u16(at + 2);
    const count = u32(at + 4);
    const size = type === 3 ? 2 : 4;
    const base = count * size <= 4 ? at + 8 : u32(at + 8);
    const values: number[] = [];
    for (let i = 0; i < count; i++) values.push(size === 2 ? u16(base + i * 2) : u32(base + i * 4));
    tags.set(u16(at), values);
  }
  const height = tags.get(IMAGE_LENGTH)?.[0] ?? 0;
  const perStrip = Math.min(tags.get(ROWS_PER_STRIP)?.[0] ?? height, height);
  const offsets = tags.get(STRIP_OFFSETS) ?? [];
  const counts = tags.get(STRIP_BYTE_COUNTS) ?? [];
  return offsets.map((offset, i) => ({
    offset,
    length: counts[i] ?? 0,
    rows: Math.min(perStrip, height - i * perStrip),
  }));
}
