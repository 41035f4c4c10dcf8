/**
 * How values read off pages are shown: the plain names of their kinds and of the applicant
 * fields they fill, and dates the way Vietnamese papers write them.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantTarget } from './types.js';

const KINDS = ['cccd', 'cmnd', 'name', 'phone', 'date', 'dossierCode'] as const;
type KnownKind = (typeof KINDS)[number];

function isKnown(kind: string): kind is KnownKind {
  return (KINDS as readonly string[]).includes(kind);
}

export function useKindName(): (kind: string) => string {
  const { t } = useTranslation();
  return useCallback((kind: string) => (isKnown(kind) ? t(`fields.kinds.${kind}`) : kind), [t]);
}

export function useTargetName(): (target: ApplicantTarget) => string {
  const { t } = useTranslation();
  return useCallback((target: ApplicantTarget) => t(`fields.targets.${target}`), [t]);
}

/** The value as a clerk reads it: dates (ISO in the core) as dd/mm/yyyy. */
export function displayValue(field: { kind: string; value: string }): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(field.value);
  return field.kind === 'date' && iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : field.value;
}
