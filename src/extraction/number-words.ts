/**
 * Numbers written in words ("mười lăm", "hai mươi mốt", "một trăm linh năm"). The engine only accepts them right
 * before a unit of measure, because "năm" is also "year" and "một" is also "a".
 */

const DIGITS: Record<string, number> = {
  khong: 0,
  mot: 1,
  mott: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  lam: 5,
  nham: 5,
  sau: 6,
  bay: 7,
  bey: 7,
  tam: 8,
  chin: 9,
};

/** Folded words that may appear inside a number written in words. */
export const NUMBER_WORDS = new Set([
  ...Object.keys(DIGITS),
  'muoi',
  'tram',
  'linh',
  'le',
  'nghin',
  'ngan',
  'trieu',
  'ty',
  'ti',
]);

// "tư", "lăm", "mốt" only occur after a tens word; "tư" alone is "private"/"fourth", "lăm" alone is not a number.
const ONLY_AFTER_TENS = new Set(['tu', 'lam', 'nham']);

/**
 * Parses folded number words: ["muoi", "lam"] → 15, ["hai", "muoi", "mot"] → 21, ["mot", "tram", "linh", "nam"] → 105.
 * Returns null when the words do not form a number.
 */
export function parseNumberWords(words: readonly string[]): number | null {
  if (words.length === 0) return null;
  let total = 0;
  let group = 0; // below one thousand
  let current = 0; // below one hundred
  let sawDigitOrTens = false;
  let afterTens = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    if (w === 'muoi') {
      // "mười" is ten on its own, "hai mươi" is twenty.
      if (
        current === 0 &&
        i > 0 &&
        words[i - 1] !== 'linh' &&
        words[i - 1] !== 'le' &&
        !isDigitWord(words[i - 1])
      )
        current = 10;
      else current = current === 0 ? 10 : current * 10;
      afterTens = true;
      sawDigitOrTens = true;
      continue;
    }
    if (w === 'tram') {
      group += (current === 0 ? 1 : current) * 100;
      current = 0;
      afterTens = false;
      continue;
    }
    if (w === 'linh' || w === 'le') {
      if (group === 0) return null;
      continue;
    }
    if (w === 'nghin' || w === 'ngan' || w === 'trieu' || w === 'ty' || w === 'ti') {
      const scale = w === 'trieu' ? 1e6 : w === 'ty' || w === 'ti' ? 1e9 : 1e3;
      const unitValue = group + current;
      total += (unitValue === 0 ? 1 : unitValue) * scale;
      group = 0;
      current = 0;
      afterTens = false;
      continue;
    }
    const d = DIGITS[w];
    if (d === undefined) return null;
    if (ONLY_AFTER_TENS.has(w) && !afterTens) return null;
    if (w === 'mot' && afterTens && current >= 20) current += 1;
    else current += d;
    sawDigitOrTens = true;
    afterTens = false;
  }
  if (!sawDigitOrTens && total === 0 && group === 0) return null;
  return total + group + current;
}

function isDigitWord(w: string | undefined): boolean {
  return w !== undefined && DIGITS[w] !== undefined;
}
