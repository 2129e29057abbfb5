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

function mix(h: number, x: number): number {
  let k = Math.imul(h ^ x, 0x5bd1e995);
  k ^= k >>> 15;
  return Math.imul(k, 0x27d4eb2d) >>> 0;
}

/** The key part a figure's period contributes; a change set holds few periods, so each is hashed once. */
class PeriodHashes {
  private readonly map = new Map<string, number>();
  get(period: string): number {
    let h = this.map.get(period);
    if (h === undefined) {
      h = fnv(period, 0x811c9dc5);
      this.map.set(period, h);
    }
    return h;
  }
}

const float = new Float64Array(1);
const words = new Int32Array(float.buffer);

/** A non-zero residue: 0 would make a row invisible to the locator. */
function residue(h: number): number {
  return (h % (P - 1)) + 1;
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

/** The three locator indexes of a figure's key (not of its content): integer mixing, no text hashing. */
function keyIndexes(v: Omit<FigureVersion, 'version'>, period: number): [number, number, number] {
  const base = mix(mix(mix(mix(period, v.formId), v.unitId), v.indicatorId), v.optionId);
  const k0 = mix(base, SEEDS[0]);
  const k1 = mix(base ^ 0x68e31da4, SEEDS[1]);
  return [k0, k1, mix(k0, k1 ^ SEEDS[2])];
}

function contentMix(v: Omit<FigureVersion, 'version'>, version: number): number {
  let h = mix(0x3c6ef372, version);
  if (v.value === null) h = mix(h, 0x7ff80001);
  else {
    float[0] = v.value;
    h = mix(mix(h, words[0] as number), words[1] as number);
  }
  return v.comment === null ? h : mix(h, fnv(v.comment, 0x811c9dc5));
}

/** Rows per sort key: a row's index must fit beside its 32-bit key in a double's 53 bits. */
const INDEX_SPAN = 2 ** 21;
/** Int32 words per row in the hashed record: period, form, unit, indicator, option, version, flags, value (2), comment length. */
const STRIDE = 10;

/**
 * Accumulates the versions one change set wrote; `seal` closes it. The digest covers the versions in a canonical
 * order (by key, whatever order they were written or read in), each as a fixed binary record with the texts after
 * them: typed arrays and a numeric sort, so that a 100,000-figure import pays milliseconds, not a string per figure.
 */
export class FigureSealer {
  private readonly rows: Array<Omit<FigureVersion, 'version'>> = [];
  private readonly versions: number[] = [];
  private readonly keys: number[] = [];
  private readonly sums = [0, 0, 0, 0, 0, 0];
  private readonly periods = new PeriodHashes();

  /** Adds one version; `v` is read, never kept changed (callers pass their input objects). */
  add(v: Omit<FigureVersion, 'version'>, version: number): void {
    const k = keyIndexes(v, this.periods.get(v.period));
    this.rows.push(v);
    this.versions.push(version);
    this.keys.push(k[0]);
    const content = contentMix(v, version);
    const s = this.sums;
    for (let i = 0; i < 3; i++) {
      const h = residue(mix(k[i] as number, content));
      s[2 * i] = ((s[2 * i] as number) + h) % P;
      s[2 * i + 1] = ((s[2 * i + 1] as number) + mulMod(residue(k[i] as number), h)) % P;
    }
  }

  get count(): number {
    return this.rows.length;
  }

  private compare(a: number, b: number): number {
    const x = this.rows[a] as FigureVersion;
    const y = this.rows[b] as FigureVersion;
    if (x.period !== y.period) return x.period < y.period ? -1 : 1;
    const d =
      x.formId - y.formId ||
      x.unitId - y.unitId ||
      x.indicatorId - y.indicatorId ||
      x.optionId - y.optionId ||
      (this.versions[a] as number) - (this.versions[b] as number);
    if (d !== 0) return d;
    if (x.value !== y.value) return x.value === null ? -1 : y.value === null ? 1 : x.value - y.value;
    if (x.comment === y.comment) return 0;
    return x.comment === null ? -1 : y.comment === null ? 1 : x.comment < y.comment ? -1 : 1;
  }

  private order(): ArrayLike<number> {
    const n = this.rows.length;
    const keys = this.keys;
    if (n >= INDEX_SPAN)
      return Array.from({ length: n }, (_, i) => i).sort(
        (a, b) => (keys[a] as number) - (keys[b] as number) || this.compare(a, b),
      );
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = (keys[i] as number) * INDEX_SPAN + i;
    packed.sort();
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = (packed[i] as number) % INDEX_SPAN;
    // Rows whose 32-bit keys collide are ordered by content, so that the order never depends on the input's.
    for (let start = 0; start < n; ) {
      let end = start + 1;
      while (end < n && keys[order[end] as number] === keys[order[start] as number]) end++;
      if (end - start > 1) order.subarray(start, end).sort((a, b) => this.compare(a, b));
      start = end;
    }
    return order;
  }

  seal(change: ChangeSetRecord): FigureSeal {
    const n = this.rows.length;
    const order = this.order();
    const periodList = [...new Set(this.rows.map((r) => r.period))].sort();
    const periodIndex = new Map(periodList.map((p, i) => [p, i]));
    const record = new Int32Array(n * STRIDE);
    const comments: string[] = [];
    for (let j = 0; j < n; j++) {
      const i = order[j] as number;
      const v = this.rows[i] as FigureVersion;
      const o = j * STRIDE;
      record[o] = periodIndex.get(v.period) as number;
      record[o + 1] = v.formId;
      record[o + 2] = v.unitId;
      record[o + 3] = v.indicatorId;
      record[o + 4] = v.optionId;
      record[o + 5] = this.versions[i] as number;
      record[o + 6] = (v.value === null ? 1 : 0) | (v.comment === null ? 2 : 0);
      if (v.value !== null) {
        float[0] = v.value;
        record[o + 7] = words[0] as number;
        record[o + 8] = words[1] as number;
      }
      if (v.comment !== null) {
        record[o + 9] = v.comment.length;
        comments.push(v.comment);
      }
    }
    const hash = createHash('sha256');
    hash.update(
      `${DOMAIN}\n${JSON.stringify([change.id, change.at, change.userId, change.source, change.reason])}\n${n}\n${JSON.stringify(periodList)}\n`,
    );
    // Little-endian words, as every platform Node runs this on stores them.
    hash.update(new Uint8Array(record.buffer));
    hash.update(JSON.stringify(comments));
    const s = this.sums;
    return {
      changeId: change.id,
      versions: n,
      digest: hash.digest('hex'),
      locator: `${s[0]}.${s[1]},${s[2]}.${s[3]},${s[4]}.${s[5]}`,
    };
  }
}

export function sealFigures(change: ChangeSetRecord, versions: Iterable<FigureVersion>): FigureSeal {
  const sealer = new FigureSealer();
  for (const v of versions) sealer.add(v, v.version);
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
  for (const v of stored) current.add(v, v.version);
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
  const periods = new PeriodHashes();
  return stored.filter((v) =>
    keyIndexes(v, periods.get(v.period)).every((k, i) => residue(k) === targets[i]),
  );
}
