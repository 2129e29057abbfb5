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
    unitLevels: rules.reportingUnits.levels.map((l) => ({ tokens: many(l.words), level: l.level })),
  };
  compiledCache.set(rules, compiled);
  return compiled;
}

function matchAt(tokens: Token[], at: number, phrase: Token[]): boolean {
  if (at < 0 || at + phrase.length > tokens.length) return false;
  // In accented text an unaccented word is only read as an accented rule word inside a phrase of two or more words
  // ("ma tuy tổng hợp"): alone it is usually another word ("quả tang" is not "tăng", "chay" is not "cháy").
  const lenient = !tokens[at]?.inAccentedText || phrase.filter((p) => p.kind === 'word').length > 1;
  for (let j = 0; j < phrase.length; j++) {
    const t = tokens[at + j];
    const p = phrase[j];
    if (!t || !p || !tokenMatches(t, p, lenient)) return false;
  }
  return true;
}

/** Length of the longest phrase of `list` starting at `at`, or 0. */
function longestAt(tokens: Token[], at: number, list: Token[][]): number {
  for (const p of list) if (matchAt(tokens, at, p)) return p.length;
  return 0;
}

/** Length of the longest phrase of `list` ending just before `end`, or 0. */
function longestEndingAt(tokens: Token[], end: number, list: Token[][]): number {
  for (const p of list) if (matchAt(tokens, end - p.length, p)) return p.length;
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
  range?: [number, number];
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
    if (!unitAt(tokens, k, c) && !scaleAt(tokens, k, c)) continue;
    const value = parseNumberWords(tokens.slice(at, k).map((x) => x.fold));
    if (value !== null) return { value, end: k };
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
  if (!(value <= whole.value) || out.some((q) => q.unitEnd > i)) return null;
  const approx = approxBefore(tokens, i, c);
  // The part spans its own number only; the whole is read next, from its own number.
  return {
    ...whole,
    start: i,
    numStart: i,
    unitStart: i + 1,
    unitEnd: i + 1,
    rEnd: whole.rEnd,
    value,
    approx,
  };
}

function quantityAt(tokens: Token[], i: number, c: Compiled): Quantity | null {
  const prev = tokens[i - 1];
  // Inside a longer alphanumeric string ("29H1-123.45") or a word-number run already tried.
  if (isNumberWord(prev, c) && tokens[i]?.kind === 'word') return null;
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
  const approxInfo = approxBefore(tokens, start, c);
  const mul = (x: number) => Number((x * scale).toPrecision(12));
  return {
    start,
    numStart: i,
    unitStart,
    unitEnd: unit.end,
    value: mul(range ? range[0] : value),
    unit: unit.unit,
    kind: unit.kind,
    approx: approxInfo || range !== undefined,
    ...(range ? { range: [mul(range[0]), mul(range[1])] as [number, number] } : {}),
    rEnd: unit.end,
    role: 'figure',
    indicator: null,
    option: null,
  };
}

function approxBefore(tokens: Token[], at: number, c: Compiled): boolean {
  let p = at;
  let found = false;
  for (let guard = 0; guard < 5; guard++) {
    const a = longestEndingAt(tokens, p, c.approx);
    if (a > 0) {
      found = true;
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
  matches: Match[];
  quantities: Quantity[];
  st: Structure;
  c: Compiled;
  catalogue: Map<string, Indicator>;
}

function matchesIn(ctx: Context, from: number, to: number): Match[] {
  return ctx.matches.filter((m) => m.start >= from && m.start < to);
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
    if (ctx.quantities.some((o) => o.start === k)) break;
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
  const R = rightMatches(ctx, qi);
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
  for (const ri of c.byUnit.get(q.unit) ?? []) {
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
    if (r && r.indicator === rule.indicator && r.units.includes(q.unit)) options.add(r.option);
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
      // "(-24,25%)", "(+9,79%)", or "(16,5%)" right after a comparison.
      const sign = tokens[q.start - 1];
      const hasSign = sign?.kind === 'punct' && ['-', '+', '−', '–'].includes(sign.raw);
      const open = tokens[q.start - (hasSign ? 2 : 1)];
      if (open?.raw === '(') {
        const head = quantities[qi - 1];
        // The change it qualifies ends right before the bracket, or a few words of its noun before it
        // ("tăng 7 người chết (7,4%)").
        const openAt = q.start - (hasSign ? 2 : 1);
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
    const lFrom = leftStart(ctx, qi);
    const clauseFrom = clauseStart(ctx, q.start);
    if (matchesIn(ctx, Math.min(lFrom, clauseFrom), q.start).some((m) => hasRole(m, 'target')))
      q.role = 'dropped';
  });
  for (const q of quantities) q.rEnd = computeREnd(ctx, q);
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
    if (kind && from && last) out.push({ start: i, kind, text: text.slice(from.start, last.end) });
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
    st: structure(tokens),
    c,
    catalogue: new Map(catalogue.map((i) => [i.code, i])),
  };
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

  ctx.quantities.forEach((q, qi) => {
    if (q.role === 'dropped') return;
    if (q.role === 'figure') {
      const ind = q.indicator ? ctx.catalogue.get(q.indicator) : undefined;
      const conv = converted(ind, q.unit, q.value, rules);
      const valid = conv !== 'invalid';
      if (q.kind === 'percent' && (!q.indicator || !valid)) return;
      const f: Figure = {
        indicator: valid ? q.indicator : null,
        option: valid ? q.option : null,
        value: q.value,
        unit: q.unit,
        approx: q.approx,
        span: spanOf(q.numStart, q.unitEnd),
      };
      if (valid && conv !== undefined) f.convertedValue = conv;
      if (q.range) f.range = q.range;
      figures.push(f);
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
      span: spanOf(i, i + n),
    });
    i += n - 1;
  }
  comparisons.sort((a, b) => a.span[0] - b.span[0]);

  const result: ExtractionResult = { text, figures, comparisons };
  const period = findPeriod(tokens, text);
  if (period) result.period = period;
  const unit = findUnit(tokens, text, c);
  if (unit) result.unit = unit;
  return result;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function findPeriod(tokens: Token[], text: string): PeriodMention | undefined {
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
    if (t?.kind !== 'word') continue;
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
