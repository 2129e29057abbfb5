/**
 * Numbers in Vietnamese words, as written in administrative texts ("Bằng chữ", totals in brackets).
 *
 * Conventions of the writer (the reader accepts the common variants):
 * - 0 in the tens place after a hundred is "linh" (105 → "một trăm linh năm"); "lẻ" is the southern variant.
 * - 1 after "mươi" is "mốt" (21 → "hai mươi mốt"), 5 after "mười"/"mươi" is "lăm" (15, 25).
 * - 4 after "mươi" is "tư" (24 → "hai mươi tư"), as administrative writing does; elsewhere it is "bốn"
 *   ("mười bốn", "một trăm linh bốn").
 * - Groups after the first are read in full, zero hundreds included, and empty groups are skipped:
 *   1.005 → "một nghìn không trăm linh năm", 1.000.005 → "một triệu không trăm linh năm".
 * - Above a billion the scales compound: 10^12 → "một nghìn tỷ".
 * - A decimal part of up to 3 digits is read as a number after its leading zeros
 *   (138,6 → "… phẩy sáu", 9,79 → "… phẩy bảy mươi chín", 0,05 → "không phẩy không năm");
 *   longer ones digit by digit.
 */

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

export interface NumberWordsOptions {
  /** "tư" (default, administrative) or "bốn" for a 4 after "mươi". */
  four?: 'tư' | 'bốn';
  /** "linh" (default) or the southern "lẻ" for an empty tens place. */
  zeroTens?: 'linh' | 'lẻ';
  /** "nghìn" (default) or the southern "ngàn". */
  thousand?: 'nghìn' | 'ngàn';
}

type Resolved = Required<NumberWordsOptions>;

function digit(d: number): string {
  return DIGITS[d] ?? '';
}

/** Words for 0–999. `full` reads the hundreds even when zero, as every group after the first needs. */
function tripleWords(n: number, full: boolean, o: Resolved): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor(n / 10) % 10;
  const u = n % 10;
  const words: string[] = [];
  const readHundreds = full || h > 0;
  if (readHundreds) words.push(digit(h), 'trăm');
  if (t === 0) {
    if (u > 0) {
      if (readHundreds) words.push(o.zeroTens);
      words.push(digit(u));
    }
  } else if (t === 1) {
    words.push('mười');
    if (u === 5) words.push('lăm');
    else if (u > 0) words.push(digit(u));
  } else {
    words.push(digit(t), 'mươi');
    if (u === 1) words.push('mốt');
    else if (u === 4) words.push(o.four);
    else if (u === 5) words.push('lăm');
    else if (u > 0) words.push(digit(u));
  }
  return words;
}

const BILLION = 1_000_000_000;

/** Words for a positive integer; `leading` tells whether it opens the number (so hundreds may be omitted). */
function integerWords(n: number, leading: boolean, o: Resolved): string[] {
  if (n >= BILLION) {
    const high = Math.floor(n / BILLION);
    const low = n % BILLION;
    const words = [...integerWords(high, leading, o), 'tỷ'];
    if (low > 0) words.push(...integerWords(low, false, o));
    return words;
  }
  const groups: Array<[number, string | null]> = [
    [Math.floor(n / 1_000_000), 'triệu'],
    [Math.floor(n / 1000) % 1000, o.thousand],
    [n % 1000, null],
  ];
  const words: string[] = [];
  let first = leading;
  for (const [value, scale] of groups) {
    if (value === 0) continue;
    words.push(...tripleWords(value, !first, o));
    if (scale) words.push(scale);
    first = false;
  }
  return words;
}

/** The digits after the decimal point of a finite number, without exponent notation ("" for integers). */
function fractionDigits(abs: number): string {
  let text = String(abs);
  if (text.includes('e')) text = abs.toFixed(20).replace(/0+$/, '');
  const dot = text.indexOf('.');
  return dot < 0 ? '' : text.slice(dot + 1);
}

function fractionWords(digits: string, o: Resolved): string[] {
  if (digits.length > 3) return [...digits].map((d) => digit(Number(d)));
  const zeros = digits.length - digits.replace(/^0+/, '').length;
  return [...Array<string>(zeros).fill('không'), ...integerWords(Number(digits), true, o)];
}

/**
 * numberToWords(1457) → "một nghìn bốn trăm năm mươi bảy"; numberToWords(138.6) → "một trăm ba mươi tám
 * phẩy sáu"; numberToWords(-3) → "âm ba". Throws a RangeError for non-finite or unsafe integers.
 * Round the value first: the decimal part is read exactly as the number holds it.
 */
export function numberToWords(n: number, options: NumberWordsOptions = {}): string {
  if (!Number.isFinite(n)) throw new RangeError(`numberToWords: ${n} is not a finite number`);
  const abs = Math.abs(n);
  const integer = Math.floor(abs);
  if (integer > Number.MAX_SAFE_INTEGER) throw new RangeError(`numberToWords: ${n} is too large`);
  const o: Resolved = { four: 'tư', zeroTens: 'linh', thousand: 'nghìn', ...options };
  const fraction = fractionDigits(abs);
  const words = integer === 0 ? ['không'] : integerWords(integer, true, o);
  if (fraction !== '') words.push('phẩy', ...fractionWords(fraction, o));
  if (n < 0) words.unshift('âm');
  return words.join(' ');
}

/** capitalizeFirst("một nghìn") → "Một nghìn", for totals written "(Một nghìn … vụ)". */
export function capitalizeFirst(text: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const head = String.fromCodePoint(first);
  return head.toLocaleUpperCase('vi') + text.slice(head.length);
}

// ---------------------------------------------------------------------------------------------------------
// Reading words back.

const UNIT_WORDS: Record<string, number> = {
  không: 0,
  một: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  năm: 5,
  sáu: 6,
  bảy: 7,
  bẩy: 7,
  tám: 8,
  chín: 9,
};

/** Units allowed after "mười" (14 may be "mười tư"; "mười năm" means "ten years", so 15 needs "lăm"). */
const AFTER_MUOI: Record<string, number> = {
  một: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  tư: 4,
  lăm: 5,
  sáu: 6,
  bảy: 7,
  bẩy: 7,
  tám: 8,
  chín: 9,
};

/** Units allowed after "mươi" ("hai mươi năm" is "twenty years", so 25 needs "lăm" or "nhăm"). */
const AFTER_MUOI_TENS: Record<string, number> = { ...AFTER_MUOI, mốt: 1, nhăm: 5 };

/** Units allowed after "linh"/"lẻ" (105 may be "một trăm linh năm" or "một trăm lẻ năm"). */
const AFTER_LINH: Record<string, number> = {
  một: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  tư: 4,
  năm: 5,
  sáu: 6,
  bảy: 7,
  bẩy: 7,
  tám: 8,
  chín: 9,
};

/** Digits read one by one after "phẩy". */
const FRACTION_DIGITS: Record<string, number> = { ...UNIT_WORDS, tư: 4 };

const SCALE_ALIASES: Record<string, string> = { ngàn: 'nghìn', tỉ: 'tỷ' };

type GroupPosition = 'first' | 'inner' | 'last';

function lookup(table: Record<string, number>, word: string | undefined): number | undefined {
  return word !== undefined && Object.hasOwn(table, word) ? table[word] : undefined;
}

/**
 * Reads a group of 0–999. `first` is the opening group of the number (no "không trăm", a bare "trăm" is
 * 100, a lone digit is fine); `last` follows a scale word and ends the number, where a lone digit is
 * refused because "một nghìn hai" is the spoken short form of 1.200, not 1.002.
 */
function parseTriple(words: string[], position: GroupPosition): number | null {
  let i = 0;
  let hundreds: number | null = null;
  const h = lookup(UNIT_WORDS, words[0]);
  if (h !== undefined && words[1] === 'trăm') {
    if (h === 0 && position === 'first') return null;
    hundreds = h;
    i = 2;
  } else if (words[0] === 'trăm' && position === 'first') {
    hundreds = 1;
    i = 1;
  }
  const rest = words.slice(i);
  const base = (hundreds ?? 0) * 100;
  const [w0, w1, w2] = rest;
  if (rest.length === 0) return hundreds === null ? null : base;
  if (w0 === 'linh' || w0 === 'lẻ') {
    const u = lookup(AFTER_LINH, w1);
    if (rest.length !== 2 || u === undefined || (hundreds === null && position === 'first')) return null;
    return base + u;
  }
  if (w0 === 'mười') {
    if (rest.length === 1) return base + 10;
    const u = lookup(AFTER_MUOI, w1);
    return rest.length === 2 && u !== undefined ? base + 10 + u : null;
  }
  const t = lookup(UNIT_WORDS, w0);
  if (t === undefined) return null;
  if (w1 === 'mươi' || w1 === 'chục') {
    if (t < 2 && !(t === 1 && w1 === 'chục')) return null;
    if (rest.length === 2) return base + t * 10;
    const u = lookup(AFTER_MUOI_TENS, w2);
    return rest.length === 3 && u !== undefined ? base + t * 10 + u : null;
  }
  if (rest.length !== 1 || t === 0 || hundreds !== null || position === 'last') return null;
  return t;
}

/** Reads 0–999.999.999 made of groups with "triệu" and "nghìn"; `leading` when nothing precedes it. */
function parseBelowBillion(words: string[], leading: boolean): number | null {
  let total = 0;
  let start = 0;
  let seenScale = false;
  for (const [scale, factor] of [
    ['triệu', 1_000_000],
    ['nghìn', 1000],
  ] as const) {
    const at = words.indexOf(scale, start);
    if (at < 0) continue;
    if (words.indexOf(scale, at + 1) >= 0) return null;
    const groupWords = words.slice(start, at);
    let group: number | null;
    if (groupWords.length === 0) {
      // A bare scale ("nghìn", "triệu tỷ") counts one, but only where the number begins.
      group = leading && !seenScale ? 1 : null;
    } else {
      group = parseTriple(groupWords, leading && !seenScale ? 'first' : 'inner');
    }
    if (group === null || group === 0) return null;
    total += group * factor;
    start = at + 1;
    seenScale = true;
  }
  const tail = words.slice(start);
  if (tail.length === 0) return seenScale ? total : null;
  const last = parseTriple(tail, leading && !seenScale ? 'first' : 'last');
  if (last === null || (last === 0 && (seenScale || !leading))) return null;
  return total + last;
}

function parseInteger(words: string[], leading: boolean): number | null {
  if (leading && words.length === 1 && words[0] === 'không') return 0;
  const at = words.lastIndexOf('tỷ');
  if (at < 0) return parseBelowBillion(words, leading);
  const highWords = words.slice(0, at);
  const high = highWords.length === 0 ? (leading ? 1 : null) : parseInteger(highWords, leading);
  if (high === null || high === 0) return null;
  const lowWords = words.slice(at + 1);
  const low = lowWords.length === 0 ? 0 : parseBelowBillion(lowWords, false);
  if (low === null) return null;
  return high * BILLION + low;
}

function parseFraction(words: string[]): string | null {
  let zeros = 0;
  while (words[zeros] === 'không') zeros++;
  const rest = words.slice(zeros);
  if (rest.length === 0) return zeros > 0 ? '0'.repeat(zeros) : null;
  const asNumber = parseInteger(rest, true);
  if (asNumber !== null) return '0'.repeat(zeros) + String(asNumber);
  let digits = '0'.repeat(zeros);
  for (const word of rest) {
    const d = lookup(FRACTION_DIGITS, word);
    if (d === undefined) return null;
    digits += String(d);
  }
  return digits;
}

function tokenize(text: string): string[] {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((w) => SCALE_ALIASES[w] ?? w);
}

function parseWords(words: string[]): number | null {
  let rest = words;
  const negative = rest[0] === 'âm';
  if (negative) rest = rest.slice(1);
  const comma = rest.indexOf('phẩy');
  const integerPart = comma < 0 ? rest : rest.slice(0, comma);
  if (integerPart.length === 0) return null;
  const integer = parseInteger(integerPart, true);
  if (integer === null || integer > Number.MAX_SAFE_INTEGER) return null;
  let value = integer;
  if (comma >= 0) {
    const digits = parseFraction(rest.slice(comma + 1));
    if (digits === null) return null;
    value = Number(`${integer}.${digits}`);
  }
  return negative ? (value === 0 ? 0 : -value) : value;
}

/**
 * The inverse of numberToWords, lenient about the common variants: nghìn/ngàn, tỷ/tỉ, linh/lẻ, mốt/một,
 * lăm/nhăm, tư/bốn, bảy/bẩy, chục for mươi, a bare "trăm"/"nghìn" for one hundred/thousand at the start,
 * zero hundreds written or left out ("một nghìn linh năm"), a decimal part read as a number or digit by
 * digit. Case is ignored. The whole text must be a number: returns null otherwise, and for spoken short
 * forms that are ambiguous in writing ("một nghìn hai", "một trăm năm").
 * wordsToNumber("mười lăm") → 15; wordsToNumber("hai đối tượng") → null (see splitLeadingNumberWords).
 */
export function wordsToNumber(text: string): number | null {
  const words = tokenize(text);
  return words.length === 0 ? null : parseWords(words);
}

/**
 * Words that cannot follow a number in a phrase without making it ambiguous. "năm" is left out because it
 * is also "year": "hai mươi năm" reads as 20 followed by "năm".
 */
const CONTINUATION_WORDS = new Set(
  [...Object.keys(UNIT_WORDS), ...Object.keys(AFTER_MUOI_TENS), 'trăm', 'nghìn', 'triệu', 'tỷ', 'mươi']
    .concat(['mười', 'chục', 'linh', 'lẻ', 'phẩy'])
    .filter((w) => w !== 'năm'),
);

/**
 * Reads the longest run of number words at the start of a phrase and returns the remainder:
 * "mười lăm vụ" → { value: 15, rest: "vụ" }; "hai đối tượng" → { value: 2, rest: "đối tượng" }.
 * Returns null when the run is followed by another number word ("một nghìn hai": 1.002 or 1.200?).
 * "năm" is also "year": "năm 2020" gives { value: 5, rest: "2020" }, so check the context.
 */
export function splitLeadingNumberWords(text: string): { value: number; rest: string } | null {
  const original = text.normalize('NFC').trim().split(/\s+/);
  const words = tokenize(text);
  for (let n = words.length; n > 0; n--) {
    const value = parseWords(words.slice(0, n));
    if (value === null) continue;
    const next = words[n];
    if (next !== undefined && CONTINUATION_WORDS.has(next)) return null;
    return { value, rest: original.slice(n).join(' ') };
  }
  return null;
}
