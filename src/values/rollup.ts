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

/**
 * Accumulates the roll-up changes caused by changed figures: each figure counts in its own unit and in every
 * ancestor on the period's reference date (the tree of the day the reporting window ends).
 */
export class RollupAccumulator {
  private readonly deltas = new Map<string, RollupDelta>();
  private readonly refDates = new Map<string, IsoDate>();

  constructor(
    private readonly graph: UnitGraph,
    private readonly regime: ReportingRegime = MPS_REGIME,
  ) {}

  private referenceDateOf(period: string): IsoDate {
    let date = this.refDates.get(period);
    if (!date) {
      date = referenceDate(parsePeriod(period), this.regime);
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
    const date = this.referenceDateOf(period);
    this.bump(period, indicatorId, optionId, unitId, value, count);
    for (const ancestor of this.graph.ancestorsOn(unitId, date))
      this.bump(period, indicatorId, optionId, ancestor, value, count);
  }

  private bump(
    period: string,
    indicatorId: number,
    optionId: number,
    unitId: number,
    value: number,
    count: number,
  ): void {
    const key = `${period}|${indicatorId}|${optionId}|${unitId}`;
    const found = this.deltas.get(key);
    if (found) {
      found.value += value;
      found.count += count;
    } else {
      this.deltas.set(key, { period, indicatorId, optionId, unitId, value, count });
    }
  }

  get size(): number {
    return this.deltas.size;
  }

  entries(): RollupDelta[] {
    return [...this.deltas.values()];
  }
}
