/**
 * The imaging kernels' wasm instance (native/kernels, AssemblyScript compiled with SIMD), one per
 * thread, compiled on first use. The kernels allocate nothing: each call lays its buffers out in
 * the instance's linear memory (`layout`), which grows to the largest page seen and stays.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../domain/index.js';
import { appRoot } from '../../platform/index.js';

/** The parts of the WebAssembly JS API used here (this project's Node typings do not declare it). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

interface KernelExports {
  memory: WasmMemory;
  shrinkGrey(
    src: number,
    width: number,
    height: number,
    factor: number,
    dst: number,
    sums: number,
  ): void;
  shrinkLuma(
    src: number,
    width: number,
    height: number,
    channels: number,
    factor: number,
    dst: number,
    sums: number,
  ): void;
  labelRuns(
    rows: number,
    starts: number,
    ends: number,
    count: number,
    parent: number,
    labels: number,
    area: number,
    left: number,
    top: number,
    right: number,
    bottom: number,
  ): number;
  lineProfile(
    xs: number,
    ys: number,
    count: number,
    step: number,
    sin: number,
    cos: number,
    shifted: number,
    swap: number,
    bins: number,
    n: number,
  ): void;
  profileScores(
    xs: number,
    ys: number,
    count: number,
    step: number,
    specs: number,
    profiles: number,
    bins: number,
    scores: number,
  ): void;
  sauvolaThresholds(
    src: number,
    width: number,
    height: number,
    block: number,
    k: number,
    range: number,
    values: number,
    scratch: number,
  ): void;
  warpImage(
    src: number,
    sw: number,
    sh: number,
    channels: number,
    map: number,
    out: number,
    width: number,
    height: number,
    fill: number,
  ): void;
  warpBinarize(
    src: number,
    sw: number,
    sh: number,
    values: number,
    block: number,
    blockColumns: number,
    levels: number,
    marked: number,
    sat: number,
    gridColumns: number,
    gridRows: number,
    map: number,
    out: number,
    width: number,
    height: number,
    paint: number,
    paintColumns: number,
    factor: number,
    rowBlock: number,
    colBlock: number,
  ): void;
  inkRuns(
    src: number,
    width: number,
    height: number,
    rows: number,
    starts: number,
    ends: number,
    capacity: number,
  ): number;
}

const PAGE = 65_536;
/** Regions start on 16-byte boundaries (one SIMD vector). */
const ALIGN = 16;

export class Kernels {
  constructor(readonly exports: KernelExports) {}

  /**
   * Offsets of regions of the given byte sizes, one after another, with memory grown to hold
   * them. Views taken before a call to `layout` may be detached by it: take them after.
   */
  layout(...sizes: number[]): number[] {
    let end = ALIGN;
    const offsets = sizes.map((size) => {
      const at = end;
      end = Math.ceil((at + size) / ALIGN) * ALIGN;
      return at;
    });
    const memory = this.exports.memory;
    if (end > memory.buffer.byteLength)
      memory.grow(Math.ceil((end - memory.buffer.byteLength) / PAGE));
    return offsets;
  }

  /** A view of `length` bytes of linear memory at `offset` (valid until the next `layout`). */
  bytes(offset: number, length: number): Uint8Array {
    return new Uint8Array(this.exports.memory.buffer, offset, length);
  }

  int32s(offset: number, length: number): Int32Array {
    return new Int32Array(this.exports.memory.buffer, offset, length);
  }

  float64s(offset: number, length: number): Float64Array {
    return new Float64Array(this.exports.memory.buffer, offset, length);
  }
}

/**
 * Linear memory only grows. An instance that has grown past this (a huge page went through) is
 * replaced by a fresh one at the next call, so a worker does not keep that memory for good.
 */
const RETAINED_BYTES = 256 * 1024 * 1024;

let compiled: object | undefined;
let loaded: Kernels | undefined;

/** Where the compiled kernels are: next to the checkout's (or the packaged app's) native code. */
export function kernelsFile(): string {
  return (
    process.env.SOHOA_KERNELS_WASM ?? join(appRoot(), 'native', 'kernels', 'build', 'kernels.wasm')
  );
}

/**
 * This thread's kernels, compiled from `kernelsFile()` on first use. Host functions take it once
 * per call and copy every result out before returning, so it may be replaced between calls.
 */
export function kernels(): Kernels {
  if (loaded && loaded.exports.memory.buffer.byteLength <= RETAINED_BYTES) return loaded;
  compiled ??= compile(kernelsFile());
  const instance = new wasm.Instance(compiled, {});
  loaded = new Kernels(instance.exports as KernelExports);
  return loaded;
}

function compile(file: string): object {
  if (!existsSync(file)) {
    throw new AppError(
      'UNAVAILABLE',
      {
        vi: `Chưa biên dịch bộ xử lý ảnh (${file}); chạy "node native/kernels/build.mjs".`,
        en: `The imaging kernels are not built (${file}); run "node native/kernels/build.mjs".`,
      },
      { details: { file } },
    );
  }
  try {
    return new wasm.Module(readFileSync(file));
  } catch (error) {
    throw new AppError(
      'UNAVAILABLE',
      {
        vi: `Tệp bộ xử lý ảnh bị hỏng (${file}); cài lại SoHoa hoặc chạy "node native/kernels/build.mjs".`,
        en: `The imaging kernels file is damaged (${file}); reinstall SoHoa or run "node native/kernels/build.mjs".`,
      },
      { details: { file }, cause: error },
    );
  }
}
