/**
 * Where only digits can stand, the recogniser's usual slips are unambiguous: O for 0, l/I/| for 1.
 * Repairing them there (and only there) recovers numbers from worn or faint print.
 */
const SLIPS: Readonly<Record<string, string>> = {
  O: '0',
  o: '0',
  D: '0',
  I: '1',
  l: '1',
  '|': '1',
};

/** A character class for a digit or one of its slips (for use inside a RegExp). */
export const DIGITISH = '[0-9OoDIl|]';

export interface RepairedDigits {
  digits: string;
  /** How many characters had to be repaired. */
  repaired: number;
}

/** Keeps digits and repaired slips, drops separators (spaces, dots, dashes). */
export function repairDigits(raw: string): RepairedDigits {
  let digits = '';
  let repaired = 0;
  for (const ch of raw) {
    if (ch >= '0' && ch <= '9') digits += ch;
    else if (SLIPS[ch] !== undefined) {
      digits += SLIPS[ch];
      repaired += 1;
    }
  }
  return { digits, repaired };
}

/** Each repaired character costs some trust; three or more make the value a guess. */
export function repairTrust(repaired: number): number {
  return Math.max(0.5, 1 - 0.15 * repaired);
}
