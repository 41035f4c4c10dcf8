/**
 * One acquisition: pages from a driver (scanner or file import) land at a destination one by one,
 * in order, each before the next is taken; after each, a `pageAcquired` event with a thumbnail.
 * If the source fails, everything that landed stays landed and the error says how many did.
 */
import { isAppError } from '../domain/index.js';
import type { LandedPage, PageDestination, PageLocation } from './destination.js';
import { thumbnailDataUrl } from './thumbnail.js';
import type { AcquiredImage } from './types.js';

/** The `pageAcquired` event payload. */
export interface PageAcquired {
  index: number;
  location: PageLocation;
  mime: AcquiredImage['mime'];
  width: number;
  height: number;
  dpi: number;
  origin: AcquiredImage['origin'];
  /** JPEG data URL, at most 200 px wide. */
  thumbnail: string;
  /** From the page's last byte to this event, in milliseconds. */
  latencyMs: number;
}

export interface AcquireResult<R> {
  pages: LandedPage[];
  result: R;
}

export async function acquire<R>(
  source: AsyncGenerator<AcquiredImage, R, void>,
  destination: PageDestination,
  onPageAcquired?: (event: PageAcquired) => void,
): Promise<AcquireResult<R>> {
  const pages: LandedPage[] = [];
  try {
    for (;;) {
      const next = await source.next();
      if (next.done) return { pages, result: next.value };
      const image = next.value;
      const landed = await destination.land(image);
      pages.push(landed);
      if (onPageAcquired) {
        const thumbnail = await (image.thumbnail ?? thumbnailDataUrl(image.bytes));
        onPageAcquired({
          index: landed.index,
          location: landed.location,
          mime: image.mime,
          width: image.width,
          height: image.height,
          dpi: image.dpi,
          origin: image.origin,
          thumbnail,
          latencyMs: Date.now() - image.completedAt,
        });
      }
    }
  } catch (error) {
    if (isAppError(error) && error.details) error.details.pagesKept = pages.length;
    throw error;
  }
}
