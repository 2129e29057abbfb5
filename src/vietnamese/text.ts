/**
 * Matching and sorting Vietnamese text. Input from Word files, web forms and old databases mixes NFC and
 * NFD, and places tone marks two ways ("Hòa"/"Hoà", "Thủy"/"Thuỷ"), so names are compared through keys.
 */

/** Canonical composition; store and compare text in this form. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/** Strips tone and vowel marks for loose matching: "Đắk Lắk" → "Dak Lak", "Thừa Thiên Huế" → "Thua Thien Hue". */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/** The five tone marks as combining characters: huyền, sắc, ngã, hỏi, nặng. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/;
const VOWELS = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);
const MARKED_VOWELS = new Set(['ă', 'â', 'ê', 'ô', 'ơ', 'ư']);

interface Letter {
  /** The letter with its vowel marks but without a tone, NFD. */
  text: string;
  /** Lower-case NFC form without tone, for classification. */
  key: string;
}

/** Index of the letter that carries the tone under the traditional rule (hòa, thủy, túy, khỏe, quý, già). */
function toneIndex(letters: Letter[]): number | null {
  const isVowel = (i: number) => VOWELS.has(letters[i]?.key ?? '');
  let start = letters.findIndex((_, i) => isVowel(i));
  if (start < 0) return null;
  const onset = letters
    .slice(0, start)
    .map((l) => l.key)
    .join('');
  // In "qu" and in "gi" before another vowel, the u/i belong to the onset: quý, già, giường.
  if ((onset === 'q' && letters[start]?.key === 'u') || (onset === 'g' && letters[start]?.key === 'i')) {
    if (isVowel(start + 1)) start++;
  }
  let end = start;
  while (isVowel(end + 1)) end++;
  const cluster: number[] = [];
  for (let i = start; i <= end; i++) cluster.push(i);
  const marked = cluster.filter((i) => MARKED_VOWELS.has(letters[i]?.key ?? ''));
  // "ươ" carries the tone on ơ; otherwise the vowel with a mark takes it.
  if (marked.length > 0) return marked[marked.length - 1] ?? null;
  if (cluster.length === 1) return start;
  if (cluster.length >= 3) return start + 1;
  const closed = end + 1 < letters.length;
  return closed ? end : start;
}

function normalizeSyllable(word: string): string {
  const decomposed = word.normalize('NFD');
  const tones: string[] = [];
  const letters: Letter[] = [];
  for (const ch of decomposed) {
    if (TONE_MARKS.test(ch)) tones.push(ch);
    else if (/\p{M}/u.test(ch) && letters.length > 0) {
      const last = letters[letters.length - 1];
      if (last) last.text += ch;
    } else letters.push({ text: ch, key: '' });
  }
  if (tones.length !== 1) return word;
  for (const letter of letters) letter.key = letter.text.normalize('NFC').toLocaleLowerCase('vi');
  const at = toneIndex(letters);
  if (at === null) return word;
  return letters
    .map((l, i) => (i === at ? l.text + tones[0] : l.text))
    .join('')
    .normalize('NFC');
}

/**
 * Places every tone mark by one rule (the traditional one: "hòa", "thủy", "túy"), so that spellings that
 * differ only in tone placement become equal: normalizeToneMarks("Hoà") === normalizeToneMarks("Hòa").
 * Returns NFC text; case and everything that is not a syllable with one tone mark are left as they are.
 */
export function normalizeToneMarks(text: string): string {
  return text.normalize('NFC').replace(/[\p{L}\p{M}]+/gu, normalizeSyllable);
}

const collator = new Intl.Collator('vi');

/**
 * A comparator for sorting names in Vietnamese order (a < ă < â, d < đ, tones after the letter):
 * names.sort(collateVi). Tone placement variants sort together; ties are broken on the raw text so the
 * order is stable across runs.
 */
export function collateVi(a: string, b: string): number {
  return collator.compare(normalizeToneMarks(a), normalizeToneMarks(b)) || collator.compare(a, b);
}
