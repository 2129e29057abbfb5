/**
 * Tokens over NFC text, each with a diacritic-folded key and a tone-placement-insensitive key, so that rules written
 * with full diacritics also match "ma tuy tong hop" and "ma tuý" while "cháy" (fire) still differs from "chạy" (run)
 * when the text carries its accents.
 */

export type TokenKind = 'word' | 'number' | 'punct' | 'break';

export interface Token {
  kind: TokenKind;
  /** Offsets into the NFC text, [start, end). */
  start: number;
  end: number;
  raw: string;
  /** Lower case, every mark removed, đ → d. */
  fold: string;
  /** Lower case, vowel-quality marks kept, the tone mark moved to the end: "tuý" and "túy" both give "tuy1". */
  tone: string;
  /** True when the word carries any Vietnamese mark; unaccented words match on `fold` alone. */
  marked: boolean;
  /** Set when the surrounding text is written with diacritics, so a bare unaccented word is taken as written. */
  inAccentedText?: boolean;
}

const TONE_MARKS: Record<string, string> = {
  '\u0300': '2', // huyền
  '\u0301': '1', // sắc
  '\u0303': '4', // ngã
  '\u0309': '3', // hỏi
  '\u0323': '5', // nặng
};

/** "Ma Tuý" → "ma tuy": lower case without any mark, đ → d. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC');
}

function toneKey(word: string): string {
  let tone = '0';
  const stripped = word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300\u0301\u0303\u0309\u0323]/g, (m) => {
      tone = TONE_MARKS[m] ?? tone;
      return '';
    })
    .normalize('NFC');
  return `${stripped}${tone}`;
}

function isMarked(word: string): boolean {
  return /[\u0300-\u036f]/.test(word.normalize('NFD')) || /[đĐ]/.test(word);
}

// Thousands groups of exactly three digits ("1.457", "162.526"), a decimal comma ("138,6"), or a plain integer.
// "1.5" (one or two digits after a dot) is read as a decimal written the English way.
const NUMBER = /\d{1,3}(?:\.\d{3})+(?:,\d+)?(?!\d)|\d+,\d+|\d+\.\d{1,2}(?![\d.])|\d+/y;
const WORD = /[\p{L}\p{M}][\p{L}\p{M}\d]*/uy;

/** Splits NFC text into words, numbers, punctuation and line breaks (a run of whitespace holding "\n"). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (/\s/.test(ch)) {
      const start = i;
      let newline = false;
      while (i < text.length && /\s/.test(text[i] ?? '')) {
        if (text[i] === '\n') newline = true;
        i++;
      }
      if (newline) tokens.push(make('break', text, start, i));
      continue;
    }
    if (/\d/.test(ch)) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      const end = m ? i + m[0].length : i + 1;
      tokens.push(make('number', text, i, end));
      i = end;
      continue;
    }
    WORD.lastIndex = i;
    const w = WORD.exec(text);
    if (w) {
      tokens.push(make('word', text, i, i + w[0].length));
      i += w[0].length;
      continue;
    }
    const cp = text.codePointAt(i) ?? 0;
    const len = cp > 0xffff ? 2 : 1;
    tokens.push(make('punct', text, i, i + len));
    i += len;
  }
  return tokens;
}

function make(kind: TokenKind, text: string, start: number, end: number): Token {
  const raw = text.slice(start, end);
  if (kind !== 'word') return { kind, start, end, raw, fold: raw, tone: raw, marked: false };
  return { kind, start, end, raw, fold: foldText(raw), tone: toneKey(raw), marked: isMarked(raw) };
}

/** Whether a text token matches a token of a rule phrase (already tokenised the same way). */
export function tokenMatches(text: Token, phrase: Token, lenient = true): boolean {
  if (text.kind !== phrase.kind) return false;
  if (text.kind !== 'word') return text.raw === phrase.raw;
  if (text.fold !== phrase.fold) return false;
  // Unaccented writing matches any accented rule word; accented writing must agree on marks, not on their placement.
  if (!phrase.marked) return true;
  if (!text.marked) return lenient;
  return text.tone === phrase.tone;
}

/** Share of words carrying Vietnamese marks: near 0 for text typed without diacritics, about 0.7 otherwise. */
export function accentedShare(tokens: readonly Token[]): number {
  let words = 0;
  let marked = 0;
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    words++;
    if (t.marked) marked++;
  }
  return words === 0 ? 0 : marked / words;
}

/** Tokenises a rule phrase; line breaks never occur in phrases. */
export function phraseTokens(phrase: string): Token[] {
  return tokenize(phrase.normalize('NFC')).filter((t) => t.kind !== 'break');
}
