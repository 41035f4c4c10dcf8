/** Loads the kernels and runs a tiny page through one of them: what `sohoa doctor` asks. */
import { AppError } from '../../domain/index.js';
import { kernelsFile } from './instance.js';
import { shrinkToLuma } from './shrink.js';

/** The kernels' file when they load and compute; throws (vi/en) otherwise. */
export function kernelSelfTest(): { file: string } {
  // an 8 × 8 ramp halved: the top-left 2 × 2 box holds 0, 4, 32 and 36
  const ramp = Uint8Array.from({ length: 64 }, (_, i) => i * 4);
  const half = shrinkToLuma({ data: ramp, width: 8, height: 8, channels: 1, dpi: 200 }, 2);
  if (half.data[0] !== 18 || half.data[15] !== 234) {
    throw new AppError('INTERNAL', {
      vi: `Bộ xử lý ảnh (${kernelsFile()}) tính sai trên ảnh thử`,
      en: `The imaging kernels (${kernelsFile()}) computed a wrong result on a test image`,
    });
  }
  return { file: kernelsFile() };
}
