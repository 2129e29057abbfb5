import { reporterKindsOn } from '../indicators/model.ts';
import type { StoredForm, StoredIndicator } from '../indicators/registry.ts';
import { type Catalogue, NO_OPTION } from '../indicators/registry.ts';
import {
  daysOf,
  monthsOf,
  type Period,
  parsePeriod,
  previousPeriod,
  samePeriodLastYear,
  yearToDateOf,
} from '../periods/period.ts';
import { MPS_REGIME, referenceDate, wholeMonthsWithin } from '../periods/regime.ts';
import { highestSecrecy, type SecrecyLevel } from '../shared/secrecy.ts';
import type { Representation, UnitGraph } from '../units/graph.ts';
import { roundTo } from '../vietnamese/numbers.ts';
import { type Change, changeBetween, type Notability, notableChange } from './change.ts';

/** One stored subtree sum: the figures of a unit and everything below it, for one period. */
export interface RollupCell {
  period: string;
  indicatorId: number;
  optionId: number;
  unitId: number;
  value: number;
  count: number;
}

/** Where the engine reads from; the repository gives it roll-ups (live) or leaf figures as of a past moment. */
export interface AnalyticsSource {
  rollups(q: { unitIds: number[]; periods: string[]; indicatorIds: number[] }): Promise<RollupCell[]>;
  /** Roll-ups summed over the given periods, per unit, indicator and option (year-to-date sums in one read). */
  sums(q: {
    unitIds: number[];
    periods: string[];
    indicatorIds: number[];
  }): Promise<Array<Omit<RollupCell, 'period'>>>;
  /** Units that submitted (submitted, approved or locked) a form for a period. */
  submittedUnits(q: {
    formIds: number[];
    periods: string[];
  }): Promise<Array<{ formId: number; period: string; unitId: number }>>;
}

export interface Coverage {
  reported: number;
  expected: number;
  /** Codes of the expected units that have not reported. */
  missing: string[];
}

export interface AggregateRow {
  indicator: string;
  option: string | null;
  value: number | null;
  unit: string;
  decimals: number;
  secrecy: SecrecyLevel;
  coverage: Coverage | null;
  prev?: number | null;
  yoy?: number | null;
  ytd?: number | null;
  ytd_prev?: number | null;
  /** Codes of the units summed for last year's figure (predecessors where the unit did not exist then). */
  yoy_units?: string[];
  /** How last year's figure was obtained across reorganisations. */
  yoy_rule?: Representation['rule'];
  change_prev?: Change | null;
  change_yoy?: Change | null;
  change_ytd?: Change | null;
  notable_prev?: Notability | null;
  notable_yoy?: Notability | null;
}

export interface AggregateRequest {
  unitId: number;
  period: Period;
  /** Indicator codes; all when omitted. */
  indicators?: string[];
  compare?: boolean;
  /** Expected units and missing lists are computed unless switched off (rankings over many units skip them). */
  coverage?: boolean;
}

interface Term {
  /** The stored periods (months or days) summed for this term. */
  periods: string[];
  /** Per stored period, the units whose sums stand for the requested unit, with weights. */
  representations: Array<{ period: string; rep: Representation }>;
  /** The unit itself when it stands for itself in every period (no reorganisation in between): its sums over the
   * periods can then be read summed. */
  simpleUnit: number | null;
}

/** Where evaluation reads: per-period cells, and sums over a term's periods where they were read that way. */
interface CellIndex {
  cells: Map<string, RollupCell>;
  sums: Map<string, { value: number; count: number }>;
}

function cellKey(period: string, indicatorId: number, optionId: number, unitId: number): string {
  return `${period}|${indicatorId}|${optionId}|${unitId}`;
}

/**
 * The aggregation engine: live subtree sums (kept on write) combined over periods and across reorganisations.
 * Counts and quantities add; stocks take the latest period with figures; ratios divide summed parts.
 */
export class AnalyticsEngine {
  constructor(
    private readonly graph: UnitGraph,
    private readonly catalogue: Catalogue,
    private readonly source: AnalyticsSource,
  ) {}

  private storedPeriodsOf(period: Period, useDays: boolean): string[] {
    if (period.type === 'day') return [period.id];
    if (period.type === 'range') {
      if (useDays) return daysOf(period).map((d) => d.id);
      return wholeMonthsWithin({ start: period.start, end: period.end }, MPS_REGIME).map((m) => m.id);
    }
    return monthsOf(period).map((m) => m.id);
  }

  private term(unitId: number, period: Period, useDays: boolean): Term {
    const periods = this.storedPeriodsOf(period, useDays);
    const representations = periods.map((p) => ({
      period: p,
      rep: this.graph.representationOn(unitId, referenceDate(parsePeriod(p))),
    }));
    const simple = representations.every((r) => r.rep.rule === 'same_unit');
    return { periods, representations, simpleUnit: simple ? unitId : null };
  }

  /** Whether day figures exist for an indicator's forms (a daily form lists it). */
  private usesDays(indicator: StoredIndicator): boolean {
    return this.catalogue.formsFor(indicator.code).some((f) => f.periodType === 'day');
  }

  async aggregate(req: AggregateRequest): Promise<AggregateRow[]> {
    const [result] = await this.aggregateMany({ ...req, unitIds: [req.unitId] });
    return result?.rows ?? [];
  }

  /**
   * Aggregates for several units at once (the nation and every province for the briefing pack): every roll-up
   * needed is read in one query.
   */
  async aggregateMany(
    req: Omit<AggregateRequest, 'unitId'> & { unitIds: number[] },
  ): Promise<Array<{ unitId: number; rows: AggregateRow[] }>> {
    const indicators = this.resolveIndicators(req.indicators);
    const compare = req.compare ?? false;
    const periodSets: Array<{ name: 'value' | 'prev' | 'yoy' | 'ytd' | 'ytd_prev'; period: Period | null }> =
      [{ name: 'value', period: req.period }];
    if (compare) {
      const ytd = yearToDateOf(req.period);
      periodSets.push(
        { name: 'prev', period: previousPeriod(req.period) },
        { name: 'yoy', period: samePeriodLastYear(req.period) },
        { name: 'ytd', period: ytd },
        { name: 'ytd_prev', period: ytd ? samePeriodLastYear(ytd) : null },
      );
    }
    const byName = new Map(periodSets.map((s) => [s.name, s.period]));
    // Days are used for day ranges only where the indicator is also reported daily.
    const dayBased = req.period.type === 'range' || req.period.type === 'day';
    const terms = new Map<string, Term>();
    const termFor = (unitId: number, name: string, period: Period, days: boolean) => {
      const key = `${unitId}|${name}|${days}`;
      let t = terms.get(key);
      if (!t) {
        t = this.term(unitId, period, days);
        terms.set(key, t);
      }
      return t;
    };

    const needed = new Set<number>();
    for (const indicator of indicators) for (const id of this.partIds(indicator)) needed.add(id);
    for (const unitId of req.unitIds) {
      for (const set of periodSets) {
        if (!set.period) continue;
        for (const days of dayBased ? [true, false] : [false]) termFor(unitId, set.name, set.period, days);
      }
    }
    const index = await this.readCells([...terms.values()], [...needed]);
    const results: Array<{ unitId: number; rows: AggregateRow[] }> = [];
    for (const unitId of req.unitIds) {
      const coverageByForm =
        req.coverage === false
          ? new Map<number, Coverage>()
          : await this.coverage(unitId, req.period, indicators);
      const rows: AggregateRow[] = [];
      for (const indicator of indicators) {
        const options = indicator.options.length === 0 ? [null] : indicator.options.map((o) => o.code);
        const days = dayBased && this.usesDays(indicator);
        const form = this.primaryForm(indicator, days);
        const secrecy = highestSecrecy([
          indicator.secrecy,
          form?.secrecy ?? 'none',
          ...this.partSecrecy(indicator),
        ]);
        for (const option of options) {
          const figureFor = (name: string) => {
            const target = byName.get(name as 'value') ?? null;
            return target
              ? this.evaluate(indicator, option, termFor(unitId, name, target, days), index)
              : null;
          };
          const value = figureFor('value');
          const row: AggregateRow = {
            indicator: indicator.code,
            option,
            value,
            unit: indicator.unit,
            decimals: indicator.decimals,
            secrecy,
            coverage: form ? (coverageByForm.get(form.id) ?? null) : null,
          };
          if (compare) {
            row.prev = figureFor('prev');
            row.yoy = figureFor('yoy');
            row.ytd = figureFor('ytd');
            row.ytd_prev = figureFor('ytd_prev');
            const yoyPeriod = byName.get('yoy');
            const yoyTerm = yoyPeriod ? termFor(unitId, 'yoy', yoyPeriod, days) : null;
            row.yoy_units = yoyTerm ? this.unitCodes(yoyTerm) : [];
            row.yoy_rule = yoyTerm ? this.combinedRule(yoyTerm) : 'not_comparable';
            row.change_prev = changeBetween(value, row.prev, indicator.decimals);
            row.change_yoy = changeBetween(value, row.yoy, indicator.decimals);
            row.change_ytd = changeBetween(row.ytd, row.ytd_prev, indicator.decimals);
            const isCount = indicator.valueType === 'integer' && indicator.aggregation.kind === 'sum';
            row.notable_prev = isCount ? notableChange(value, row.prev) : null;
            row.notable_yoy = isCount ? notableChange(value, row.yoy) : null;
          }
          rows.push(row);
        }
      }
      results.push({ unitId, rows });
    }
    return results;
  }

  /**
   * A monthly series for one indicator and option: each month's value and the same month a year earlier, read in
   * one pass (for the 24-month charts).
   */
  async series(req: {
    unitId: number;
    indicator: string;
    option: string | null;
    months: Array<Period & { type: 'month' }>;
  }) {
    const [indicator] = this.resolveIndicators([req.indicator]);
    if (!indicator) throw new UnknownIndicatorError(req.indicator);
    const lastYear = req.months.map((m) => samePeriodLastYear(m));
    const terms = new Map<string, Term>();
    for (const period of [...req.months, ...lastYear])
      terms.set(period.id, this.term(req.unitId, period, false));
    const index = await this.readCells([...terms.values()], this.partIds(indicator));
    return req.months.map((m, i) => ({
      period: m.id,
      value: this.evaluate(indicator, req.option, terms.get(m.id) as Term, index),
      lastYear: this.evaluate(indicator, req.option, terms.get((lastYear[i] as Period).id) as Term, index),
    }));
  }

  /**
   * The value of each child unit (provinces of the nation, communes of a province), largest first, with the
   * previous period and the same period last year when asked; all children are read in one pass.
   */
  async ranking(req: {
    unitId: number;
    period: Period;
    indicator: string;
    option: string | null;
    compare?: boolean;
    kind?: string;
  }) {
    const [indicator] = this.resolveIndicators([req.indicator]);
    if (!indicator) throw new UnknownIndicatorError(req.indicator);
    const date = referenceDate(req.period);
    const children = this.graph
      .childrenOn(req.unitId, date)
      .filter((id) => !req.kind || this.graph.require(id).kind === req.kind);
    const prevPeriod = req.compare ? previousPeriod(req.period) : null;
    const yoyPeriod = req.compare ? samePeriodLastYear(req.period) : null;
    const terms = children.map((id) => ({
      id,
      value: this.term(id, req.period, false),
      prev: prevPeriod ? this.term(id, prevPeriod, false) : null,
      yoy: yoyPeriod ? this.term(id, yoyPeriod, false) : null,
    }));
    const index = await this.readCells(
      terms.flatMap((t) => [t.value, t.prev, t.yoy].filter((x): x is Term => x !== null)),
      this.partIds(indicator),
    );
    const rows = terms.map((t) => {
      const unit = this.graph.require(t.id);
      const value = this.evaluate(indicator, req.option, t.value, index);
      const prev = t.prev ? this.evaluate(indicator, req.option, t.prev, index) : null;
      const yoy = t.yoy ? this.evaluate(indicator, req.option, t.yoy, index) : null;
      return {
        unitId: t.id,
        code: unit.code,
        adminCode: unit.adminCode,
        name: this.graph.nameOn(t.id, date),
        kind: unit.kind,
        value,
        ...(req.compare
          ? {
              prev,
              yoy,
              change_prev: changeBetween(value, prev, indicator.decimals),
              change_yoy: changeBetween(value, yoy, indicator.decimals),
            }
          : {}),
      };
    });
    rows.sort(
      (a, b) =>
        (b.value ?? Number.NEGATIVE_INFINITY) - (a.value ?? Number.NEGATIVE_INFINITY) ||
        a.code.localeCompare(b.code),
    );
    return rows.map((r, i) => ({ rank: i + 1, ...r }));
  }

  /**
   * Child units × months for one indicator (a province's communes over 24 months), read in one pass. Children are
   * those of the last month's tree.
   */
  async drilldown(req: {
    unitId: number;
    indicator: string;
    option: string | null;
    months: Array<Period & { type: 'month' }>;
  }) {
    const [indicator] = this.resolveIndicators([req.indicator]);
    if (!indicator) throw new UnknownIndicatorError(req.indicator);
    const last = req.months[req.months.length - 1];
    if (!last) return [];
    const date = referenceDate(last);
    const children = this.graph.childrenOn(req.unitId, date);
    const terms = children.map((id) => ({ id, months: req.months.map((m) => this.term(id, m, false)) }));
    const index = await this.readCells(
      terms.flatMap((t) => t.months),
      this.partIds(indicator),
    );
    return terms.map((t) => ({
      unitId: t.id,
      code: this.graph.require(t.id).code,
      name: this.graph.nameOn(t.id, date),
      values: t.months.map((term) => this.evaluate(indicator, req.option, term, index)),
    }));
  }

  private resolveIndicators(codes?: string[]): StoredIndicator[] {
    if (!codes) return this.catalogue.indicators;
    return codes.map((code) => {
      const found = this.catalogue.indicator(code);
      if (!found) throw new UnknownIndicatorError(code);
      return found;
    });
  }

  private partIds(indicator: StoredIndicator): number[] {
    if (indicator.aggregation.kind !== 'ratio') return [indicator.id];
    return [indicator.aggregation.numerator, indicator.aggregation.denominator].map(
      (ref) => (this.catalogue.indicator(ref.indicator) as StoredIndicator).id,
    );
  }

  private partSecrecy(indicator: StoredIndicator): SecrecyLevel[] {
    if (indicator.aggregation.kind !== 'ratio') return [];
    return [indicator.aggregation.numerator, indicator.aggregation.denominator].map(
      (ref) => this.catalogue.indicator(ref.indicator)?.secrecy ?? 'none',
    );
  }

  private primaryForm(indicator: StoredIndicator, days: boolean): StoredForm | undefined {
    const parts =
      indicator.aggregation.kind === 'ratio' ? [indicator.aggregation.numerator.indicator] : [indicator.code];
    const forms = this.catalogue.formsFor(parts[0] as string);
    return forms.find((f) => f.periodType === (days ? 'day' : 'month')) ?? forms[0];
  }

  private evaluate(
    indicator: StoredIndicator,
    option: string | null,
    term: Term,
    index: CellIndex,
  ): number | null {
    const rule = indicator.aggregation;
    if (rule.kind === 'ratio') {
      const part = (code: string, partOption: string | null) => {
        const partIndicator = this.catalogue.indicator(code) as StoredIndicator;
        return this.evaluate(partIndicator, partOption, term, index);
      };
      const numerator = part(rule.numerator.indicator, rule.numerator.option);
      const denominator = part(rule.denominator.indicator, rule.denominator.option);
      if (numerator === null || denominator === null || denominator === 0) return null;
      return roundTo((numerator / denominator) * rule.scale, indicator.decimals);
    }
    const optionId = option === null ? NO_OPTION : indicator.optionIds.get(option);
    if (optionId === undefined) return null;
    if (rule.kind === 'sum' && term.simpleUnit !== null && term.periods.length > 1) {
      const summed = index.sums.get(
        `${term.periods.join(',')}|${indicator.id}|${optionId}|${term.simpleUnit}`,
      );
      return !summed || summed.count === 0 ? null : roundTo(summed.value, indicator.decimals);
    }
    const perPeriod: Array<{ value: number; count: number }> = [];
    for (const { period, rep } of term.representations) {
      if (!rep.comparable) return null;
      let value = 0;
      let count = 0;
      for (const unitId of rep.unitIds) {
        const cell = index.cells.get(cellKey(period, indicator.id, optionId, unitId));
        if (!cell) continue;
        value += cell.value * (rep.weights.get(unitId) ?? 1);
        count += cell.count;
      }
      perPeriod.push({ value, count });
    }
    if (rule.kind === 'latest') {
      for (let i = perPeriod.length - 1; i >= 0; i--) {
        const p = perPeriod[i];
        if (p && p.count > 0) return roundTo(p.value, indicator.decimals);
      }
      return null;
    }
    let total = 0;
    let count = 0;
    for (const p of perPeriod) {
      total += p.value;
      count += p.count;
    }
    return count === 0 ? null : roundTo(total, indicator.decimals);
  }

  /**
   * Reads what a set of terms needs: per-period cells for single periods, for units represented by others, and for
   * stocks (which take the latest period); and, for a unit standing for itself over many periods (a year to date),
   * the sums over those periods, read summed by the database.
   */
  private async readCells(terms: Term[], indicatorIds: number[]): Promise<CellIndex> {
    const stockIds = indicatorIds.filter(
      (id) => this.catalogue.indicatorById(id)?.aggregation.kind === 'latest',
    );
    const cellUnits = new Set<number>();
    const cellPeriods = new Set<string>();
    const stockUnits = new Set<number>();
    const stockPeriods = new Set<string>();
    const groups = new Map<string, { periods: string[]; units: Set<number> }>();
    for (const term of terms) {
      if (term.simpleUnit !== null && term.periods.length > 1) {
        const key = term.periods.join(',');
        const group = groups.get(key) ?? { periods: term.periods, units: new Set<number>() };
        group.units.add(term.simpleUnit);
        groups.set(key, group);
        stockUnits.add(term.simpleUnit);
        for (const p of term.periods) stockPeriods.add(p);
        continue;
      }
      for (const r of term.representations) {
        cellPeriods.add(r.period);
        for (const u of r.rep.unitIds) cellUnits.add(u);
      }
    }
    const index: CellIndex = { cells: new Map(), sums: new Map() };
    const reads: Array<Promise<void>> = [];
    const keep = (cells: RollupCell[]) => {
      for (const c of cells) index.cells.set(cellKey(c.period, c.indicatorId, c.optionId, c.unitId), c);
    };
    if (cellUnits.size > 0) {
      reads.push(
        this.source.rollups({ unitIds: [...cellUnits], periods: [...cellPeriods], indicatorIds }).then(keep),
      );
    }
    if (stockIds.length > 0 && stockUnits.size > 0) {
      reads.push(
        this.source
          .rollups({ unitIds: [...stockUnits], periods: [...stockPeriods], indicatorIds: stockIds })
          .then(keep),
      );
    }
    const sumIds = indicatorIds.filter((id) => !stockIds.includes(id));
    for (const [key, group] of groups) {
      if (sumIds.length === 0) break;
      reads.push(
        this.source
          .sums({ unitIds: [...group.units], periods: group.periods, indicatorIds: sumIds })
          .then((rows) => {
            for (const r of rows)
              index.sums.set(`${key}|${r.indicatorId}|${r.optionId}|${r.unitId}`, {
                value: r.value,
                count: r.count,
              });
          }),
      );
    }
    await Promise.all(reads);
    return index;
  }

  private unitCodes(term: Term): string[] {
    const ids = new Set<number>();
    for (const r of term.representations) for (const u of r.rep.unitIds) ids.add(u);
    return [...ids].map((id) => this.graph.require(id).code).sort();
  }

  private combinedRule(term: Term): Representation['rule'] {
    const rules = new Set(term.representations.map((r) => r.rep.rule));
    for (const rule of ['not_existing', 'not_comparable', 'weighted_predecessors', 'predecessors'] as const) {
      if (rules.has(rule)) return rule;
    }
    return 'same_unit';
  }

  /** Expected and reporting units per form, over the unit's subtree on the period's reference date. */
  async coverage(
    unitId: number,
    period: Period,
    indicators: StoredIndicator[],
  ): Promise<Map<number, Coverage>> {
    const forms = new Map<number, StoredForm>();
    for (const indicator of indicators) {
      const days = (period.type === 'range' || period.type === 'day') && this.usesDays(indicator);
      const form = this.primaryForm(indicator, days);
      if (form) forms.set(form.id, form);
    }
    const out = new Map<number, Coverage>();
    if (forms.size === 0) return out;
    const result = await this.coverageOf(unitId, period, [...forms.values()]);
    for (const [formId, coverage] of result) out.set(formId, coverage);
    return out;
  }

  async coverageOf(unitId: number, period: Period, forms: StoredForm[]): Promise<Map<number, Coverage>> {
    const date = referenceDate(period);
    const subtree = this.graph.subtreeOn(unitId, date);
    const out = new Map<number, Coverage>();
    const storedByForm = new Map<number, string[]>();
    for (const form of forms)
      storedByForm.set(form.id, this.storedPeriodsOf(period, form.periodType === 'day'));
    const allPeriods = new Set<string>();
    for (const list of storedByForm.values()) for (const p of list) allPeriods.add(p);
    const submitted = await this.source.submittedUnits({
      formIds: forms.map((f) => f.id),
      periods: [...allPeriods],
    });
    const done = new Map<string, number>();
    for (const s of submitted) {
      const key = `${s.formId}|${s.unitId}`;
      done.set(key, (done.get(key) ?? 0) + 1);
    }
    for (const form of forms) {
      const needed = storedByForm.get(form.id)?.length ?? 0;
      const kinds: string[] = reporterKindsOn(form, date);
      const expected = subtree.filter((id) => kinds.includes(this.graph.require(id).kind));
      const missing = expected.filter((id) => (done.get(`${form.id}|${id}`) ?? 0) < needed);
      out.set(form.id, {
        reported: expected.length - missing.length,
        expected: expected.length,
        missing: missing.map((id) => this.graph.require(id).code).sort(),
      });
    }
    return out;
  }
}

export class UnknownIndicatorError extends Error {
  constructor(readonly code: string) {
    super(`không có chỉ tiêu "${code}" (unknown indicator)`);
    this.name = 'UnknownIndicatorError';
  }
}
