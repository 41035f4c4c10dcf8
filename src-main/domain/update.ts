/** What a station knows about newer versions on its release channel (see core/update). */
export type UpdateState = 'disabled' | 'up-to-date' | 'available';

export interface UpdateStatus {
  state: UpdateState;
  channel: 'stable' | 'beta' | 'off';
  currentVersion: string;
  feedUrl: string | null;
  /** The release the feed offers, when it was read. */
  release: { version: string; releaseDate?: string } | null;
  checkedAt: string;
  /** Why nothing was checked (state `disabled`). */
  reason: { vi: string; en: string } | null;
}
