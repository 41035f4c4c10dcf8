/**
 * Where acquired pages land: a folder (`--out`) or a dossier component in the store. Landing is
 * durable when it returns — the page is on disk and recorded before anything else happens to it.
 */
import type { DestinationJournal } from './landing-journal.js';
import type { AcquiredImage } from './types.js';

export type PageLocation =
  { path: string } | { dossier: string; component: string; pageId: number; blobSha256: string };

export interface LandedPage {
  index: number;
  location: PageLocation;
}

export interface PageDestination {
  land(image: AcquiredImage): Promise<LandedPage>;
  /** Present when spooled pages bound here can be landed again after a crash. */
  readonly journal?: DestinationJournal;
}
