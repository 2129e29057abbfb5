// Scores the narrative extraction engine on the hand-annotated passages in test/fixtures/extraction/.
// Usage: node --import tsx scripts/eval-extract.ts [--verbose] [--split dev|test]
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
  split: 'dev' | 'test';
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
const splitArg = args[args.indexOf('--split') + 1];
const onlySplit = args.includes('--split') && (splitArg === 'dev' || splitArg === 'test') ? splitArg : null;

function loadPassages(): Passage[] {
  const out: Passage[] = [];
  for (const name of readdirSync(fixtureDir).sort()) {
    if (!name.endsWith('.json')) continue;
    const list = JSON.parse(readFileSync(join(fixtureDir, name), 'utf8')) as Passage[];
    out.push(...list);
  }
  return out;
}

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

const figValue = (e: ExpectedFigure, p: Figure) => sameNumber(e.value, p.value) && e.unit === p.unit;
const figStrict = (e: ExpectedFigure, p: Figure) =>
  figValue(e, p) && e.indicator === p.indicator && e.option === p.option && e.approx === p.approx;
const cmpValue = (e: ExpectedComparison, p: Comparison) =>
  e.direction === p.direction &&
  sameNumber(e.value, p.value) &&
  e.unit === p.unit &&
  e.baseline === p.baseline;
const cmpStrict = (e: ExpectedComparison, p: Comparison) =>
  cmpValue(e, p) && (e.indicator === undefined || e.indicator === p.indicator);

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
  `${f.value} ${f.unit} → ${f.indicator ?? '∅'}${f.option ? `/${f.option}` : ''}${f.approx ? ' ~' : ''}`;
const describeComparison = (c: ExpectedComparison | Comparison) =>
  `${c.direction} ${c.value ?? '·'} ${c.unit ?? ''} vs ${c.baseline ?? '∅'} → ${c.indicator ?? '∅'}`;

const passages = loadPassages();
for (const split of ['dev', 'test'] as const) {
  if (onlySplit && onlySplit !== split) continue;
  const chosen = passages.filter((p) => p.split === split);
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
    if (verbose && (fs.missed.length || fs.spurious.length || cs.missed.length || cs.spurious.length)) {
      report.push(`  ${p.id}`);
      for (const m of fs.missed) report.push(`    missed   ${describeFigure(m)}`);
      for (const s of fs.spurious) report.push(`    spurious ${describeFigure(s)}`);
      for (const m of cs.missed) report.push(`    missed   ${describeComparison(m)}`);
      for (const s of cs.spurious) report.push(`    spurious ${describeComparison(s)}`);
    }
  }
  console.log(`${split} (${chosen.length} passages)`);
  console.log(`  values (number + unit)            ${prf(tallies.figures)}`);
  console.log(`  values + indicator/option/approx  ${prf(tallies.figuresStrict)}`);
  console.log(`  comparisons (dir/value/unit/base) ${prf(tallies.comparisons)}`);
  console.log(`  comparisons + indicator           ${prf(tallies.comparisonsStrict)}`);
  if (verbose) console.log(report.join('\n'));
}
