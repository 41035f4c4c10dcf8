/**
 * Vietnamese search folding: lower case, tone and vowel marks removed, and đ→d (which Unicode
 * does not decompose, so FTS5's remove_diacritics leaves it alone). The fold keeps every UTF-16
 * position, so an offset found in the folded text is the same offset in the original (NFC) text;
 * snippets highlight the original words that way.
 */
const cache = new Map<string, string>();

function foldChar(ch: string): string {
  const known = cache.get(ch);
  if (known !== undefined) return known;
  let out = ch;
  if (ch === 'đ' || ch === 'Đ') out = 'd';
  else {
    const base = ch
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase();
    if (base.length === ch.length) out = base;
  }
  if (cache.size < 4096) cache.set(ch, out);
  return out;
}

/** The folded form of `text`; `text` is first put in NFC, the form the length guarantee is for. */
export function foldVietnamese(text: string): string {
  const nfc = text.normalize('NFC');
  let out = '';
  for (const ch of nfc) out += ch.length === 1 && ch < '\u0080' ? ch.toLowerCase() : foldChar(ch);
  return out;
}
