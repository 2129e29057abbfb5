import { parsePeriod } from '../periods/period.ts';
import { MPS_REGIME, type ReportingRegime, referenceDate } from '../periods/regime.ts';
import type { UnitGraph } from '../units/graph.ts';
import type { IsoDate } from '../vietnamese/dates.ts';

/** A change to the subtree sums of one unit: added to `value` and to the count of figures in it. */
export interface RollupDelta {
  period: string;
  indicatorId: number;
  optionId: number;
  unitId: number;
  value: number;
  count: number;
}

/** A delta as a row of `value_rollup`. */
export function rollupRow(d: RollupDelta): {
  period: string;
  indicator_id: number;
  option_id: number;
  unit_id: number;
  value: number;
  value_count: number;
} {
  return {
    period: d.period,
    indicator_id: d.indicatorId,
    option_id: d.optionId,
    unit_id: d.unitId,
    value: d.value,
    value_count: d.count,
  };
}

/**
 * Accumulates the roll-up changes caused by changed figures: each figure counts in its own unit and in every
 * ancestor on the period's reference date (the tree of the day the reporting window ends).
 */
/** A numeric key for (indicator, option, unit): ids stay far below these bounds, and numbers hash faster than text. */
function numericKey(indicatorId: number, optionId: number, unitId: number): number {
  return (indicatorId * 100_000 + optionId) * 10_000_000 + unitId;
}

export class RollupAccumulator {
  /** Deltas per period, then per (indicator, option, unit). */
  private readonly deltas = new Map<string, Map<number, RollupDelta>>();
  private readonly refDates = new Map<string, IsoDate>();

  private readonly leaves = new Map<IsoDate, Map<number, boolean>>();

  /**
   * Units without children keep no roll-up of their own (their figures are the roll-up, read from the figures table):
   * that halves the writes of a national import. `includeLeaves` keeps them, for computing from figures directly.
   */
  constructor(
    private readonly graph: UnitGraph,
    private readonly options: { includeLeaves?: boolean; regime?: ReportingRegime } = {},
  ) {}

  private isLeaf(unitId: number, date: IsoDate): boolean {
    let perDate = this.leaves.get(date);
    if (!perDate) {
      perDate = new Map();
      this.leaves.set(date, perDate);
    }
    let leaf = perDate.get(unitId);
    if (leaf === undefined) {
      leaf = this.graph.childrenOn(unitId, date).length === 0;
      perDate.set(unitId, leaf);
    }
    return leaf;
  }

  private referenceDateOf(period: string): IsoDate {
    let date = this.refDates.get(period);
    if (!date) {
      date = referenceDate(parsePeriod(period), this.options.regime ?? MPS_REGIME);
      this.refDates.set(period, date);
    }
    return date;
  }

  add(
    period: string,
    indicatorId: number,
    optionId: number,
    unitId: number,
    oldValue: number | null,
    newValue: number | null,
  ): void {
    const value = (newValue ?? 0) - (oldValue ?? 0);
    const count = (newValue === null ? 0 : 1) - (oldValue === null ? 0 : 1);
    if (value === 0 && count === 0) return;
    let perPeriod = this.deltas.get(period);
    if (!perPeriod) {
      perPeriod = new Map();
      this.deltas.set(period, perPeriod);
    }
    const date = this.referenceDateOf(period);
    if (this.options.includeLeaves || !this.isLeaf(unitId, date))
      this.bump(perPeriod, period, indicatorId, optionId, unitId, value, count);
    for (const ancestor of this.graph.ancestorsOn(unitId, date))
      this.bump(perPeriod, period, indicatorId, optionId, ancestor, value, count);
  }

  /**
   * The units whose roll-up a figure of `unitId` for `period` counts in: the unit itself unless it has no children
   * on the period's reference date, then its ancestors on that date, nearest first.
   */
  holders(period: string, unitId: number): readonly number[] {
    const date = this.referenceDateOf(period);
    const ancestors = this.graph.ancestorsOn(unitId, date);
    return this.options.includeLeaves || !this.isLeaf(unitId, date) ? [unitId, ...ancestors] : ancestors;
  }

  private bump(
    perPeriod: Map<number, RollupDelta>,
    period: string,
    indicatorId: number,
    optionId: number,
    unitId: number,
    value: number,
    count: number,
  ): void {
    const key = numericKey(indicatorId, optionId, unitId);
    const found = perPeriod.get(key);
    if (found) {
      found.value += value;
      found.count += count;
    } else {
      perPeriod.set(key, { period, indicatorId, optionId, unitId, value, count });
    }
  }

  get size(): number {
    let n = 0;
    for (const m of this.deltas.values()) n += m.size;
    return n;
  }

  entries(): RollupDelta[] {
    const out: RollupDelta[] = [];
    for (const m of this.deltas.values()) for (const d of m.values()) out.push(d);
    return out;
  }
}
