import type { FieldKind } from './field.js';

/** A rule's find in one line's text, before boxes and confidences are attached. */
export interface Candidate {
  kind: FieldKind;
  value: string;
  start: number;
  end: number;
  /** How much the rule itself trusts the find (1 = labelled and intact). */
  trust: number;
  label?: string;
}

export type FieldRule = (text: string) => Candidate[];
