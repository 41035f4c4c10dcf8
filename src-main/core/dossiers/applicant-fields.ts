/**
 * The values read off a dossier's pages as the clerk confirms them: grouped by kind, each with
 * its page and box, and — for the kinds that describe the applicant — what it would fill in, what
 * the applicant has now, and whether the clerk still has to decide.
 */
import type { Dossier } from '../../domain/index.js';
import type { ApplicantTarget, FieldDecision, StoredPageField } from '../../store/index.js';

/** Which applicant field a kind of value fills in. */
const TARGETS: Readonly<Record<string, ApplicantTarget>> = {
  cccd: 'SoDinhDanh',
  cmnd: 'SoDinhDanh',
  name: 'ChuHoSo',
  phone: 'SoDienThoai',
};

/** Applicant kinds first, in the order a clerk checks them. */
const KIND_ORDER = ['cccd', 'cmnd', 'name', 'phone', 'date', 'dossierCode'];

/**
 * 'same': the applicant already has this value; 'used' / 'kept': the clerk decided; 'open': the
 * applicant field is empty or differs, so the clerk is asked.
 */
export type FieldStatus = 'same' | 'used' | 'kept' | 'open';

export interface ApplicantFieldView extends StoredPageField {
  MaThanhPhanHoSo: string;
  TenThanhPhanHoSo: string;
  /** 0-based place of the page in its component. */
  pageIndex: number;
  target?: ApplicantTarget;
  /** The value it would write (a name printed in capitals is written as a name). */
  proposed?: string;
  /** The applicant's value now. */
  current?: string;
  status?: FieldStatus;
}

export interface FieldGroup {
  kind: string;
  fields: ApplicantFieldView[];
}

export interface ApplicantView {
  ChuHoSo: string;
  SoDinhDanh?: string;
  SoDienThoai?: string;
  Email?: string;
  DiaChi?: string;
}

export interface DossierFields {
  MaHoSo: string;
  applicant: ApplicantView;
  /** False once the dossier is finished (queued or sent): the applicant can no longer change. */
  editable: boolean;
  groups: FieldGroup[];
}

export function targetOf(kind: string): ApplicantTarget | undefined {
  return TARGETS[kind];
}

/** The value a field writes into its target. */
export function proposedValue(target: ApplicantTarget, value: string): string {
  if (target !== 'ChuHoSo') return value.replace(/\D/g, '');
  const name = value.normalize('NFC').trim().replace(/\s+/g, ' ');
  // ID cards and most forms print the name in capitals; the dossier keeps it as a name
  if (name !== name.toLocaleUpperCase('vi')) return name;
  return name
    .toLocaleLowerCase('vi')
    .split(' ')
    .map((word) => word.charAt(0).toLocaleUpperCase('vi') + word.slice(1))
    .join(' ');
}

export function applicantValue(dossier: Dossier, target: ApplicantTarget): string | undefined {
  if (target === 'ChuHoSo') return dossier.ChuHoSo;
  if (target === 'SoDinhDanh') return dossier.DinhDanhCHS?.SoDinhDanh;
  return dossier.SoDienThoai;
}

/** Same value as far as the applicant is concerned: names by letters, numbers by digits. */
export function sameValue(target: ApplicantTarget, a: string, b: string | undefined): boolean {
  if (b === undefined) return false;
  if (target === 'ChuHoSo') {
    const norm = (s: string) =>
      s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
    return norm(a) === norm(b);
  }
  return a.replace(/\D/g, '') === b.replace(/\D/g, '');
}

export function fieldGroups(
  dossier: Dossier,
  fields: readonly StoredPageField[],
  decisions: readonly FieldDecision[],
  placeOf: (
    pageId: number,
  ) => Pick<ApplicantFieldView, 'MaThanhPhanHoSo' | 'TenThanhPhanHoSo' | 'pageIndex'>,
): FieldGroup[] {
  const byKind = new Map<string, ApplicantFieldView[]>();
  for (const field of fields) {
    const target = targetOf(field.kind);
    const view: ApplicantFieldView = { ...field, ...placeOf(field.pageId) };
    if (target) {
      const proposed = proposedValue(target, field.value);
      const current = applicantValue(dossier, target);
      const decided = decisions.find((d) => d.target === target && d.value === proposed);
      Object.assign(view, {
        target,
        proposed,
        ...(current !== undefined ? { current } : {}),
        status: sameValue(target, proposed, current) ? 'same' : (decided?.decision ?? 'open'),
      });
    }
    byKind.set(field.kind, [...(byKind.get(field.kind) ?? []), view]);
  }
  const rank = (kind: string) => {
    const i = KIND_ORDER.indexOf(kind);
    return i < 0 ? KIND_ORDER.length : i;
  };
  return [...byKind.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([kind, list]) => ({
      kind,
      fields: list.sort((a, b) => b.confidence - a.confidence || a.id - b.id),
    }));
}
