import { createHash } from 'node:crypto';

/**
 * Binds stored figure versions into the audit chain. Every change set's audit entry carries a seal of the figure
 * versions it wrote: a SHA-256 over their canonical lines (sorted, so the order of writing does not matter) and
 * three small locator sums. The versions a change set wrote never change afterwards — a later change moves them to
 * history with the same content — so recomputing the seal from data_value ∪ data_value_history must give the same
 * result. SHA-256 is what detects a change; the locators only name the figure when one version of a change set was
 * altered (a syndrome: ΔB / ΔA = the altered row's index), and are no security measure on their own.
 * One pass over the change set's rows, no query: bulk imports pay a sort and one hash per change set.
 */

/** One stored version of one figure, as data_value and data_value_history hold it. */
export interface FigureVersion {
  period: string;
  formId: number;
  unitId: number;
  indicatorId: number;
  optionId: number;
  version: number;
  value: number | null;
  comment: string | null;
}

/** The change set's own record: when, by whom, from where, why. */
export interface ChangeSetRecord {
  id: number;
  at: string;
  userId: number | null;
  source: string;
  reason: string | null;
}

/** What the audit entry of a change set carries (in details.figures). */
export interface FigureSeal {
  changeId: number;
  versions: number;
  digest: string;
  /** Three pairs [A, B] of sums modulo LOCATOR_PRIME, joined as "a.b,a.b,a.b". */
  locator: string;
}

const DOMAIN = 'giaoban-figures-v1';
/** Largest prime below 2^26: products of two residues stay below 2^53, exact in a double. */
const P = 67_108_859;
const SEEDS = [0x811c9dc5, 0x9747b28c, 0x2545f491] as const;

function fnv(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function keyText(v: FigureVersion): string {
  return `${v.period}|${v.formId}|${v.unitId}|${v.indicatorId}|${v.optionId}`;
}

function lineText(v: FigureVersion): string {
  // JSON of the value keeps null apart from 0 and the comment's text exact.
  return `${keyText(v)}|${v.version}|${v.value === null ? 'null' : JSON.stringify(v.value)}|${JSON.stringify(v.comment)}`;
}

/** A non-zero residue: 0 would make a row invisible to the locator. */
function residue(text: string, seed: number): number {
  return (fnv(text, seed) % (P - 1)) + 1;
}

function mulMod(a: number, b: number): number {
  return (a * b) % P;
}

function inverse(a: number): number {
  let [t, newT, r, newR] = [0, 1, P, a];
  while (newR !== 0) {
    const q = Math.floor(r / newR);
    [t, newT] = [newT, t - q * newT];
    [r, newR] = [newR, r - q * newR];
  }
  return t < 0 ? t + P : t;
}

/** Accumulates the versions one change set wrote; `seal` closes it. */
export class FigureSealer {
  private readonly lines: string[] = [];
  private readonly sums = [0, 0, 0, 0, 0, 0];

  add(v: FigureVersion): void {
    const line = lineText(v);
    const key = keyText(v);
    this.lines.push(line);
    for (let i = 0; i < 3; i++) {
      const seed = SEEDS[i] as number;
      const h = residue(line, seed);
      const idx = residue(key, seed ^ 0x5bd1e995);
      this.sums[2 * i] = ((this.sums[2 * i] as number) + h) % P;
      this.sums[2 * i + 1] = ((this.sums[2 * i + 1] as number) + mulMod(idx, h)) % P;
    }
  }

  get count(): number {
    return this.lines.length;
  }

  seal(change: ChangeSetRecord): FigureSeal {
    this.lines.sort();
    const hash = createHash('sha256');
    hash.update(
      `${DOMAIN}\n${JSON.stringify([change.id, change.at, change.userId, change.source, change.reason])}\n`,
    );
    // Hashed in slices: one string of a million lines would be joined only to be thrown away.
    for (let i = 0; i < this.lines.length; i += 4096) {
      hash.update(`${this.lines.slice(i, i + 4096).join('\n')}\n`);
    }
    const s = this.sums;
    return {
      changeId: change.id,
      versions: this.lines.length,
      digest: hash.digest('hex'),
      locator: `${s[0]}.${s[1]},${s[2]}.${s[3]},${s[4]}.${s[5]}`,
    };
  }
}

export function sealFigures(change: ChangeSetRecord, versions: Iterable<FigureVersion>): FigureSeal {
  const sealer = new FigureSealer();
  for (const v of versions) sealer.add(v);
  return sealer.seal(change);
}

function parseLocator(text: string): number[] | null {
  const parts = text.split(/[.,]/).map(Number);
  return parts.length === 6 && parts.every((n) => Number.isInteger(n) && n >= 0 && n < P) ? parts : null;
}

/**
 * The stored version that differs from what the seal recorded, when exactly one version was altered or added.
 * Returns [] when the difference cannot be pinned on one stored row (several altered, one removed, or only the
 * change set's record).
 */
export function locateAltered(recorded: FigureSeal, stored: readonly FigureVersion[]): FigureVersion[] {
  const was = parseLocator(recorded.locator);
  if (!was) return [];
  const current = new FigureSealer();
  for (const v of stored) current.add(v);
  const sums = parseLocator(current.seal({ id: 0, at: '', userId: null, source: '', reason: null }).locator);
  if (!sums) return [];
  // For one altered row with index x: ΔA = h_old − h_new and ΔB = x·ΔA, in each of the three residues.
  const targets: number[] = [];
  for (let i = 0; i < 3; i++) {
    const dA = ((was[2 * i] as number) - (sums[2 * i] as number) + P) % P;
    const dB = ((was[2 * i + 1] as number) - (sums[2 * i + 1] as number) + P) % P;
    if (dA === 0) return [];
    targets.push(mulMod(dB, inverse(dA)));
  }
  return stored.filter((v) => {
    const key = keyText(v);
    return SEEDS.every((seed, i) => residue(key, seed ^ 0x5bd1e995) === targets[i]);
  });
}
