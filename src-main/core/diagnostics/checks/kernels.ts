/**
 * Image cleanup's compiled kernels (native/kernels → kernels.wasm) load and compute: without
 * them no page can be cleaned, so a missing or damaged file fails the check.
 */
import type { DoctorCheck } from '../../../domain/index.js';
import { kernelSelfTest } from '../../../imaging/index.js';
import { fail, ok, reasonOf } from './outcome.js';

export function kernelsCheck(): DoctorCheck {
  return {
    id: 'imaging.kernels',
    title: { vi: 'Bộ xử lý ảnh', en: 'Imaging kernels' },
    run() {
      try {
        const { file } = kernelSelfTest();
        return ok({ vi: `Nạp và chạy được ${file}`, en: `Loaded and ran ${file}` });
      } catch (error) {
        return fail(reasonOf(error), {
          vi: 'Cài lại SoHoa (hoặc trong bản mã nguồn: node native/kernels/build.mjs)',
          en: 'Reinstall SoHoa (in a source checkout: node native/kernels/build.mjs)',
        });
      }
    },
  };
}
