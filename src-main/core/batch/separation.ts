/**
 * Which dossier a page belongs to, from where separation stood after the previous page. Pure, so
 * a resumed job decides exactly as an uninterrupted one would.
 */
import type { Separation } from './input.js';
import type { Cursor } from './job-repository.js';

export interface Placement {
  /** 1, 2, … ; 0 is the review bin. */
  position: number;
  MaHoSo: string | null;
  /** The page opened its dossier (it carried the QR code). */
  separator: boolean;
}

type Previous = Pick<Cursor, 'dossierPosition' | 'MaHoSo' | 'pagesInDossier'> | undefined;

export function place(
  separation: Separation,
  previous: Previous,
  code: string | undefined,
): Placement {
  if (separation.kind === 'count') {
    if (!previous) return { position: 1, MaHoSo: null, separator: false };
    const full = previous.pagesInDossier >= separation.pages;
    return {
      position: previous.dossierPosition + (full ? 1 : 0),
      MaHoSo: null,
      separator: false,
    };
  }
  if (code !== undefined) {
    // A separator sheet followed by the receipt carrying the same code opens one dossier, not two.
    if (previous && previous.dossierPosition > 0 && previous.MaHoSo === code)
      return { position: previous.dossierPosition, MaHoSo: code, separator: false };
    return { position: (previous?.dossierPosition ?? 0) + 1, MaHoSo: code, separator: true };
  }
  if (!previous) return { position: 0, MaHoSo: null, separator: false };
  return { position: previous.dossierPosition, MaHoSo: previous.MaHoSo, separator: false };
}
