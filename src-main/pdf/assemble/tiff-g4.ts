/**
 * Reads a CCITT Group 4 TIFF (what the imaging stage writes for black-and-white pages) far
 * enough to copy its coded strips into a PDF unchanged: dimensions, resolution, photometric
 * sense, bit fill order and the strips. Anything else returns undefined and the caller takes
 * the general path.
 */
export interface G4Strip {
  /** The strip's G4 code, most significant bit first. */
  data: Uint8Array;
  rows: number;
}

export interface G4Tiff {
  width: number;
  height: number;
  /** Pixels per inch, when the file records a resolution. */
  dpi: number | undefined;
  /** TIFF PhotometricInterpretation 1: a 0 bit is black (the G4 code's "white" runs print black). */
  blackIsZero: boolean;
  strips: G4Strip[];
}

const TAG = {
  width: 256,
  height: 257,
  compression: 259,
  photometric: 262,
  fillOrder: 266,
  stripOffsets: 273,
  samplesPerPixel: 277,
  rowsPerStrip: 278,
  stripByteCounts: 279,
  xResolution: 282,
  resolutionUnit: 296,
  t6Options: 293,
} as const;

const TYPE_SIZE: Readonly<Record<number, number>> = { 1: 1, 3: 2, 4: 4, 5: 8 };

export function readG4Tiff(bytes: Uint8Array): G4Tiff | undefined {
  if (bytes.length < 8) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const order = String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0);
  if (order !== 'II' && order !== 'MM') return undefined;
  const le = order === 'II';
  if (view.getUint16(2, le) !== 42) return undefined;
  const ifd = view.getUint32(4, le);
  if (ifd + 2 > bytes.length) return undefined;
  const count = view.getUint16(ifd, le);
  const tags = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const at = ifd + 2 + i * 12;
    if (at + 12 > bytes.length) return undefined;
    const tag = view.getUint16(at, le);
    const type = view.getUint16(at + 2, le);
    const n = view.getUint32(at + 4, le);
    const size = TYPE_SIZE[type];
    if (size === undefined) continue;
    const dataAt = size * n <= 4 ? at + 8 : view.getUint32(at + 8, le);
    if (dataAt + size * n > bytes.length) return undefined;
    const values: number[] = [];
    for (let k = 0; k < n; k++) {
      const p = dataAt + k * size;
      if (type === 1) values.push(view.getUint8(p));
      else if (type === 3) values.push(view.getUint16(p, le));
      else if (type === 4) values.push(view.getUint32(p, le));
      else values.push(view.getUint32(p, le) / Math.max(1, view.getUint32(p + 4, le)));
    }
    tags.set(tag, values);
  }
  const one = (tag: number): number | undefined => tags.get(tag)?.[0];
  const width = one(TAG.width);
  const height = one(TAG.height);
  if (one(TAG.compression) !== 4 || !width || !height || (one(TAG.samplesPerPixel) ?? 1) !== 1)
    return undefined;
  // uncompressed mode inside G4 (T6Options bit 1) is rare and not worth a special case
  if (((one(TAG.t6Options) ?? 0) & 2) !== 0) return undefined;
  const offsets = tags.get(TAG.stripOffsets) ?? [];
  const counts = tags.get(TAG.stripByteCounts) ?? [];
  if (offsets.length === 0 || offsets.length !== counts.length) return undefined;
  const rowsPerStrip = Math.min(one(TAG.rowsPerStrip) ?? height, height);
  const lsbFirst = one(TAG.fillOrder) === 2;
  const strips: G4Strip[] = [];
  for (let s = 0; s < offsets.length; s++) {
    const start = offsets[s] ?? 0;
    const end = start + (counts[s] ?? 0);
    if (end > bytes.length) return undefined;
    const data = bytes.slice(start, end);
    if (lsbFirst) for (let i = 0; i < data.length; i++) data[i] = reverseBits(data[i] ?? 0);
    strips.push({ data, rows: Math.min(rowsPerStrip, height - s * rowsPerStrip) });
  }
  return {
    width,
    height,
    dpi: resolutionDpi(one(TAG.xResolution), one(TAG.resolutionUnit) ?? 2),
    blackIsZero: one(TAG.photometric) === 1,
    strips,
  };
}

function resolutionDpi(res: number | undefined, unit: number): number | undefined {
  if (!res || !Number.isFinite(res)) return undefined;
  if (unit === 3) return Math.round(res * 2.54); // per centimetre
  if (unit === 2) return Math.round(res);
  return undefined; // unit 1: an aspect ratio, no absolute size
}

function reverseBits(b: number): number {
  let r = 0;
  for (let i = 0; i < 8; i++) r |= ((b >> i) & 1) << (7 - i);
  return r;
}
