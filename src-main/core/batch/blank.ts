/**
 * Blank separator sheets, decided by the imaging pipeline's own blank detector (writing-sized ink
 * after binarisation and despeckling), without the orientation and deskew stages it does not need.
 */
import { cleanPage, decodeImage, resolveProfile } from '../../imaging/index.js';

const profile = resolveProfile('bulk', {
  orientation: false,
  deskew: false,
  crop: false,
  colorMode: 'bw',
});

export async function isBlankSheet(image: Uint8Array): Promise<boolean> {
  const { image: raw } = await decodeImage(image);
  return (await cleanPage(raw, profile)).decisions.blank.blank;
}
