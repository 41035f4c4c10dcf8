/**
 * Thumbnails (256 px) and previews (2000 px, for zoom) of pages, as JPEG, with the clerk's
 * rotation applied. Rendering a 300 dpi scan costs tens of milliseconds, and a grid asks for the
 * same thumbnails again as it scrolls, so recent renderings are kept (bounded, least recently
 * used first out), keyed by the page's version.
 */
import sharp from 'sharp';
import type { PageImage, PageImageSize } from './types.js';

export const IMAGE_EDGE: Record<PageImageSize, number> = { thumbnail: 256, preview: 2000 };
const QUALITY: Record<PageImageSize, number> = { thumbnail: 70, preview: 85 };
const KEEP: Record<PageImageSize, number> = { thumbnail: 1000, preview: 12 };

export interface ImageSource {
  pageId: number;
  version: string;
  rotation: number;
  bytes: () => Buffer;
}

export class PageImages {
  readonly #cache: Record<PageImageSize, Map<string, Promise<PageImage>>> = {
    thumbnail: new Map(),
    preview: new Map(),
  };

  render(source: ImageSource, size: PageImageSize): Promise<PageImage> {
    const cache = this.#cache[size];
    const key = `${source.pageId}:${source.version}`;
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key); // re-insert: Map order is the recency order
      cache.set(key, hit);
      return hit;
    }
    const rendering = encode(source, size);
    cache.set(key, rendering);
    rendering.catch(() => cache.delete(key)); // a failure is not remembered
    for (const oldest of cache.keys()) {
      if (cache.size <= KEEP[size]) break;
      cache.delete(oldest);
    }
    return rendering;
  }
}

async function encode(source: ImageSource, size: PageImageSize): Promise<PageImage> {
  const edge = IMAGE_EDGE[size];
  const { data, info } = await sharp(source.bytes(), { limitInputPixels: false })
    .rotate(source.rotation)
    .resize({ width: edge, height: edge, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: QUALITY[size] })
    .toBuffer({ resolveWithObject: true });
  return {
    pageId: source.pageId,
    size,
    version: source.version,
    mime: 'image/jpeg',
    data: data.toString('base64'),
    width: info.width,
    height: info.height,
  };
}
