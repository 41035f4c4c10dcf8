/** Connected ink components (8-connected) of a black-and-white plane, in the kernels. */
import type { Plane } from '../pixels/grey.js';
import { kernels } from './instance.js';

export interface Runs {
  /** Per run: row, first column, one past the last column, component. */
  y: Int32Array;
  x0: Int32Array;
  x1: Int32Array;
  label: Int32Array;
  count: number;
}

/** Per component (index 0 … count − 1, in order of first run): ink pixels and inclusive bounding box. */
export interface Components {
  count: number;
  area: Int32Array;
  left: Int32Array;
  top: Int32Array;
  right: Int32Array;
  bottom: Int32Array;
}

export interface Labelled {
  runs: Runs;
  components: Components;
}

/** Room for this many runs first: a dense text page at 300 dpi has ~100 000. */
const FIRST_CAPACITY = 1 << 17;

/** The ink runs of `bw` (0 = ink, anything else paper), each labelled with its component. */
export function inkComponents(bw: Plane): Labelled {
  const { data, width, height } = bw;
  const k = kernels();
  for (let capacity = FIRST_CAPACITY; ; capacity *= 2) {
    const ints = capacity * 4;
    const [src, ys, x0s, x1s, parent, labels, area, left, top, right, bottom] = k.layout(
      data.length,
      ...Array<number>(10).fill(ints),
    ) as [number, number, number, number, number, number, number, number, number, number, number];
    k.bytes(src, data.length).set(data);
    const count = k.exports.inkRuns(src, width, height, ys, x0s, x1s, capacity);
    if (count < 0) continue;
    const n = k.exports.labelRuns(
      ys,
      x0s,
      x1s,
      count,
      parent,
      labels,
      area,
      left,
      top,
      right,
      bottom,
    );
    const out = (at: number, length: number): Int32Array => k.int32s(at, length).slice();
    return {
      runs: {
        y: out(ys, count),
        x0: out(x0s, count),
        x1: out(x1s, count),
        label: out(labels, count),
        count,
      },
      components: {
        count: n,
        area: out(area, n),
        left: out(left, n),
        top: out(top, n),
        right: out(right, n),
        bottom: out(bottom, n),
      },
    };
  }
}
