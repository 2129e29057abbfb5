// Scores the narrative extraction engine on the hand-annotated passages in test/fixtures/extraction/:
// the real passages (real/passages.json, dev and held-out splits) and the 80 regression passages (*.json).
// Figures match on value and unit (mass compared in grams); comparisons on direction, value and unit.
// Usage: node --import tsx scripts/eval-extract.ts [--verbose] [--set real-dev|real-heldout|regression]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Comparison, Figure } from '../src/extraction/index.ts';
import { extract } from '../src/extraction/index.ts';
import { INDICATORS } from '../src/indicators/catalogue.ts';

interface ExpectedFigure {
  indicator: string | null;
  option: string | null;
  value: number;
  unit: string;
  approx: boolean;
}

interface ExpectedComparison {
  direction: Comparison['direction'];
  value: number | null;
  unit: string | null;
  baseline: Comparison['baseline'];
  indicator?: string | null;
}

interface Passage {
  id: string;
  split: 'dev' | 'test' | 'heldout';
  text: string;
  figures: ExpectedFigure[];
  comparisons: ExpectedComparison[];
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

const fixtureDir = new URL('../test/fixtures/extraction/', import.meta.url).pathname;
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const onlySet = args.includes('--set') ? args[args.indexOf('--set') + 1] : null;

function loadRegression(): Passage[] {
  const out: Passage[] = [];
  for (const name of readdirSync(fixtureDir).sort()) {
    if (!name.endsWith('.json')) continue;
    const list = JSON.parse(readFileSync(join(fixtureDir, name), 'utf8')) as Passage[];
    out.push(...list);
  }
  return out;
}

const loadReal = (): Passage[] =>
  JSON.parse(readFileSync(join(fixtureDir, 'real', 'passages.json'), 'utf8')) as Passage[];

const sameNumber = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

/** Greedy one-to-one matching; returns the unmatched items on both sides. */
function pair<E, P>(expected: E[], predicted: P[], eq: (e: E, p: P) => boolean) {
  const used = new Set<number>();
  const missed: E[] = [];
  for (const e of expected) {
    const k = predicted.findIndex((p, i) => !used.has(i) && eq(e, p));
    if (k >= 0) used.add(k);
    else missed.push(e);
  }
  const spurious = predicted.filter((_, i) => !used.has(i));
  return { tp: expected.length - missed.length, missed, spurious };
}

/** Mass in grams, so "1,2 kg" and "1.200 g" are the same quantity; other units as written. */
const GRAMS: Record<string, number> = { g: 1, gam: 1, gram: 1, kg: 1000, tạ: 100_000, tấn: 1_000_000 };
function measure(value: number | null, unit: string | null): [number | null, string | null] {
  const factor = unit === null ? undefined : GRAMS[unit];
  return factor === undefined || value === null ? [value, unit] : [value * factor, 'g'];
}
function sameQuantity(av: number | null, au: string | null, bv: number | null, bu: string | null): boolean {
  const [a, ua] = measure(av, au);
  const [b, ub] = measure(bv, bu);
  return ua === ub && sameNumber(a, b);
}

const figValue = (e: ExpectedFigure, p: Figure) => sameQuantity(e.value, e.unit, p.value, p.unit);
const figStrict = (e: ExpectedFigure, p: Figure) =>
  figValue(e, p) &&
  e.indicator === p.indicator &&
  e.option === p.option &&
  e.approx === (p.approx !== null || p.value_max !== null);
const cmpValue = (e: ExpectedComparison, p: Comparison) =>
  e.direction === p.direction && sameQuantity(e.value, e.unit, p.value, p.unit);
const cmpStrict = (e: ExpectedComparison, p: Comparison) =>
  cmpValue(e, p) && e.baseline === p.baseline && (e.indicator === undefined || e.indicator === p.indicator);

function add(t: Tally, r: { tp: number; missed: unknown[]; spurious: unknown[] }) {
  t.tp += r.tp;
  t.fn += r.missed.length;
  t.fp += r.spurious.length;
}

function prf(t: Tally): string {
  const p = t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
  const r = t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn);
  const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return `P ${(p * 100).toFixed(1).padStart(5)}  R ${(r * 100).toFixed(1).padStart(5)}  F1 ${(f * 100).toFixed(1).padStart(5)}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`;
}

const describeFigure = (f: ExpectedFigure | Figure) =>
  `${f.value} ${f.unit} → ${f.indicator ?? '∅'}${f.option ? `/${f.option}` : ''}${f.approx ? ' ~' : ''}${'noun' in f && f.noun ? ` «${f.noun}»` : ''}`;
const describeComparison = (c: ExpectedComparison | Comparison) =>
  `${c.direction} ${c.value ?? '·'} ${c.unit ?? ''} vs ${c.baseline ?? '∅'} → ${c.indicator ?? '∅'}`;

const real = loadReal();
const sets: [string, Passage[], boolean][] = [
  ['real-dev', real.filter((p) => p.split === 'dev'), false],
  ['real-heldout', real.filter((p) => p.split === 'heldout'), false],
  ['regression', loadRegression(), true],
];
for (const [name, chosen, annotatedIndicators] of sets) {
  if (onlySet && onlySet !== name) continue;
  const tallies = {
    figures: { tp: 0, fp: 0, fn: 0 },
    figuresStrict: { tp: 0, fp: 0, fn: 0 },
    comparisons: { tp: 0, fp: 0, fn: 0 },
    comparisonsStrict: { tp: 0, fp: 0, fn: 0 },
  };
  const report: string[] = [];
  for (const p of chosen) {
    const result = extract(p.text, INDICATORS);
    const fv = pair(p.figures, result.figures, figValue);
    const fs = pair(p.figures, result.figures, figStrict);
    const cv = pair(p.comparisons, result.comparisons, cmpValue);
    const cs = pair(p.comparisons, result.comparisons, cmpStrict);
    add(tallies.figures, fv);
    add(tallies.figuresStrict, fs);
    add(tallies.comparisons, cv);
    add(tallies.comparisonsStrict, cs);
    const [f, c] = annotatedIndicators ? [fs, cs] : [fv, cv];
    if (verbose && (f.missed.length || f.spurious.length || c.missed.length || c.spurious.length)) {
      report.push(`  ${p.id}  ${p.text.slice(0, 90)}…`);
      for (const m of f.missed) report.push(`    missed   ${describeFigure(m)}`);
      for (const s of f.spurious) report.push(`    spurious ${describeFigure(s)}`);
      for (const m of c.missed) report.push(`    missed   ${describeComparison(m)}`);
      for (const s of c.spurious) report.push(`    spurious ${describeComparison(s)}`);
    }
  }
  console.log(`${name} (${chosen.length} passages)`);
  console.log(`  figures (value + unit)              ${prf(tallies.figures)}`);
  console.log(`  comparisons (direction/value/unit)  ${prf(tallies.comparisons)}`);
  if (annotatedIndicators) {
    console.log(`  figures + indicator/option/approx   ${prf(tallies.figuresStrict)}`);
    console.log(`  comparisons + baseline/indicator    ${prf(tallies.comparisonsStrict)}`);
  }
  if (verbose) console.log(report.join('\n'));
}
