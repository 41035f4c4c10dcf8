/**
 * Field extraction over a recognised page. Rules run line by line in a fixed order, and a span
 * of text claimed by one rule is not offered to the next: a dossier code's date part is not a
 * date, a CCCD's first ten digits are not a phone number. Each value is reported once, at its
 * most confident occurrence.
 */
import { pageLines } from '../result/page.js';
import type { OcrPage } from '../result/page.js';
import type { FieldRule } from './candidate.js';
import { dateRule } from './dates.js';
import { dossierCodeRule } from './dossier-code.js';
import type { OcrField } from './field.js';
import { identityRule } from './identity.js';
import { lineText } from './line-text.js';
import { nameRule } from './names.js';
import { phoneRule } from './phone.js';

const RULES: readonly FieldRule[] = [dossierCodeRule, identityRule, dateRule, phoneRule, nameRule];

export function extractFields(page: OcrPage): OcrField[] {
  const best = new Map<string, OcrField>();
  for (const line of pageLines(page)) {
    const lt = lineText(line);
    const claimed: Array<[number, number]> = [];
    for (const rule of RULES) {
      for (const c of rule(lt.text)) {
        if (claimed.some(([s, e]) => c.start < e && c.end > s)) continue;
        claimed.push([c.start, c.end]);
        const source = lt.source(c.start, c.end);
        const field: OcrField = {
          kind: c.kind,
          value: c.value,
          text: lt.text.slice(c.start, c.end),
          confidence: Math.round(source.confidence * c.trust * 1000) / 1000,
          box: source.box,
          ...(c.label ? { label: c.label } : {}),
        };
        const key = `${c.kind}:${c.value}`;
        const seen = best.get(key);
        if (!seen || seen.confidence < field.confidence) best.set(key, field);
      }
    }
  }
  return [...best.values()];
}
