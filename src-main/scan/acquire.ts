/**
 * One acquisition: pages from a driver (scanner or file import) land at a destination one by one,
 * in order, each before the next is taken; after each, a `pageAcquired` event with a thumbnail.
 * If the source fails, everything that landed stays landed and the error says how many did.
 */
import { isAppError } from '../domain/index.js';
import type { LandedPage, PageDestination, PageLocation } from './destination.js';
import { sha256Of, writeLandingIntent } from './landing-journal.js';
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

/**
 * Lands one page; a spooled page first records its intent (content hash, destination watermark)
 * so that spool recovery can tell, after a crash, whether this landing committed.
 */
export function landOnce(image: AcquiredImage, destination: PageDestination): Promise<LandedPage> {
  if (image.spool && destination.journal) {
    writeLandingIntent(image.spool.dir, image.spool.index, {
      sha256: sha256Of(image.bytes),
      watermark: destination.journal.watermark(),
    });
  }
  return destination.land(image);
}

export async function pageAcquiredEvent(
  image: AcquiredImage,
  landed: LandedPage,
): Promise<PageAcquired> {
  return {
    index: landed.index,
    location: landed.location,
    mime: image.mime,
    width: image.width,
    height: image.height,
    dpi: image.dpi,
    origin: image.origin,
    thumbnail: await (image.thumbnail ?? thumbnailDataUrl(image.bytes)),
    latencyMs: Date.now() - image.completedAt,
  };
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
      const landed = await landOnce(image, destination);
      pages.push(landed);
      if (onPageAcquired) onPageAcquired(await pageAcquiredEvent(image, landed));
    }
  } catch (error) {
    if (isAppError(error) && error.details) error.details.pagesKept = pages.length;
    throw error;
  }
}
