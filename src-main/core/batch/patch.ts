/** Patch-code separator sheets, read by the imaging layer's patch reader on the decoded page. */
import type { PatchType } from '../../domain/index.js';
import { decodeImage, findPatchCode } from '../../imaging/index.js';

export async function patchCodeOnPage(image: Uint8Array): Promise<PatchType | undefined> {
  const { image: raw } = await decodeImage(image);
  return (await findPatchCode(raw))?.type;
}
