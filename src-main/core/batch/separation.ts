/**
 * Which dossier and component a page belongs to, from where separation stood after the previous
 * page. Pure, so a resumed job decides exactly as an uninterrupted one would.
 */
import type { ComponentSplit, PatchType, Separation } from '../../domain/index.js';
import type { Cursor } from './job-repository.js';

/** What was seen on the page: a dossier code in a QR or barcode, a patch code, a blank sheet. */
export interface PageMarks {
  code?: string;
  patch?: PatchType;
  blank?: boolean;
}

export interface Placement {
  /** 1, 2, … ; 0 is the review bin. */
  position: number;
  MaHoSo: string | null;
  /** The page opened its dossier. */
  separator: boolean;
  /** A separator sheet (blank, or carrying a patch code): kept with its dossier, not content. */
  blank: boolean;
  /** Component position (1, 2, …) of a content page of a dossier; null otherwise. */
  component: number | null;
}

type Previous =
  | Pick<
      Cursor,
      'dossierPosition' | 'MaHoSo' | 'pagesInDossier' | 'contentPages' | 'component' | 'lastBlank'
    >
  | undefined;

type DossierPlacement = Omit<Placement, 'component'>;

const NONE: DossierPlacement = { position: 0, MaHoSo: null, separator: false, blank: false };

function same(previous: NonNullable<Previous>, blank = false): DossierPlacement {
  return { position: previous.dossierPosition, MaHoSo: previous.MaHoSo, separator: false, blank };
}

function dossierOf(
  separation: Separation,
  components: ComponentSplit,
  previous: Previous,
  marks: PageMarks,
): DossierPlacement {
  // A blank sheet inside a dossier separates its components: kept, not content.
  const componentSheet = components === 'blank' && marks.blank === true;
  switch (separation.kind) {
    case 'count': {
      if (!previous) return { position: 1, MaHoSo: null, separator: false, blank: componentSheet };
      const full = previous.pagesInDossier >= separation.pages;
      return full
        ? { position: previous.dossierPosition + 1, MaHoSo: null, separator: false, blank: false }
        : same(previous, componentSheet);
    }
    case 'blank': {
      if (!marks.blank) return previous ? same(previous) : NONE;
      // The back of a separator sheet scanned duplex is blank too: still the same separator.
      if (previous && previous.dossierPosition > 0 && previous.contentPages === 0)
        return same(previous, true);
      const position = (previous?.dossierPosition ?? 0) + 1;
      return { position, MaHoSo: null, separator: true, blank: true };
    }
    case 'patch': {
      const { patch } = marks;
      if (patch !== undefined && separation.dossier.includes(patch)) {
        // Both sides printed, or two sheets in a row: still the one separator.
        if (previous && previous.dossierPosition > 0 && previous.contentPages === 0)
          return same(previous, true);
        const position = (previous?.dossierPosition ?? 0) + 1;
        return { position, MaHoSo: null, separator: true, blank: true };
      }
      // Before the first dossier patch everything goes to the review bin as it is.
      if (!previous || previous.dossierPosition === 0) return NONE;
      if (patch !== undefined && separation.component.includes(patch)) return same(previous, true);
      // The blank back of a sheet scanned duplex belongs to the sheet.
      if (marks.blank === true && previous.lastBlank) return same(previous, true);
      // A patch the job gave no meaning (a scanner's colour toggle, …) is an ordinary page.
      return same(previous, componentSheet);
    }
    case 'qr': {
      const { code } = marks;
      if (code === undefined) return previous ? same(previous, componentSheet) : NONE;
      // A separator sheet followed by the receipt carrying the same code opens one dossier.
      if (previous && previous.dossierPosition > 0 && previous.MaHoSo === code)
        return same(previous);
      const position = (previous?.dossierPosition ?? 0) + 1;
      return { position, MaHoSo: code, separator: true, blank: false };
    }
  }
}

export function place(
  separation: Separation,
  components: ComponentSplit,
  previous: Previous,
  marks: PageMarks,
): Placement {
  const placed = dossierOf(separation, components, previous, marks);
  if (placed.position === 0 || placed.blank) return { ...placed, component: null };
  if (!previous || previous.dossierPosition !== placed.position) return { ...placed, component: 1 };
  const current = previous.component ?? 1;
  // After a component separator sheet (blank, or a component patch with its blank back).
  const sheets = components === 'blank' || separation.kind === 'patch';
  const advance = sheets && previous.lastBlank && previous.component !== null ? 1 : 0;
  return { ...placed, component: current + advance };
}
