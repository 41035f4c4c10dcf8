/**
 * Every string of the interface exists in both languages. The compiler already checks that
 * each `t('…')` key exists in the Vietnamese resources (src-renderer/i18n/i18next.d.ts); this
 * checks English against them: same keys (plural forms per language), same interpolation
 * variables, nothing empty, list lengths equal, and Vietnamese text in precomposed form (NFC).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Tree = { [key: string]: string | string[] | Tree };

const load = (lang: string): Tree =>
  JSON.parse(
    readFileSync(new URL(`../../src-renderer/i18n/${lang}.json`, import.meta.url), 'utf8'),
  ) as Tree;

/** Flattens to `a.b.c` → value. */
function flatten(tree: Tree, prefix = ''): Map<string, string | string[]> {
  const out = new Map<string, string | string[]>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string' || Array.isArray(value)) out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

// CLDR plural categories: Vietnamese has only "other"; English has "one" and "other".
const pluralForms = { vi: ['other'], en: ['one', 'other'] } as const;
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** Keys as the code uses them (plural suffixes removed), with the forms present for each. */
function baseKeys(flat: Map<string, unknown>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const key of flat.keys()) {
    const match = pluralSuffix.exec(key);
    const base = match ? key.slice(0, match.index) : key;
    out.set(base, [...(out.get(base) ?? []), ...(match ? [match[1] as string] : [])]);
  }
  return out;
}

const variables = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const texts = (value: string | string[]) => (Array.isArray(value) ? value : [value]);

const vi = flatten(load('vi'));
const en = flatten(load('en'));

describe('interface translations', () => {
  it('have the same keys in Vietnamese and English', () => {
    expect([...baseKeys(en).keys()].sort()).toEqual([...baseKeys(vi).keys()].sort());
  });

  it('have each language’s plural forms', () => {
    for (const [lang, flat] of [['vi', vi] as const, ['en', en] as const]) {
      for (const [key, forms] of baseKeys(flat)) {
        if (forms.length > 0)
          expect(forms.sort(), `${lang} ${key}`).toEqual([...pluralForms[lang]]);
      }
    }
  });

  it('use the same interpolation variables and list lengths, and nothing is empty', () => {
    const pick = (flat: Map<string, string | string[]>, base: string) =>
      flat.get(base) ?? flat.get(`${base}_other`) ?? [];
    for (const base of baseKeys(vi).keys()) {
      const [a, b] = [pick(vi, base), pick(en, base)];
      expect(Array.isArray(a), base).toBe(Array.isArray(b));
      expect(texts(b).length, base).toBe(texts(a).length);
      texts(a).forEach((text, i) => {
        expect(text.trim(), `vi ${base}`).not.toBe('');
        expect((texts(b)[i] ?? '').trim(), `en ${base}`).not.toBe('');
        expect(variables(texts(b)[i] ?? ''), base).toEqual(variables(text));
      });
    }
  });

  it('keep Vietnamese text precomposed (NFC), as typed and as search expects', () => {
    for (const [key, value] of vi) {
      for (const text of texts(value)) expect(text, key).toBe(text.normalize('NFC'));
    }
    // and they are really Vietnamese: the area names carry their tone marks
    expect(vi.get('areas.batch.name')).toBe('L\u00f4 s\u1ed1 h\u00f3a');
  });
});
