import type { Indicator } from '../indicators/model.ts';
import { NUMBER_WORDS, parseNumberWords } from './number-words.ts';
import type { ExtractionRules, IndicatorRule, UnitKind } from './rules.ts';
import { RULES } from './rules.ts';
import { accentedShare, phraseTokens, type Token, tokenize, tokenMatches } from './text.ts';
import type {
  BaselineKind,
  Comparison,
  Direction,
  ExtractionResult,
  Figure,
  PeriodMention,
  Span,
  UnitMention,
} from './types.ts';

type Role =
  | { type: 'field'; field: string }
  | { type: 'noun'; rule: number }
  | { type: 'cue'; rule: number }
  | { type: 'neutral' }
  | { type: 'block' }
  | { type: 'target' };

interface Phrase {
  tokens: Token[];
  roles: Role[];
}

interface Match {
  start: number;
  end: number;
  roles: Role[];
}

interface UnitVariant {
  tokens: Token[];
  unit: string;
  kind: UnitKind;
}

interface Compiled {
  rules: ExtractionRules;
  content: Map<string, Phrase[]>;
  units: Map<string, UnitVariant[]>;
  indicators: IndicatorRule[];
  byUnit: Map<string, number[]>;
  numberWords: Token[];
  scales: Array<{ tokens: Token[]; factor: number }>;
  approx: Token[][];
  approxSkip: Token[][];
  connectors: Token[][];
  rangeWords: Token[][];
  up: Token[][];
  down: Token[][];
  fillers: Token[][];
  same: Token[][];
  baselineIntro: Token[][];
  baselines: Array<{ kind: BaselineKind; phrases: Token[][] }>;
  allCriteria: Token[][];
  unitPrefixes: Token[][];
  openStops: Token[][];
  openLabels: Token[][];
  classifiers: Token[][];
  compounds: Token[][];
  single: Token[][];
  rateCues: Token[][];
  subsetCues: Token[][];
  unitLevels: Array<{ tokens: Token[][]; level: string }>;
}

const compiledCache = new WeakMap<ExtractionRules, Compiled>();

function firstKey(tokens: Token[]): string {
  const t = tokens[0];
  return t ? `${t.kind}:${t.fold}` : '';
}

function compile(rules: ExtractionRules): Compiled {
  const cached = compiledCache.get(rules);
  if (cached) return cached;
  const content = new Map<string, Phrase[]>();
  const byText = new Map<string, Phrase>();
  const add = (text: string, role: Role) => {
    const key = text.normalize('NFC').toLowerCase();
    let phrase = byText.get(key);
    if (!phrase) {
      phrase = { tokens: phraseTokens(text), roles: [] };
      if (phrase.tokens.length === 0) return;
      byText.set(key, phrase);
      const k = firstKey(phrase.tokens);
      const list = content.get(k) ?? [];
      list.push(phrase);
      content.set(k, list);
    }
    phrase.roles.push(role);
  };
  for (const f of rules.fields) for (const p of f.phrases) add(p, { type: 'field', field: f.field });
  for (const p of rules.neutral) add(p, { type: 'neutral' });
  for (const p of rules.blockers) add(p, { type: 'block' });
  for (const p of rules.targets) add(p, { type: 'target' });
  const byUnit = new Map<string, number[]>();
  rules.indicators.forEach((r, i) => {
    for (const n of r.nouns ?? []) add(n, { type: 'noun', rule: i });
    for (const c of r.cues ?? []) add(c, { type: 'cue', rule: i });
    for (const u of r.units) byUnit.set(u, [...(byUnit.get(u) ?? []), i]);
  });
  for (const list of content.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);

  const units = new Map<string, UnitVariant[]>();
  for (const u of rules.units) {
    for (const v of u.variants) {
      const tokens = phraseTokens(v);
      const k = firstKey(tokens);
      units.set(k, [...(units.get(k) ?? []), { tokens, unit: u.unit, kind: u.kind }]);
    }
  }
  for (const list of units.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);

  const many = (list: string[]) => list.map(phraseTokens).sort((a, b) => b.length - a.length);
  const numberWordList = [
    'không',
    'một',
    'mốt',
    'hai',
    'ba',
    'bốn',
    'tư',
    'năm',
    'lăm',
    'nhăm',
    'sáu',
    'bảy',
    'bẩy',
    'tám',
    'chín',
    'mười',
    'mươi',
    'trăm',
    'linh',
    'lẻ',
    'nghìn',
    'ngàn',
    'triệu',
    'tỷ',
    'tỉ',
  ];
  const compiled: Compiled = {
    rules,
    content,
    units,
    indicators: rules.indicators,
    byUnit,
    numberWords: numberWordList.flatMap(phraseTokens),
    scales: rules.scales.flatMap((s) => s.words.map((w) => ({ tokens: phraseTokens(w), factor: s.factor }))),
    approx: many(rules.approx),
    approxSkip: many(rules.approxSkip),
    connectors: many(rules.connectors),
    rangeWords: many(rules.rangeWords),
    up: many(rules.comparison.up),
    down: many(rules.comparison.down),
    fillers: many(rules.comparison.fillers),
    same: many(rules.comparison.same),
    baselineIntro: many(rules.comparison.baselineIntro),
    baselines: rules.comparison.baselines.map((b) => ({ kind: b.kind, phrases: many(b.phrases) })),
    allCriteria: many(rules.comparison.allCriteria),
    unitPrefixes: many(rules.reportingUnits.prefixes),
    openStops: many(rules.openNouns.stops),
    openLabels: many(rules.openNouns.labels),
    classifiers: many(rules.openNouns.classifiers),
    compounds: many(rules.openNouns.compounds),
    single: many(rules.openNouns.single),
    rateCues: many(rules.rateCues),
    subsetCues: many(rules.subsetCues),
    unitLevels: rules.reportingUnits.levels.map((l) => ({ tokens: many(l.words), level: l.level })),
  };
  compiledCache.set(rules, compiled);
  return compiled;
}

const wordCounts = new WeakMap<Token[], number>();
function wordCount(phrase: Token[]): number {
  let n = wordCounts.get(phrase);
  if (n === undefined) {
    n = phrase.filter((p) => p.kind === 'word').length;
    wordCounts.set(phrase, n);
  }
  return n;
}

function matchAt(tokens: Token[], at: number, phrase: Token[]): boolean {
  if (at < 0 || at + phrase.length > tokens.length) return false;
  // In accented text an unaccented word is only read as an accented rule word inside a phrase of two or more words
  // ("ma tuy tổng hợp"): alone it is usually another word ("quả tang" is not "tăng", "chay" is not "cháy").
  const lenient = !tokens[at]?.inAccentedText || wordCount(phrase) > 1;
  for (let j = 0; j < phrase.length; j++) {
    const t = tokens[at + j];
    const p = phrase[j];
    if (!t || !p || !tokenMatches(t, p, lenient)) return false;
  }
  return true;
}

const tokenKey = (t: Token | undefined) => (t ? `${t.kind}:${t.fold}` : '');

/** Phrase lists indexed by their first and by their last token, longest first, built once per list. */
const byFirst = new WeakMap<Token[][], Map<string, Token[][]>>();
const byLast = new WeakMap<Token[][], Map<string, Token[][]>>();
function indexed(cache: WeakMap<Token[][], Map<string, Token[][]>>, list: Token[][], last: boolean) {
  let index = cache.get(list);
  if (!index) {
    index = new Map();
    for (const p of list) {
      const k = tokenKey(last ? p[p.length - 1] : p[0]);
      index.set(k, [...(index.get(k) ?? []), p]);
    }
    cache.set(list, index);
  }
  return index;
}

/** Length of the longest phrase of `list` starting at `at`, or 0. */
function longestAt(tokens: Token[], at: number, list: Token[][]): number {
  for (const p of indexed(byFirst, list, false).get(tokenKey(tokens[at])) ?? [])
    if (matchAt(tokens, at, p)) return p.length;
  return 0;
}

/** Length of the longest phrase of `list` ending just before `end`, or 0. */
function longestEndingAt(tokens: Token[], end: number, list: Token[][]): number {
  for (const p of indexed(byLast, list, true).get(tokenKey(tokens[end - 1])) ?? [])
    if (matchAt(tokens, end - p.length, p)) return p.length;
  return 0;
}

/** Left-to-right, longest-first matching of the rule phrases. */
function matchContent(tokens: Token[], c: Compiled): Match[] {
  const out: Match[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    const candidates = t ? c.content.get(`${t.kind}:${t.fold}`) : undefined;
    let found: Phrase | undefined;
    for (const p of candidates ?? []) {
      if (matchAt(tokens, i, p.tokens)) {
        found = p;
        break;
      }
    }
    if (found) {
      out.push({ start: i, end: i + found.tokens.length, roles: found.roles });
      i += found.tokens.length;
    } else i++;
  }
  return out;
}

const CLAUSE_STOP = new Set([';', ':', '(', ')', '[', ']']);
const R_STOP = new Set([',', ';', ':', '.', '(', ')', '!', '?', '[', ']', '…']);
const SENTENCE_END = new Set(['.', '!', '?', '…']);
const ABBREVIATIONS = new Set(['tp', 'tx', 'ths', 'ts', 'pgs', 'gs', 'q', 'p', 'h', 'tt', 'st', 'nd', 'bs']);

interface Quantity {
  /** First token of the number (or of "từ" in a range). */
  start: number;
  numStart: number;
  unitStart: number;
  unitEnd: number;
  value: number;
  unit: string;
  kind: UnitKind;
  approx: boolean;
  approxWord: string | null;
  range?: [number, number];
  /** The counted thing named right after the unit ("xe máy" in "12 chiếc xe máy"). */
  noun: string | null;
  /** A unit read from the open vocabulary, not from the rule set's units. */
  open?: boolean;
  /** "412/530 vụ": the whole of this part. */
  of?: number;
  /** "(150/120 vụ)" after a change: the current and base counts of that change. */
  current?: number;
  base?: number;
  /** End (exclusive) of the words after the unit that name what is counted. */
  rEnd: number;
  role: 'figure' | 'comparison' | 'dropped';
  direction?: Direction;
  /** Index of the comparison quantity a parenthesised percentage belongs to. */
  headOf?: number;
  dirStart?: number;
  indicator: string | null;
  option: string | null;
}

function parseDigits(raw: string): number {
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(raw)) return Number(raw.replace(/\./g, '').replace(',', '.'));
  return Number(raw.replace(',', '.'));
}

function unitAt(
  tokens: Token[],
  at: number,
  c: Compiled,
): { unit: string; kind: UnitKind; end: number } | null {
  const t = tokens[at];
  if (!t) return null;
  for (const v of c.units.get(`${t.kind}:${t.fold}`) ?? []) {
    if (matchAt(tokens, at, v.tokens)) {
      // Tokens are whole words, so "g" never matches the start of "giờ".
      return { unit: v.unit, kind: v.kind, end: at + v.tokens.length };
    }
  }
  return null;
}

function isNumberWord(t: Token | undefined, c: Compiled): boolean {
  if (t?.kind !== 'word' || !NUMBER_WORDS.has(t.fold)) return false;
  return c.numberWords.some((p) => tokenMatches(t, p, !t.inAccentedText));
}

interface NumberRead {
  value: number;
  end: number;
}

/** A number at `at`, in digits or words; words are only accepted when `unitAt` follows them. */
function readNumber(tokens: Token[], at: number, c: Compiled): NumberRead | null {
  const t = tokens[at];
  if (!t) return null;
  if (t.kind === 'number') return { value: parseDigits(t.raw), end: at + 1 };
  if (!isNumberWord(t, c)) return null;
  let end = at;
  while (end < tokens.length && end - at < 8 && isNumberWord(tokens[end], c)) end++;
  for (let k = end; k > at; k--) {
    const open = !unitAt(tokens, k, c) && !scaleAt(tokens, k, c);
    if (open && !knownOpenAt(tokens, k, c)) continue;
    const value = parseNumberWords(tokens.slice(at, k).map((x) => x.fold));
    // "một" before a noun outside the units is the article ("một nhóm", "một người").
    if (value !== null && !(open && value === 1)) return { value, end: k };
  }
  return null;
}

function scaleAt(tokens: Token[], at: number, c: Compiled): { factor: number; end: number } | null {
  for (const s of c.scales)
    if (matchAt(tokens, at, s.tokens)) return { factor: s.factor, end: at + s.tokens.length };
  return null;
}

function findQuantities(tokens: Token[], c: Compiled): Quantity[] {
  const out: Quantity[] = [];
  let i = 0;
  while (i < tokens.length) {
    const q = quantityAt(tokens, i, c) ?? partOfWhole(tokens, i, c, out);
    if (q) {
      out.push(q);
      i = q.unitEnd;
    } else i++;
  }
  return out;
}

/**
 * "51/61 vụ" (solved of total): the part takes the whole's unit; the whole is read next as its own figure. Only
 * between plain numbers written in digits, so dates ("7/2022") stay out: there no unit follows the second number.
 */
function partOfWhole(tokens: Token[], i: number, c: Compiled, out: Quantity[]): Quantity | null {
  const t = tokens[i];
  const slash = tokens[i + 1];
  if (t?.kind !== 'number' || slash?.raw !== '/' || tokens[i - 1]?.raw === '/') return null;
  if (slash.start !== t.end || tokens[i + 2]?.start !== slash.end) return null;
  const whole = quantityAt(tokens, i + 2, c);
  if (whole?.kind !== 'count' || whole.numStart !== i + 2 || whole.range) return null;
  const value = parseDigits(t.raw);
  // "(150/120 vụ)" after a change gives its current and base counts, and the current may exceed the base.
  const bracketed = tokens[i - 1]?.raw === '(';
  if (!(value <= whole.value || bracketed) || out.some((q) => q.unitEnd > i)) return null;
  const approxWord = approxBefore(tokens, i, c);
  // The part spans its own number only; the whole is read next, from its own number.
  return {
    ...whole,
    start: i,
    numStart: i,
    unitStart: i + 1,
    unitEnd: i + 1,
    rEnd: whole.rEnd,
    value,
    approx: approxWord !== null,
    approxWord,
    of: whole.value,
  };
}

/** Lower-case NFC text of tokens [from, to), as written ("tỉnh, thành phố"). */
function wordsText(tokens: Token[], from: number, to: number): string {
  let out = '';
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (!t) break;
    if (out && t.kind !== 'punct') out += ' ';
    out += t.raw.toLowerCase();
  }
  return out.normalize('NFC');
}

const LOWER_START = /^\p{Ll}/u;

/** The noun phrase at `at`: lower-case words up to punctuation, a number or a stop word (at most `max`). */
function phraseEnd(tokens: Token[], at: number, c: Compiled, max = 4): number {
  let k = at;
  while (k < tokens.length && k - at < max) {
    const t = tokens[k];
    if (t?.kind !== 'word' || !LOWER_START.test(t.raw)) break;
    const compound = longestAt(tokens, k, c.compounds);
    if (compound === 0 && longestAt(tokens, k, c.openStops) > 0) break;
    k += Math.max(compound, 1);
  }
  return k;
}

interface OpenNoun {
  unit: string;
  noun: string;
  unitEnd: number;
}

/**
 * A counted thing outside the rule set's units ("87 máy tính", "9 tập thể", "19 căn nhà"): the unit is the
 * classifier when one leads the phrase, else a known compound, a one-syllable noun, or the first two words.
 */
function openNounAt(tokens: Token[], at: number, c: Compiled): OpenNoun | null {
  let k = at;
  const quote = tokens[k];
  if (quote?.kind === 'punct' && ['“', '"', '‘'].includes(quote.raw)) k++;
  const first = tokens[k];
  if (first?.kind !== 'word' || !LOWER_START.test(first.raw)) return null;
  const compound = longestAt(tokens, k, c.compounds);
  if (compound === 0 && longestAt(tokens, k, c.openStops) > 0) return null;
  const end = phraseEnd(tokens, k, c);
  if (end === k) return null;
  const unitOf = c.rules.openNouns.unitOf;
  let unitEnd: number;
  let nounFrom = k;
  if (compound > 0) unitEnd = k + compound;
  else if (longestAt(tokens, k, c.classifiers) === 1 && end > k + 1) {
    unitEnd = k + 1;
    nounFrom = k + 1;
  } else if (longestAt(tokens, k, c.single) === 1 || end === k + 1) unitEnd = k + 1;
  else unitEnd = k + 2;
  const written = wordsText(tokens, k, unitEnd);
  const noun = wordsText(tokens, nounFrom, end);
  return { unit: unitOf[written] ?? written, noun, unitEnd };
}

/** A noun of the open-vocabulary lists starts at `at` (numbers in words only count those). */
function knownOpenAt(tokens: Token[], at: number, c: Compiled): boolean {
  return (
    longestAt(tokens, at, c.compounds) > 0 ||
    longestAt(tokens, at, c.single) > 0 ||
    longestAt(tokens, at, c.classifiers) > 0
  );
}

function adjacent(a: Token | undefined, b: Token | undefined): boolean {
  return a !== undefined && b !== undefined && a.end === b.start;
}

/** Whether a number in digits at i may count an open-vocabulary noun: not a date, time, code, age or label. */
function openNumber(tokens: Token[], i: number, start: number, c: Compiled): boolean {
  const t = tokens[i];
  const prev = tokens[start - 1];
  if (t?.kind !== 'number' && t?.kind !== 'word') return false;
  if (prev?.kind === 'punct' && adjacent(prev, tokens[start]) && ['/', '-', '.', ':', '–'].includes(prev.raw))
    return false;
  if (prev?.kind === 'word' && adjacent(prev, tokens[start])) return false;
  // "Công ty Sông Đà 702", "Thủy đoàn 1": a number right after a capitalised name is part of the name.
  if (prev?.kind === 'word' && /^\p{Lu}/u.test(prev.raw) && tokens[start - 2]?.kind === 'word') return false;
  return longestEndingAt(tokens, start, c.openLabels) === 0;
}

const BARE_SCALES = new Set(['nghin', 'ngan', 'trieu', 'ty', 'ti', 'chuc']);

function quantityAt(tokens: Token[], i: number, c: Compiled): Quantity | null {
  const prev = tokens[i - 1];
  // Inside a longer alphanumeric string ("29H1-123.45") or a word-number run already tried.
  if (isNumberWord(prev, c) && tokens[i]?.kind === 'word') return null;
  // "hàng ngàn tỷ đồng", "vài trăm người": an order of magnitude, not a number.
  const here = tokens[i];
  if (
    here?.kind === 'word' &&
    (BARE_SCALES.has(here.fold) || ['hang', 'vai', 'may'].includes(prev?.fold ?? ''))
  )
    return null;
  // "hộp pháo hoa (loại 36 quả)": a number right after a bracketed "loại" names a kind of thing, not a count
  // ("thanh loại 6.840 đối tượng" is a count).
  if (prev?.kind === 'word' && prev.fold === 'loai' && tokens[i - 2]?.raw === '(') return null;
  const first = readNumber(tokens, i, c);
  if (!first) return null;
  let value = first.value;
  let j = first.end;
  let range: [number, number] | undefined;
  let start = i;
  const rangeLen = longestAt(tokens, j, c.rangeWords);
  if (rangeLen > 0) {
    const second = readNumber(tokens, j + rangeLen, c);
    if (second && (unitAt(tokens, second.end, c) || scaleAt(tokens, second.end, c))) {
      range = [value, second.value];
      j = second.end;
      if (tokens[i - 1]?.fold === 'tu') start = i - 1;
    }
  }
  let unit = unitAt(tokens, j, c);
  let unitStart = j;
  let scale = 1;
  let open: OpenNoun | null = null;
  if (
    !unit &&
    !scaleAt(tokens, j, c) &&
    openNumber(tokens, i, start, c) &&
    !adjacent(tokens[j - 1], tokens[j])
  ) {
    open = openNounAt(tokens, j, c);
    if (open) unit = { unit: open.unit, kind: 'count', end: open.unitEnd };
  }
  if (!unit) {
    const s = scaleAt(tokens, j, c);
    if (!s) return null;
    // "1 tỷ 200 triệu đồng": a compound amount, recorded in the larger money unit.
    const rest = readNumber(tokens, s.end, c);
    const restUnit = rest ? unitAt(tokens, rest.end, c) : null;
    if (s.factor === 1e9 && rest && restUnit?.unit === 'triệu đồng') {
      value = value + rest.value / 1000;
      unit = { unit: 'tỷ đồng', kind: 'money', end: restUnit.end };
      unitStart = j;
    } else {
      unit = unitAt(tokens, s.end, c);
      if (!unit) return null;
      scale = s.factor;
      unitStart = s.end;
    }
  }
  const approxWord = approxBefore(tokens, start, c);
  const mul = (x: number) => Number((x * scale).toPrecision(12));
  return {
    start,
    numStart: i,
    unitStart,
    unitEnd: unit.end,
    value: mul(range ? range[0] : value),
    unit: unit.unit,
    kind: unit.kind,
    approx: approxWord !== null || range !== undefined,
    approxWord,
    ...(range ? { range: [mul(range[0]), mul(range[1])] as [number, number] } : {}),
    noun: open ? open.noun : null,
    ...(open ? { open: true } : {}),
    rEnd: unit.end,
    role: 'figure',
    indicator: null,
    option: null,
  };
}

/** The approximation word before a number ("gần", "hơn", "ước tính"), as written in lower case, or null. */
function approxBefore(tokens: Token[], at: number, c: Compiled): string | null {
  let p = at;
  let found: string | null = null;
  for (let guard = 0; guard < 5; guard++) {
    const a = longestEndingAt(tokens, p, c.approx);
    if (a > 0) {
      found = wordsText(tokens, p - a, p);
      p -= a;
      continue;
    }
    const s = longestEndingAt(tokens, p, c.approxSkip);
    if (s > 0) {
      p -= s;
      continue;
    }
    break;
  }
  return found;
}

interface Structure {
  sentence: number[];
  paragraph: number[];
}

function structure(tokens: Token[]): Structure {
  const sentence: number[] = [];
  const paragraph: number[] = [];
  let s = 0;
  let p = 0;
  tokens.forEach((t, i) => {
    sentence.push(s);
    paragraph.push(p);
    if (t.kind === 'break') {
      s++;
      p++;
    } else if (t.kind === 'punct' && SENTENCE_END.has(t.raw)) {
      const prev = tokens[i - 1];
      const initial = prev?.kind === 'word' && (ABBREVIATIONS.has(prev.fold) || /^\p{Lu}$/u.test(prev.raw));
      if (!initial) s++;
    }
  });
  return { sentence, paragraph };
}

function fieldOf(m: Match, c: Compiled): string | null {
  for (const r of m.roles) {
    if (r.type === 'field') return r.field;
    if (r.type === 'noun') return c.indicators[r.rule]?.field ?? null;
  }
  return null;
}

function hasRole(m: Match, type: Role['type']): boolean {
  return m.roles.some((r) => r.type === type);
}

interface Context {
  tokens: Token[];
  /** Token indices where a quantity starts. */
  starts: Set<number>;
  matches: Match[];
  quantities: Quantity[];
  st: Structure;
  c: Compiled;
  catalogue: Map<string, Indicator>;
}

function matchesIn(ctx: Context, from: number, to: number): Match[] {
  // Matches are in text order: find the first at or after `from` by bisection.
  const { matches } = ctx;
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((matches[mid]?.start ?? 0) < from) lo = mid + 1;
    else hi = mid;
  }
  const out: Match[] = [];
  for (let k = lo; k < matches.length; k++) {
    const m = matches[k];
    if (!m || m.start >= to) break;
    out.push(m);
  }
  return out;
}

/** Where the words before quantity q start: after the previous quantity's noun phrase or a clause stop. */
function leftStart(ctx: Context, qi: number): number {
  const q = ctx.quantities[qi];
  if (!q) return 0;
  const sent = ctx.st.sentence[q.start];
  let from = q.start;
  while (from > 0) {
    const t = ctx.tokens[from - 1];
    if (!t || ctx.st.sentence[from - 1] !== sent || t.kind === 'break') break;
    if (t.kind === 'punct' && CLAUSE_STOP.has(t.raw)) break;
    from--;
  }
  const prevQ = ctx.quantities[qi - 1];
  if (prevQ && prevQ.unitEnd > from && prevQ.unitEnd <= q.start) from = prevQ.unitEnd;
  return from;
}

/** The comma-delimited stretch right before `at`: where blockers and targets must stand. */
function segmentStart(ctx: Context, at: number): number {
  let from = at;
  while (from > 0) {
    const t = ctx.tokens[from - 1];
    if (!t || t.kind === 'break' || t.kind === 'number') break;
    if (t.kind === 'punct' && (R_STOP.has(t.raw) || CLAUSE_STOP.has(t.raw))) break;
    from--;
  }
  return from;
}

function computeREnd(ctx: Context, q: Quantity): number {
  let k = q.unitEnd;
  while (k < ctx.tokens.length) {
    const t = ctx.tokens[k];
    if (!t || t.kind === 'break' || t.kind === 'number') break;
    if (t.kind === 'punct' && R_STOP.has(t.raw)) break;
    if (ctx.starts.has(k)) break;
    k++;
  }
  return k;
}

function isConnectorGap(ctx: Context, from: number, to: number): boolean {
  let k = from;
  while (k < to) {
    const n = longestAt(ctx.tokens, k, ctx.c.connectors) || longestAt(ctx.tokens, k, ctx.c.approx);
    if (n === 0) return false;
    k += n;
  }
  return true;
}

/** The noun phrase matches of q, shared from the next quantity when q has none of its own. */
function rightMatches(ctx: Context, qi: number, depth = 0): Match[] {
  const q = ctx.quantities[qi];
  if (!q) return [];
  const own = matchesIn(ctx, q.unitStart, q.rEnd).filter(
    (m) => fieldOf(m, ctx.c) !== null || hasRole(m, 'cue'),
  );
  if (own.length > 0 || depth > 4) return own;
  const next = ctx.quantities[qi + 1];
  if (!next || next.role === 'comparison' || ctx.st.sentence[next.start] !== ctx.st.sentence[q.start])
    return own;
  if (!isConnectorGap(ctx, q.unitEnd, next.start)) return own;
  return rightMatches(ctx, qi + 1, depth + 1);
}

interface Resolution {
  indicator: string | null;
  option: string | null;
  field: string | null;
}

function resolve(ctx: Context, qi: number): Resolution {
  const q = ctx.quantities[qi];
  const none: Resolution = { indicator: null, option: null, field: null };
  if (!q) return none;
  const { c, st } = ctx;
  // A count outside the units keeps to its own noun phrase: "6 gậy điện, 2 lựu đạn" shares nothing.
  // Its noun must lead the phrase ("15 tin báo về tội phạm" counts reports, not crimes).
  const R = q.open
    ? rightMatches(ctx, qi, 5).filter((m) => m.start <= q.unitStart + 1)
    : rightMatches(ctx, qi);
  const lFrom = leftStart(ctx, qi);
  const L = matchesIn(ctx, lFrom, q.start);
  const sent = st.sentence[q.start];
  const para = st.paragraph[q.start];

  let field: string | null = null;
  for (const m of R) {
    field = fieldOf(m, c);
    if (field) break;
  }
  if (!field) {
    for (let k = L.length - 1; k >= 0 && !field; k--) {
      const m = L[k];
      if (m) field = fieldOf(m, c);
    }
  }
  let sentenceNouns: Match | undefined;
  if (!field) {
    const before = ctx.matches.filter(
      (m) => m.end <= lFrom && st.sentence[m.start] === sent && fieldOf(m, c),
    );
    const last = before[before.length - 1];
    if (last) {
      field = fieldOf(last, c);
      sentenceNouns = last;
    } else {
      const after = ctx.matches.find(
        (m) => m.start >= q.rEnd && st.sentence[m.start] === sent && fieldOf(m, c),
      );
      if (after) field = fieldOf(after, c);
    }
  }
  if (!field) {
    const before = ctx.matches.filter(
      (m) => m.end <= lFrom && st.paragraph[m.start] === para && fieldOf(m, c),
    );
    const last = before[before.length - 1];
    if (last) field = fieldOf(last, c);
  }

  const nounR = new Set<number>();
  const cuesR = new Set<number>();
  const cuesL = new Set<number>();
  for (const m of R)
    for (const r of m.roles) {
      if (r.type === 'noun') nounR.add(r.rule);
      // A cue after the unit only describes this number when it follows the unit at once ("người bị thương");
      // further on it belongs to the next clause ("35 người và bị thương 41 người").
      if (r.type === 'cue' && (m.start === q.unitStart || m.start === q.unitEnd)) cuesR.add(r.rule);
    }
  for (const m of L) for (const r of m.roles) if (r.type === 'cue') cuesL.add(r.rule);
  const nounS = new Set<number>();
  for (const r of sentenceNouns?.roles ?? []) if (r.type === 'noun') nounS.add(r.rule);

  let best = -1;
  let bestScore = 0;
  // A count outside the units ("5 roi điện", "3 súng") reaches an indicator only through a noun of its rule.
  const candidates = q.open
    ? [...nounR].filter((ri) =>
        c.indicators[ri]?.units.some((u) => c.rules.units.find((x) => x.unit === u)?.kind === 'count'),
      )
    : (c.byUnit.get(q.unit) ?? []);
  for (const ri of candidates) {
    const rule = c.indicators[ri];
    if (!rule || !ctx.catalogue.has(rule.indicator)) continue;
    const inR = nounR.has(ri);
    const inS = nounS.has(ri);
    const cue = cuesR.has(ri) || cuesL.has(ri);
    const fieldMatch = field === rule.field;
    if (rule.requireCue && !cue) continue;
    if (rule.requireNoun && !inR && !inS) continue;
    if (!inR && !fieldMatch) continue;
    const score =
      (inR ? 10 : 0) +
      (inS && fieldMatch ? 4 : 0) +
      (cuesR.has(ri) ? 6 : cue ? 5 : 0) +
      (fieldMatch ? 3 : 0) +
      (rule.isDefault ? 0.5 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = ri;
    }
  }
  const rule = c.indicators[best];
  if (!rule) return { ...none, field };
  if (matchesIn(ctx, segmentStart(ctx, q.start), q.start).some((m) => hasRole(m, 'block')))
    return { ...none, field };
  let option = rule.option;
  // Several kinds named together ("heroin và ma túy tổng hợp") make a total without an option.
  const options = new Set<string | null>();
  for (const ri of nounR) {
    const r = c.indicators[ri];
    if (r && r.indicator === rule.indicator && (q.open || r.units.includes(q.unit))) options.add(r.option);
  }
  if (options.size > 1) option = null;
  const indicator = ctx.catalogue.get(rule.indicator);
  if (!indicator) return { ...none, field };
  if (option !== null && !indicator.options.some((o) => o.code === option)) option = null;
  return { indicator: rule.indicator, option, field };
}

function directionBefore(ctx: Context, at: number): { direction: Direction; start: number } | null {
  let p = at;
  for (let guard = 0; guard < 4; guard++) {
    const up = longestEndingAt(ctx.tokens, p, ctx.c.up);
    if (up > 0) return { direction: 'up', start: p - up };
    const down = longestEndingAt(ctx.tokens, p, ctx.c.down);
    if (down > 0) return { direction: 'down', start: p - down };
    const f = longestEndingAt(ctx.tokens, p, ctx.c.fillers);
    if (f === 0) return null;
    p -= f;
  }
  return null;
}

function classify(ctx: Context): void {
  const { tokens, quantities } = ctx;
  quantities.forEach((q, qi) => {
    const dir = directionBefore(ctx, q.start);
    if (dir) {
      q.role = 'comparison';
      q.direction = dir.direction;
      q.dirStart = dir.start;
      q.approx = false;
    } else if (q.kind === 'percent') {
      // "(-24,25%)", "(+9,79%)", "(hơn 23%)" or "(16,5%)" right after a comparison.
      let at = q.start;
      for (
        let n = longestEndingAt(tokens, at, ctx.c.approx);
        n > 0;
        n = longestEndingAt(tokens, at, ctx.c.approx)
      )
        at -= n;
      const sign = tokens[at - 1];
      const hasSign = sign?.kind === 'punct' && ['-', '+', '−', '–'].includes(sign.raw);
      const open = tokens[at - (hasSign ? 2 : 1)];
      if (open?.raw === '(') {
        const head = quantities[qi - 1];
        // The change it qualifies ends right before the bracket, or a few words of its noun before it
        // ("tăng 7 người chết (7,4%)").
        const openAt = at - (hasSign ? 2 : 1);
        const gap = head ? tokens.slice(head.unitEnd, openAt) : [];
        const headAdjacent =
          head !== undefined &&
          head.unitEnd <= openAt &&
          gap.length <= 4 &&
          gap.every((t) => t.kind === 'word');
        if (hasSign || (headAdjacent && head.role === 'comparison')) {
          q.role = 'comparison';
          q.direction = hasSign ? (sign?.raw === '+' ? 'up' : 'down') : head?.direction;
          q.dirStart = q.start - (hasSign ? 1 : 0);
          if (headAdjacent) q.headOf = qi - 1;
        }
      }
    }
    if (q.role === 'figure' && q.kind !== 'percent') continuesChange(ctx, qi);
    if (q.of !== undefined && tokens[q.start - 1]?.raw === '(') baseOfChange(ctx, qi);
    const lFrom = leftStart(ctx, qi);
    const clauseFrom = clauseStart(ctx, q.start);
    if (matchesIn(ctx, Math.min(lFrom, clauseFrom), q.start).some((m) => hasRole(m, 'target')))
      q.role = 'dropped';
  });
  for (const q of quantities) q.rEnd = computeREnd(ctx, q);
}

/** The change a quantity follows: the one before it, or the change a bracketed percentage qualifies. */
function previousChange(ctx: Context, qi: number): Quantity | undefined {
  let p = ctx.quantities[qi - 1];
  if (p?.headOf !== undefined) p = ctx.quantities[p.headOf];
  return p?.role === 'comparison' ? p : undefined;
}

/**
 * "tăng sáu vụ (hơn 23%) và 17 bị can (hơn 60%)": a count joined to a change by "và" or a comma, and itself followed
 * by a bracketed percentage, is a change in the same direction.
 */
function continuesChange(ctx: Context, qi: number): void {
  const { tokens, quantities } = ctx;
  const q = quantities[qi];
  const last = quantities[qi - 1];
  const change = previousChange(ctx, qi);
  const next = quantities[qi + 1];
  if (!q || !last || !change || !next || next.kind !== 'percent') return;
  if (ctx.st.sentence[change.start] !== ctx.st.sentence[q.start]) return;
  const gap = tokens.slice(last.unitEnd, q.start);
  if (!gap.every((t) => t.raw === ')' || t.raw === ',' || t.fold === 'va')) return;
  if (!gap.some((t) => t.raw === ',' || t.fold === 'va')) return;
  const between = tokens.slice(q.unitEnd, next.start);
  if (between.length > 3 || !between.some((t) => t.raw === '(')) return;
  q.role = 'comparison';
  q.direction = change.direction;
  q.dirStart = q.start;
  q.approx = false;
}

/** "giảm 5,83% (3.389/3.599 vụ)": the bracketed part and whole are the change's current and base counts. */
function baseOfChange(ctx: Context, qi: number): void {
  const { tokens, quantities } = ctx;
  const q = quantities[qi];
  const whole = quantities[qi + 1];
  const change = quantities[qi - 1];
  if (!q || !whole || change?.role !== 'comparison') return;
  const open = q.start - 1;
  if (open - change.unitEnd > 4 || !tokens.slice(change.unitEnd, open).every((t) => t.kind === 'word'))
    return;
  const head = change.headOf !== undefined ? quantities[change.headOf] : undefined;
  for (const target of head ? [change, head] : [change]) {
    target.current = q.value;
    target.base = whole.value;
  }
  q.role = 'dropped';
  whole.role = 'dropped';
}

function clauseStart(ctx: Context, at: number): number {
  const sent = ctx.st.sentence[at];
  let from = at;
  while (from > 0) {
    const t = ctx.tokens[from - 1];
    if (!t || ctx.st.sentence[from - 1] !== sent || t.kind === 'break' || t.raw === ';') break;
    from--;
  }
  return from;
}

interface BaselineAt {
  start: number;
  /** End (exclusive) token of the "so với …" phrase. */
  end: number;
  kind: BaselineKind;
  text: string;
}

function findBaselines(ctx: Context, text: string): BaselineAt[] {
  const { tokens, c } = ctx;
  const out: BaselineAt[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const n = longestAt(tokens, i, c.baselineIntro);
    if (n === 0) continue;
    let end = i + n;
    while (end < tokens.length) {
      const t = tokens[end];
      if (!t || t.kind === 'break') break;
      if (t.kind === 'punct' && (R_STOP.has(t.raw) || CLAUSE_STOP.has(t.raw))) break;
      if (longestAt(tokens, end, c.up) || longestAt(tokens, end, c.down)) break;
      end++;
    }
    let kind: BaselineKind | null = null;
    for (const b of c.baselines) {
      for (let k = i + n; k < end && !kind; k++) if (longestAt(tokens, k, b.phrases) > 0) kind = b.kind;
      if (kind) break;
    }
    const from = tokens[i + n];
    const last = tokens[end - 1];
    if (kind && from && last) out.push({ start: i, end, kind, text: text.slice(from.start, last.end) });
    i = end - 1;
  }
  return out;
}

function baselineFor(ctx: Context, baselines: BaselineAt[], at: number): BaselineAt | null {
  const sent = ctx.st.sentence[at];
  // A "so với …" later in the same clause wins; otherwise the nearest one before, in the sentence or the paragraph.
  for (const b of baselines) {
    if (b.start <= at || ctx.st.sentence[b.start] !== sent) continue;
    const between = ctx.tokens.slice(at, b.start);
    if (between.some((t) => t.raw === ';' || t.kind === 'break')) break;
    return b;
  }
  const para = ctx.st.paragraph[at];
  for (let k = baselines.length - 1; k >= 0; k--) {
    const b = baselines[k];
    if (b && b.start < at && ctx.st.paragraph[b.start] === para) return b;
  }
  return null;
}

function sentenceField(ctx: Context, at: number): string | null {
  const sent = ctx.st.sentence[at];
  const before = ctx.matches.filter(
    (m) => m.start < at && ctx.st.sentence[m.start] === sent && fieldOf(m, ctx.c),
  );
  const last = before[before.length - 1];
  if (last) return fieldOf(last, ctx.c);
  const after = ctx.matches.find(
    (m) => m.start >= at && ctx.st.sentence[m.start] === sent && fieldOf(m, ctx.c),
  );
  return after ? fieldOf(after, ctx.c) : null;
}

/** A percentage after "đạt", "tỷ lệ", "chiếm" in its comma-delimited stretch is a rate, kept as a figure. */
function isRate(ctx: Context, q: Quantity): boolean {
  if (q.unit !== '%') return false;
  for (let k = segmentStart(ctx, q.start); k < q.start; k++)
    if (longestAt(ctx.tokens, k, ctx.c.rateCues) > 0) return true;
  return false;
}

/** "…, trong đó có 670 trường hợp": the words right before the number (past an approximation) say "of which". */
function subsetCueBefore(ctx: Context, q: Quantity): boolean {
  let p = q.start;
  while (p > 0 && longestEndingAt(ctx.tokens, p, ctx.c.approx) > 0)
    p -= longestEndingAt(ctx.tokens, p, ctx.c.approx);
  return longestEndingAt(ctx.tokens, p, ctx.c.subsetCues) > 0;
}

/** The counted thing after a known unit ("heroin" in "30 bánh heroin"); a count unit names itself otherwise. */
function nounAfter(ctx: Context, q: Quantity): string | null {
  const end = phraseEnd(ctx.tokens, q.unitEnd, ctx.c);
  if (end > q.unitEnd) {
    const noun = wordsText(ctx.tokens, q.unitEnd, end);
    const classifier = ctx.c.rules.openNouns.classifiers.includes(q.unit);
    return classifier || q.kind !== 'count' ? noun : `${q.unit} ${noun}`;
  }
  return q.kind === 'count' && !ctx.c.rules.openNouns.classifiers.includes(q.unit) ? q.unit : null;
}

function converted(
  indicator: Indicator | undefined,
  unit: string,
  value: number,
  rules: ExtractionRules,
): number | undefined | 'invalid' {
  // Synonym units ("ổ nhóm" for "băng, nhóm") count the same thing and need no conversion.
  if (!indicator || indicator.unit === unit || rules.unitSynonyms[unit] === indicator.unit) return undefined;
  const conv = indicator.conversions.find((cv) => cv.unit === unit);
  if (!conv) return 'invalid';
  return Number((value * conv.factor).toPrecision(12));
}

/**
 * Reads the figures, comparisons, period and reporting unit of a narrative report.
 *
 * extract("thu giữ gần 28kg heroin", INDICATORS).figures
 *   → [{ indicator: 'drug.seized_kg', option: 'heroin', value: 28, unit: 'kg', approx: true, span: [12, 16] }]
 */
export function extract(
  input: string,
  catalogue: readonly Indicator[],
  rules: ExtractionRules = RULES,
): ExtractionResult {
  const text = input.normalize('NFC');
  const c = compile(rules);
  const tokens = tokenize(text);
  if (accentedShare(tokens) >= 0.2) for (const t of tokens) t.inAccentedText = true;
  const ctx: Context = {
    tokens,
    matches: matchContent(tokens, c),
    quantities: findQuantities(tokens, c),
    starts: new Set<number>(),
    st: structure(tokens),
    c,
    catalogue: new Map(catalogue.map((i) => [i.code, i])),
  };
  for (const q of ctx.quantities) ctx.starts.add(q.start);
  for (const q of ctx.quantities) q.rEnd = computeREnd(ctx, q);
  classify(ctx);
  ctx.quantities.forEach((q, qi) => {
    if (q.role === 'dropped') return;
    const r = resolve(ctx, qi);
    q.indicator = r.indicator;
    q.option = r.option;
  });

  const figures: Figure[] = [];
  const comparisons: Comparison[] = [];
  const baselines = findBaselines(ctx, text);
  const spanOf = (from: number, to: number): Span => [tokens[from]?.start ?? 0, tokens[to - 1]?.end ?? 0];

  const figureUnits: string[] = [];
  ctx.quantities.forEach((q, qi) => {
    if (q.role === 'dropped') return;
    if (q.role === 'figure') {
      const ind = q.indicator ? ctx.catalogue.get(q.indicator) : undefined;
      // A count named by its noun ("5 roi điện") is counted in the indicator's own unit.
      const conv = q.open ? undefined : converted(ind, q.unit, q.value, rules);
      const valid = conv !== 'invalid';
      if (q.kind === 'percent' && (!q.indicator || !valid) && !isRate(ctx, q)) return;
      // "khám phá 268 vụ (đạt 85,9%)": a rate right after the count of solved cases is the solve rate.
      const before = ctx.quantities[qi - 1];
      if (
        q.kind === 'percent' &&
        !q.indicator &&
        before?.indicator === 'crime.solved' &&
        q.start - before.unitEnd <= 3 &&
        ctx.catalogue.has('crime.solve_rate')
      )
        q.indicator = 'crime.solve_rate';
      let subsetOf: number | null = null;
      if (subsetCueBefore(ctx, q)) {
        for (let k = figures.length - 1; k >= 0 && subsetOf === null; k--)
          if (figureUnits[k] === q.unit) subsetOf = k;
        if (subsetOf === null && figures.length > 0 && q.kind === 'count') subsetOf = figures.length - 1;
      }
      const f: Figure = {
        indicator: valid ? q.indicator : null,
        option: valid ? q.option : null,
        noun: q.noun ?? nounAfter(ctx, q),
        unit: q.unit,
        value: q.value,
        value_max: q.range ? q.range[1] : null,
        approx: q.approxWord,
        of: q.of ?? null,
        subset_of: subsetOf,
        span: spanOf(q.numStart, q.unitEnd),
      };
      if (valid && conv !== undefined) f.convertedValue = conv;
      figures.push(f);
      figureUnits.push(q.unit);
      return;
    }
    let indicator = q.indicator;
    let option = q.option;
    if (q.headOf !== undefined) {
      const head = ctx.quantities[q.headOf];
      indicator = head?.indicator ?? null;
      option = head?.option ?? null;
    } else if (!indicator) {
      // "…1.950 vụ…, tăng 12,5% so với cùng kỳ": the change is of the nearest figure before it in the clause
      // (of the same unit, unless the change is a percentage).
      const from = clauseStart(ctx, q.start);
      for (let k = qi - 1; k >= 0; k--) {
        const p = ctx.quantities[k];
        if (!p || p.start < from) break;
        if (p.role !== 'dropped' && p.kind !== 'percent' && (q.kind === 'percent' || p.unit === q.unit)) {
          indicator = p.indicator;
          option = p.option;
          break;
        }
        if (p.role === 'comparison' && p.indicator) {
          indicator = p.indicator;
          option = p.option;
          break;
        }
      }
    }
    const b = baselineFor(ctx, baselines, q.start);
    comparisons.push({
      direction: q.direction ?? 'same',
      value: q.value,
      unit: q.unit,
      baseline: b?.kind ?? null,
      baselineText: b?.text ?? null,
      indicator,
      option,
      current: q.current ?? null,
      base: q.base ?? null,
      span: spanOf(q.dirStart ?? q.numStart, q.unitEnd),
    });
  });

  // "giảm cả 3 tiêu chí": one comparison without a value per criterion of the field.
  for (let i = 0; i < tokens.length; i++) {
    const n = longestAt(tokens, i, c.allCriteria);
    if (n === 0) continue;
    const dir = directionBefore(ctx, i);
    const field = sentenceField(ctx, i);
    const criteria = field ? rules.comparison.criteria[field] : undefined;
    if (!dir || !criteria) continue;
    const b = baselineFor(ctx, baselines, i);
    // "giảm cả 3 tiêu chí (giảm 11% vụ, giảm 16% số người chết …)": the criteria spelled out with values stand
    // for themselves; a criterion gets a comparison without a value only when none follows in the sentence.
    const from = tokens[i]?.start ?? 0;
    const sentenceEnd = tokens.find(
      (t) => t.start > from && t.kind === 'punct' && SENTENCE_END.has(t.raw),
    )?.start;
    const following = comparisons.filter(
      (x) =>
        x.direction === dir.direction &&
        x.value !== null &&
        x.span[0] > from &&
        x.span[0] < (sentenceEnd ?? Number.POSITIVE_INFINITY),
    );
    const allStated = following.length >= criteria.length;
    for (const code of criteria) {
      if (!ctx.catalogue.has(code) || allStated || following.some((x) => x.indicator === code)) continue;
      comparisons.push({
        direction: dir.direction,
        value: null,
        unit: null,
        baseline: b?.kind ?? null,
        baselineText: b?.text ?? null,
        indicator: code,
        option: null,
        current: null,
        base: null,
        span: spanOf(dir.start, i + n),
      });
    }
    i += n - 1;
  }
  // "bằng cùng kỳ": a 'same' comparison of the nearest figure before it.
  for (let i = 0; i < tokens.length; i++) {
    const n = longestAt(tokens, i, c.same);
    if (n === 0) continue;
    const prev = [...ctx.quantities].reverse().find((q) => q.unitEnd <= i && q.role !== 'dropped');
    comparisons.push({
      direction: 'same',
      value: null,
      unit: null,
      baseline: 'same_period_last_year',
      baselineText: null,
      indicator: prev?.indicator ?? null,
      option: prev?.option ?? null,
      current: null,
      base: null,
      span: spanOf(i, i + n),
    });
    i += n - 1;
  }
  comparisons.sort((a, b) => a.span[0] - b.span[0]);

  const result: ExtractionResult = { text, figures, comparisons };
  // "so với tháng 4/2023 giảm …": the baseline's period is not the period reported.
  const period = findPeriod(tokens, text, baselines);
  if (period) result.period = period;
  const unit = findUnit(tokens, text, c);
  if (unit) result.unit = unit;
  return result;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function findPeriod(tokens: Token[], text: string, baselines: BaselineAt[]): PeriodMention | undefined {
  const inBaseline = (k: number) => baselines.some((b) => k >= b.start && k < b.end);
  const months: PeriodMention[] = [];
  const others: PeriodMention[] = [];
  const num = (t: Token | undefined) => (t?.kind === 'number' && /^\d+$/.test(t.raw) ? Number(t.raw) : null);
  const yearAfter = (k: number): { year: number; end: number } | null => {
    const sep = tokens[k];
    if (sep && ['/', '-', '.'].includes(sep.raw)) {
      const y = num(tokens[k + 1]);
      if (y !== null && y >= 1945 && y <= 2100) return { year: y, end: k + 2 };
    }
    if (sep?.fold === 'nam') {
      const y = num(tokens[k + 1]);
      if (y !== null && y >= 1945 && y <= 2100) return { year: y, end: k + 2 };
    }
    return null;
  };
  const mention = (from: number, to: number, m: Omit<PeriodMention, 'text' | 'span'>): PeriodMention => {
    const a = tokens[from]?.start ?? 0;
    const b = tokens[to - 1]?.end ?? 0;
    return { ...m, text: text.slice(a, b), span: [a, b] };
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t?.kind !== 'word' || inBaseline(i)) continue;
    if (t.fold === 'thang') {
      const before = tokens[i - 1];
      const count = num(before);
      if (count !== null && tokens[i + 1]?.fold === 'dau' && tokens[i + 2]?.fold === 'nam') {
        const y = num(tokens[i + 3]);
        if (y !== null)
          others.push(mention(i - 1, i + 4, { kind: 'months_to_date', months: count, year: y }));
        continue;
      }
      const m = num(tokens[i + 1]);
      if (m === null || m < 1 || m > 12 || count !== null) continue;
      const y = yearAfter(i + 2);
      const from = before?.fold === 'trong' ? i - 1 : i;
      months.push(
        mention(from, y ? y.end : i + 2, { kind: 'month', month: m, ...(y ? { year: y.year } : {}) }),
      );
    } else if (t.fold === 'quy') {
      const next = tokens[i + 1];
      const q = next ? (ROMAN[next.fold] ?? num(next)) : null;
      if (!q || q > 4) continue;
      const y = yearAfter(i + 2);
      others.push(
        mention(i, y ? y.end : i + 2, { kind: 'quarter', quarter: q, ...(y ? { year: y.year } : {}) }),
      );
    } else if (t.fold === 'tet' && t.raw[0] === 'T') {
      let end = i + 1;
      while (end < tokens.length && tokens[end]?.kind === 'word' && /^\p{Lu}/u.test(tokens[end]?.raw ?? ''))
        end++;
      if (tokens[end]?.fold === 'nguyen' || tokens[end]?.fold === 'duong') end += 2;
      while (end < tokens.length && tokens[end]?.kind === 'word' && /^\p{Lu}/u.test(tokens[end]?.raw ?? ''))
        end++;
      const y = num(tokens[end]);
      if (y !== null && y >= 1945 && y <= 2100) end++;
      others.push(mention(i, end, { kind: 'holiday', ...(y !== null && y >= 1945 ? { year: y } : {}) }));
    } else if (t.fold === 'nam' && t.raw[0] === 'N') {
      const y = num(tokens[i + 1]);
      if (y !== null && y >= 1945 && y <= 2100) others.push(mention(i, i + 2, { kind: 'year', year: y }));
    }
  }
  const within = months.find((m) => m.text.toLowerCase().startsWith('trong')) ?? months[0];
  if (within) {
    if (within.year === undefined) {
      const sameMonth = months.find((m) => m.month === within.month && m.year !== undefined);
      if (sameMonth?.year !== undefined) within.year = sameMonth.year;
    }
    return within;
  }
  const order: PeriodMention['kind'][] = ['quarter', 'months_to_date', 'holiday', 'year'];
  for (const kind of order) {
    const found = others.find((o) => o.kind === kind);
    if (found) return found;
  }
  return undefined;
}

function findUnit(tokens: Token[], text: string, c: Compiled): UnitMention | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const n = longestAt(tokens, i, c.unitPrefixes);
    if (n === 0) continue;
    const pre = tokens[i - 1];
    if (pre?.fold === 'bo') continue;
    let k = i + n;
    let level: string | null = null;
    for (const l of c.unitLevels) {
      const len = longestAt(tokens, k, l.tokens);
      if (len > 0) {
        level = l.level;
        k += len;
        break;
      }
    }
    if (!level) continue;
    if (tokens[k]?.raw === '.') k++;
    const nameStart = k;
    while (k < tokens.length && tokens[k]?.kind === 'word' && /^\p{Lu}/u.test(tokens[k]?.raw ?? '')) k++;
    if (k === nameStart) continue;
    const a = tokens[i]?.start ?? 0;
    const b = tokens[k - 1]?.end ?? 0;
    const name = text.slice(tokens[nameStart]?.start ?? 0, b);
    return { level: level as UnitMention['level'], name, text: text.slice(a, b), span: [a, b] };
  }
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i]?.fold === 'bo' && tokens[i + 1]?.fold === 'cong' && tokens[i + 2]?.fold === 'an') {
      const a = tokens[i]?.start ?? 0;
      const b = tokens[i + 2]?.end ?? 0;
      return { level: 'ministry', name: 'Bộ Công an', text: text.slice(a, b), span: [a, b] };
    }
  }
  return undefined;
}
