/** The small preview a `pageAcquired` event carries, so the UI can show a page at once. */
import sharp, { type Sharp } from 'sharp';

export const THUMBNAIL_WIDTH = 200;

/** A JPEG data URL (at most THUMBNAIL_WIDTH wide); shrink-on-load keeps it cheap for big pages. */
export function thumbnailDataUrl(image: Buffer): Promise<string> {
  return thumbnailFrom(sharp(image, { limitInputPixels: false }));
}

export async function thumbnailFrom(input: Sharp): Promise<string> {
  const jpeg = await input
    .resize({ width: THUMBNAIL_WIDTH, withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 70 })
    .toBuffer();
  return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
}
