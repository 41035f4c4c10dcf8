/**
 * Which dossier a page belongs to, from where separation stood after the previous page. Pure, so
 * a resumed job decides exactly as an uninterrupted one would.
 */
import type { Separation } from '../../domain/index.js';
import type { Cursor } from './job-repository.js';

/** What was seen on the page: a dossier code in a QR, or a blank sheet. */
export interface PageMarks {
  code?: string;
  blank?: boolean;
}

export interface Placement {
  /** 1, 2, … ; 0 is the review bin. */
  position: number;
  MaHoSo: string | null;
  /** The page opened its dossier. */
  separator: boolean;
  /** A blank separator sheet: kept with its dossier, not content. */
  blank: boolean;
}

type Previous =
  Pick<Cursor, 'dossierPosition' | 'MaHoSo' | 'pagesInDossier' | 'contentPages'> | undefined;

function same(previous: NonNullable<Previous>): Placement {
  return {
    position: previous.dossierPosition,
    MaHoSo: previous.MaHoSo,
    separator: false,
    blank: false,
  };
}

export function place(separation: Separation, previous: Previous, marks: PageMarks): Placement {
  switch (separation.kind) {
    case 'count': {
      if (!previous) return { position: 1, MaHoSo: null, separator: false, blank: false };
      const full = previous.pagesInDossier >= separation.pages;
      return full
        ? { position: previous.dossierPosition + 1, MaHoSo: null, separator: false, blank: false }
        : same(previous);
    }
    case 'blank': {
      if (!marks.blank) return previous ? same(previous) : { ...NONE };
      // The back of a separator sheet scanned duplex is blank too: still the same separator.
      if (previous && previous.dossierPosition > 0 && previous.contentPages === 0)
        return { ...same(previous), blank: true };
      const position = (previous?.dossierPosition ?? 0) + 1;
      return { position, MaHoSo: null, separator: true, blank: true };
    }
    case 'qr': {
      const { code } = marks;
      if (code === undefined) return previous ? same(previous) : { ...NONE };
      // A separator sheet followed by the receipt carrying the same code opens one dossier.
      if (previous && previous.dossierPosition > 0 && previous.MaHoSo === code)
        return same(previous);
      const position = (previous?.dossierPosition ?? 0) + 1;
      return { position, MaHoSo: code, separator: true, blank: false };
    }
  }
}

const NONE: Placement = { position: 0, MaHoSo: null, separator: false, blank: false };
