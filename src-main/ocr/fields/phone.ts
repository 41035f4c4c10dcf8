/**
 * Vietnamese phone numbers: mobiles 0[35789]x xxx xxxx (10 digits) and landlines 02xx xxx xxxx
 * (11 digits), printed with spaces, dots or dashes, or with +84 in place of the leading 0.
 * Values are the national form, digits only.
 */
import type { Candidate, FieldRule } from './candidate.js';

const LABEL = /(điện\s*thoại|đt|sđt|dđ|di\s*động|phone|tel)/iu;
const RUN = /(?<![\p{L}\p{N}+])(\+?\s?84|0)(?:[ .-]?\d){8,10}(?![\p{L}\p{N}])/gu;

export const phoneRule: FieldRule = (text) => {
  const found: Candidate[] = [];
  for (const m of text.matchAll(RUN)) {
    const digits = m[0].replace(/\D/g, '').replace(/^84/, '0');
    const mobile = /^0[35789]\d{8}$/.test(digits);
    const landline = /^02\d{9}$/.test(digits);
    if (!mobile && !landline) continue;
    const label = LABEL.exec(text.slice(0, m.index))?.[1];
    found.push({
      kind: 'phone',
      value: digits,
      start: m.index,
      end: m.index + m[0].length,
      trust: label ? 1 : 0.8,
      ...(label ? { label } : {}),
    });
  }
  return found;
};
