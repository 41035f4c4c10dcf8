/** sharp over raw pixels. One channel stays one channel on output (sharp would widen it to sRGB). */
import sharp from 'sharp';
import type { Sharp } from 'sharp';
import type { RawImage } from '../raw.js';

export function rawInput(image: RawImage): Sharp {
  const s = sharp(image.data, {
    raw: { width: image.width, height: image.height, channels: image.channels },
  });
  return image.channels === 1 ? s.toColourspace('b-w') : s;
}
