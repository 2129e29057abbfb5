/**
 * The campaign summary's arithmetic, pure: per unit and indicator, the campaign's figure against the same campaign
 * last year and against the equal-length window just before it, and a ranking of the units. Where lower is better
 * (accidents, deaths, fires) a fall ranks higher.
 */

export type Direction = 'up' | 'down' | 'neutral';

export interface WindowFigures {
  /** unit code → indicator code → value (null when nothing was reported). */
  current: Map<string, Map<string, number | null>>;
  lastYear: Map<string, Map<string, number | null>>;
  before: Map<string, Map<string, number | null>>;
}

export interface Comparison {
  value: number | null;
  lastYear: number | null;
  before: number | null;
  /** value − lastYear, and its share of lastYear in percent (null when lastYear is 0 or missing). */
  diffLastYear: number | null;
  pctLastYear: number | null;
  diffBefore: number | null;
  pctBefore: number | null;
}

export interface RankedUnit {
  unit: string;
  rank: number;
  figures: Record<string, Comparison>;
  /** The score the rank is based on: change against last year in the ranking indicator, signed so higher is better. */
  score: number | null;
}

function pct(diff: number | null, base: number | null): number | null {
  if (diff === null || base === null || base === 0) return null;
  return Math.round((diff / base) * 10000) / 100;
}

/** One figure against its two references. */
export function compare(value: number | null, lastYear: number | null, before: number | null): Comparison {
  const diffLastYear = value === null || lastYear === null ? null : value - lastYear;
  const diffBefore = value === null || before === null ? null : value - before;
  return {
    value,
    lastYear,
    before,
    diffLastYear,
    pctLastYear: pct(diffLastYear, lastYear),
    diffBefore,
    pctBefore: pct(diffBefore, before),
  };
}

/**
 * Compares every unit on every indicator and ranks units by the change against last year in `rankBy`: the
 * percentage change, turned so that the better direction scores higher; units without one (no figures, or
 * none last year) go last, ties in code order.
 */
export function rankCampaign(
  units: string[],
  indicators: string[],
  figures: WindowFigures,
  rankBy: { indicator: string; direction: Direction },
): RankedUnit[] {
  const get = (m: Map<string, Map<string, number | null>>, unit: string, code: string) =>
    m.get(unit)?.get(code) ?? null;
  const rows = units.map((unit) => {
    const row: Record<string, Comparison> = {};
    for (const code of indicators) {
      row[code] = compare(
        get(figures.current, unit, code),
        get(figures.lastYear, unit, code),
        get(figures.before, unit, code),
      );
    }
    const c = row[rankBy.indicator];
    const sign = rankBy.direction === 'down' ? -1 : 1;
    // Percentages only: an absolute difference against a zero base is not comparable with them.
    const score = c?.pctLastYear !== null && c?.pctLastYear !== undefined ? sign * c.pctLastYear : null;
    return { unit, figures: row, score };
  });
  rows.sort(
    (a, b) =>
      (b.score ?? Number.NEGATIVE_INFINITY) - (a.score ?? Number.NEGATIVE_INFINITY) ||
      a.unit.localeCompare(b.unit),
  );
  return rows.map((r, i) => ({ ...r, rank: i + 1 }));
}

/** Sum of a figure over units, null when no unit had it. */
export function total(values: Array<number | null>): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0);
}
