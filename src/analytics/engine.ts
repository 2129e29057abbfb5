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
import type { AnswerCache } from './answer-cache.ts';
import { type Change, changeBetween, type Notability, notableChange } from './change.ts';
import {
  asReportState,
  countedStatuses,
  DEFAULT_INCLUDE,
  emptyStates,
  type IncludeLevel,
  type ReportState,
  weakerState,
} from './status.ts';

/** One stored subtree sum: the figures of a unit and everything below it, for one period. */
export interface RollupCell {
  period: string;
  indicatorId: number;
  optionId: number;
  unitId: number;
  value: number;
  count: number;
}

/** One stored figure of a unit (not a subtree sum), with the form it was reported on. */
export interface LeafFigure {
  period: string;
  indicatorId: number;
  optionId: number;
  unitId: number;
  formId: number;
  value: number;
}

/** The units whose reports for a form and period are in one status. */
export interface ReportStatus {
  formId: number;
  period: string;
  status: string;
  unitIds: number[];
}

/** Where the engine reads from; the repository gives it roll-ups (live) or leaf figures as of a past moment. */
export interface AnalyticsSource {
  /** Subtree sums over every stored figure, whatever the status of its report. A cell may come as several rows of the
   * same key, whose values and counts add up. */
  rollups(q: { unitIds: number[]; periods: string[]; indicatorIds: number[] }): Promise<RollupCell[]>;
  /** Roll-ups summed over the given periods, per unit, indicator and option (year-to-date sums in one read). */
  sums(q: {
    unitIds: number[];
    periods: string[];
    indicatorIds: number[];
  }): Promise<Array<Omit<RollupCell, 'period'>>>;
  /** The status of every report on record for some forms and periods (a unit with figures always has one). */
  reportStatuses(q: { formIds: number[]; periods: string[] }): Promise<ReportStatus[]>;
  /** The figures of reports whose status is not among `counted`: what the roll-ups hold and the answer must not. */
  uncountedFigures(q: {
    periods: string[];
    indicatorIds: number[];
    counted: readonly string[];
  }): Promise<LeafFigure[]>;
  /** Stored figures of some periods and indicators, of the given units and forms only when those are set. */
  figures(q: {
    periods: string[];
    indicatorIds: number[];
    unitIds?: number[];
    formIds?: number[];
  }): Promise<LeafFigure[]>;
}

export interface Coverage {
  /** Code of the form whose reports this coverage counts (every row of that form shares it). */
  form: string;
  /** Expected units that have submitted (submitted, approved or locked) for every stored period. */
  reported: number;
  expected: number;
  /** Codes of the expected units that have not reported. */
  missing: string[];
  /** Expected units whose figures this answer counts (their reports are in the counted statuses). */
  counted: number;
  /** Expected units by the state of their report (over several periods, the least advanced). */
  statuses: Record<ReportState, number>;
}

/** How a change was computed: over the units counted in both periods (`compared` of the `expected` ones). */
export interface ComparisonCoverage {
  compared: number;
  expected: number;
  /** `complete`: every expected unit in both periods; `matched`: only the units counted in both periods are
   * compared; `refused`: no like-for-like comparison was possible (the change is null). */
  basis: 'complete' | 'matched' | 'refused';
}

export interface AggregateRow {
  indicator: string;
  /** Which reports the figures count (see `status.ts`). */
  include: IncludeLevel;
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
  /** Which units each change compares: the change is computed like for like or not at all. */
  coverage_prev?: ComparisonCoverage | null;
  coverage_yoy?: ComparisonCoverage | null;
  coverage_ytd?: ComparisonCoverage | null;
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
  /** With `compare`, also the year to date and its like-for-like change (on unless switched off: a view that shows
   * only the month against the month before and last year need not read up to twenty more months). */
  yearToDate?: boolean;
  /** Expected units and missing lists are computed unless switched off (rankings over many units skip them). */
  coverage?: boolean;
  /** Which reports count (default: submitted, approved and locked ones). */
  include?: IncludeLevel;
}

export interface SeriesRequest {
  unitId: number;
  indicator: string;
  option: string | null;
  months: Array<Period & { type: 'month' }>;
  include?: IncludeLevel;
}

export interface SeriesPoint {
  period: string;
  value: number | null;
  lastYear: number | null;
}

export interface RankingRequest {
  unitId: number;
  period: Period;
  indicator: string;
  option: string | null;
  compare?: boolean;
  kind?: string;
  include?: IncludeLevel;
}

export interface RankingsRequest {
  unitId: number;
  period: Period;
  columns: Array<{ indicator: string; option: string | null }>;
  compare?: boolean;
  kind?: string;
  include?: IncludeLevel;
}

interface Term {
  /** The stored periods (months or days) summed for this term. */
  periods: string[];
  /** Per stored period, the units whose sums stand for the requested unit, with weights. */
  representations: Array<{ period: string; rep: Representation }>;
  /** The unit itself when it stands for itself in every period (no reorganisation in between): its sums over the
   * periods can then be read summed. */
  simpleUnit: number | null;
  /** The stored periods joined (the key of a sum over them), computed once with the term. */
  periodsKey: string;
}

/**
 * Cells by period, then indicator and option, then unit: looked up by numbers, so that evaluating thousands of
 * cells (a drill-down's 4,000) builds no key text.
 */
class CellTable {
  private readonly byPeriod = new Map<string, Map<number, Map<number, RollupCell>>>();

  private static pair(indicatorId: number, optionId: number): number {
    return indicatorId * 1_048_576 + optionId;
  }

  get(period: string, indicatorId: number, optionId: number, unitId: number): RollupCell | undefined {
    return this.byPeriod.get(period)?.get(CellTable.pair(indicatorId, optionId))?.get(unitId);
  }

  /** Adds a cell; a cell already there for the same key (a figure reported on two forms) takes its sums. */
  add(c: RollupCell): void {
    let pairs = this.byPeriod.get(c.period);
    if (!pairs) {
      pairs = new Map();
      this.byPeriod.set(c.period, pairs);
    }
    const pair = CellTable.pair(c.indicatorId, c.optionId);
    let units = pairs.get(pair);
    if (!units) {
      units = new Map();
      pairs.set(pair, units);
    }
    const found = units.get(c.unitId);
    if (found) {
      found.value += c.value;
      found.count += c.count;
    } else units.set(c.unitId, c);
  }
}

/** Where evaluation reads: per-period cells, and sums over a term's periods where they were read that way. */
interface CellIndex {
  cells: CellTable;
  /** Sums over a term's periods, filed under the periods' key in place of a period. */
  sums: CellTable;
  /** The periods of each sum group, by the group's key. */
  groups: Map<string, Set<string>>;
  /** Counted figures of stock indicators by "period|indicator|option". */
  stock: Map<string, LeafFigure[]>;
}

/** Report statuses by "form|period", then unit; the statuses counted; and the units counted by "form|period". */
interface StatusIndex {
  /** The status of each unit's report by "form|period" (built when first asked: only coverage needs it). */
  status: (key: string) => Map<number, string> | undefined;
  counted: Set<string>;
  countedUnits: Map<string, Set<number>>;
  /** Whether every expected reporter under a unit is counted, by "form|period|unit" (filled as asked). */
  complete: Map<string, boolean>;
  /** By "form|period" (filled as asked): the units of the whole tree with an expected reporter not counted at or
   * below them (every uncounted reporter and its ancestors). */
  incomplete: Map<string, Set<number>>;
}

const NO_UNITS: ReadonlySet<number> = new Set();
/** Expected reporters from which a unit's completeness is judged from one walk of the whole tree (see
 * termCompleteness): about the nation's, not a province's. */
const TREE_WALK_FROM = 1000;
/** Units up to which stock figures are read for the units asked about rather than for every unit (see stockUnits). */
const STOCK_UNITS_BY_ID = 2000;

function statusIndex(rows: ReportStatus[], counted: readonly string[]): StatusIndex {
  const byKey = new Map<string, ReportStatus[]>();
  const built = new Map<string, Map<number, string>>();
  const st: StatusIndex = {
    status: (key) => {
      let units = built.get(key);
      const list = byKey.get(key);
      if (!units && list) {
        units = new Map();
        for (const r of list) for (const u of r.unitIds) units.set(u, r.status);
        built.set(key, units);
      }
      return units;
    },
    counted: new Set(counted),
    countedUnits: new Map(),
    complete: new Map(),
    incomplete: new Map(),
  };
  for (const r of rows) {
    const key = `${r.formId}|${r.period}`;
    const list = byKey.get(key);
    if (list) list.push(r);
    else byKey.set(key, [r]);
    if (st.counted.has(r.status)) {
      let set = st.countedUnits.get(key);
      if (!set) {
        set = new Set();
        st.countedUnits.set(key, set);
      }
      for (const u of r.unitIds) set.add(u);
    }
  }
  return st;
}

/** A report: one unit's figures for a form and period. */
interface ReportKey {
  formId: number;
  unitId: number;
  period: string;
}

interface ComparisonPlan {
  coverage: ComparisonCoverage;
  /** Reports counted in the current period but not in the base one (left out of the current side), and the reverse. */
  adjustCurrent: ReportKey[];
  adjustBase: ReportKey[];
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
    /** Keeps answers while the data is unchanged (the live engine only; as-of engines compute every time). */
    private readonly cache?: AnswerCache,
    /** Expected reporters from which a unit's completeness is judged from one walk of the whole tree. */
    private readonly treeWalkFrom = TREE_WALK_FROM,
  ) {}

  /**
   * `compute`'s answer, kept under `key` while the data is unchanged like the engine's own answers (the live engine
   * only; others compute every time). For answers built above the engine from it and from tables the generation
   * watches, e.g. an aggregate query with its secrecy decisions and labels.
   */
  cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    return this.cache ? this.cache.answer(key, compute) : compute();
  }

  /** How often the cache answered and how often the engine computed (zeros without a cache). */
  cacheStats(): { hits: number; misses: number; entries: number } {
    return { hits: this.cache?.hits ?? 0, misses: this.cache?.misses ?? 0, entries: this.cache?.size ?? 0 };
  }

  private storedPeriodsOf(period: Period, useDays: boolean): string[] {
    if (period.type === 'day') return [period.id];
    if (period.type === 'range') {
      if (useDays) return daysOf(period).map((d) => d.id);
      return wholeMonthsWithin({ start: period.start, end: period.end }, MPS_REGIME).map((m) => m.id);
    }
    return monthsOf(period).map((m) => m.id);
  }

  /** Terms by unit, period and whether days are used, kept for the life of this engine (its tree does not change);
   * never changed once built. A drill-down asks for thousands, and the next one for the same again. */
  private readonly terms = {
    months: new Map<string, Map<number, Term>>(),
    days: new Map<string, Map<number, Term>>(),
  };
  private termCount = 0;

  private term(unitId: number, period: Period, useDays: boolean): Term {
    const byPeriod = useDays ? this.terms.days : this.terms.months;
    let byUnit = byPeriod.get(period.id);
    const found = byUnit?.get(unitId);
    if (found) return found;
    const periods = this.storedPeriodsOf(period, useDays);
    const representations = periods.map((p) => ({
      period: p,
      rep: this.graph.representationOn(unitId, this.refDate(p)),
    }));
    const simple = representations.every((r) => r.rep.rule === 'same_unit');
    const term = {
      periods,
      representations,
      simpleUnit: simple ? unitId : null,
      periodsKey: periods.join(','),
    };
    if (++this.termCount > 100_000) {
      this.terms.months.clear();
      this.terms.days.clear();
      this.termCount = 1;
      byUnit = undefined;
    }
    if (!byUnit) {
      byUnit = new Map();
      byPeriod.set(period.id, byUnit);
    }
    byUnit.set(unitId, term);
    return term;
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
    // Drafts change without a report moving: read them fresh.
    if (!this.cache || req.include === 'draft') return this.computeAggregateMany(req);
    return this.cache.answer(`aggregateMany:${JSON.stringify(req)}`, () => this.computeAggregateMany(req));
  }

  private async computeAggregateMany(
    req: Omit<AggregateRequest, 'unitId'> & { unitIds: number[] },
  ): Promise<Array<{ unitId: number; rows: AggregateRow[] }>> {
    const indicators = this.resolveIndicators(req.indicators);
    const compare = req.compare ?? false;
    const include = req.include ?? DEFAULT_INCLUDE;
    const periodSets: Array<{ name: 'value' | 'prev' | 'yoy' | 'ytd' | 'ytd_prev'; period: Period | null }> =
      [{ name: 'value', period: req.period }];
    const yearToDate = compare && req.yearToDate !== false;
    if (compare) {
      periodSets.push(
        { name: 'prev', period: previousPeriod(req.period) },
        { name: 'yoy', period: samePeriodLastYear(req.period) },
      );
    }
    if (yearToDate) {
      const ytd = yearToDateOf(req.period);
      periodSets.push(
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
    // The form each indicator is counted by (its first part's, for a ratio), and whether it is read by days.
    const forms = new Map<number, StoredForm>();
    const formDays = new Map<string, { form: StoredForm; days: boolean }>();
    for (const indicator of indicators) {
      const days = dayBased && this.usesDays(indicator);
      const form = this.primaryForm(indicator, days);
      if (!form) continue;
      forms.set(form.id, form);
      formDays.set(`${form.id}|${days}`, { form, days });
    }
    const allTerms = [...terms.values()];
    // Report statuses are read once for the whole pack: the counting forms' and the stocks' forms' together.
    const stockForms = [...needed]
      .filter((id) => this.catalogue.indicatorById(id)?.aggregation.kind === 'latest')
      .flatMap((id) => this.formIdsOf(id));
    const statusRead = this.readStatuses([...new Set([...forms.keys(), ...stockForms])], allTerms, include);
    const [index, statuses] = await Promise.all([
      this.readCells(allTerms, [...needed], include, statusRead),
      statusRead,
    ]);
    // Like-for-like comparisons: per unit, form and comparison, which reports are left out of either side.
    const plans = new Map<string, ComparisonPlan>();
    const adjustKeys: ReportKey[] = [];
    if (compare) {
      for (const unitId of req.unitIds) {
        for (const { form, days } of formDays.values()) {
          for (const [name, baseName] of [
            ['value', 'prev'],
            ['value', 'yoy'],
            ['ytd', 'ytd_prev'],
          ] as const) {
            const cur = byName.get(name);
            const base = byName.get(baseName);
            if (!cur || !base) continue;
            const plan = this.comparisonPlan(
              termFor(unitId, name, cur, days),
              termFor(unitId, baseName, base, days),
              form,
              statuses,
            );
            plans.set(`${unitId}|${form.id}|${days}|${baseName}`, plan);
            adjustKeys.push(...plan.adjustCurrent, ...plan.adjustBase);
          }
        }
      }
    }
    const adjustments = await this.readAdjustments(adjustKeys, [...needed], statuses);
    const results: Array<{ unitId: number; rows: AggregateRow[] }> = [];
    const names = ['value', 'prev', 'yoy', 'ytd', 'ytd_prev'] as const;
    const isCountOf = (indicator: StoredIndicator) =>
      indicator.valueType === 'integer' && indicator.aggregation.kind === 'sum';
    // Nothing partial is flagged: a change of counts is notable only over every expected unit.
    const notable = (isCount: boolean, c: ReturnType<AnalyticsEngine['likeForLike']>) =>
      isCount && c.change !== null && (c.coverage === null || c.coverage.basis === 'complete')
        ? notableChange(c.cur, c.old)
        : null;
    // What each indicator's rows need that does not depend on the unit, found once for the whole pack (the nation
    // and its provinces ask the same of every indicator).
    const facts = indicators.map((indicator) => {
      const days = dayBased && this.usesDays(indicator);
      const form = this.primaryForm(indicator, days);
      return {
        indicator,
        options: indicator.options.length === 0 ? [null] : indicator.options.map((o) => o.code),
        days,
        form,
        formKey: form ? `${form.id}|${days}` : null,
        secrecy: highestSecrecy([indicator.secrecy, form?.secrecy ?? 'none', ...this.partSecrecy(indicator)]),
        isCount: isCountOf(indicator),
      };
    });
    for (const unitId of req.unitIds) {
      const coverageByForm =
        req.coverage === false
          ? new Map<number, Coverage>()
          : this.coverageFrom(unitId, req.period, [...forms.values()], statuses);
      // The unit's terms by comparison, read by days or not: looked up once per unit, not in every row.
      const termsBy = new Map<boolean, Record<(typeof names)[number], Term | null>>();
      const termsOf = (days: boolean) => {
        let found = termsBy.get(days);
        if (!found) {
          const t = (name: (typeof names)[number]) => {
            const period = byName.get(name);
            return period ? termFor(unitId, name, period, days) : null;
          };
          found = {
            value: t('value'),
            prev: t('prev'),
            yoy: t('yoy'),
            ytd: t('ytd'),
            ytd_prev: t('ytd_prev'),
          };
          termsBy.set(days, found);
        }
        return found;
      };
      // The unit's comparison plans by form and reading by days, looked up once per unit, not in every row.
      const plansBy = new Map<
        string,
        {
          prev: ComparisonPlan | undefined;
          yoy: ComparisonPlan | undefined;
          ytd_prev: ComparisonPlan | undefined;
        }
      >();
      if (compare)
        for (const key of formDays.keys())
          plansBy.set(key, {
            prev: plans.get(`${unitId}|${key}|prev`),
            yoy: plans.get(`${unitId}|${key}|yoy`),
            ytd_prev: plans.get(`${unitId}|${key}|ytd_prev`),
          });
      const noPlans = { prev: undefined, yoy: undefined, ytd_prev: undefined };
      const rows: AggregateRow[] = [];
      for (const { indicator, options, days, form, formKey, secrecy, isCount } of facts) {
        const t = termsOf(days);
        const plan = compare ? ((formKey !== null ? plansBy.get(formKey) : undefined) ?? noPlans) : null;
        const yoyRule = compare ? (t.yoy ? this.combinedRule(t.yoy) : 'not_comparable') : null;
        const coverage = form ? (coverageByForm.get(form.id) ?? null) : null;
        for (const option of options) {
          const value = t.value ? this.evaluate(indicator, option, t.value, index) : null;
          if (!plan || !yoyRule) {
            rows.push({
              indicator: indicator.code,
              include,
              option,
              value,
              unit: indicator.unit,
              decimals: indicator.decimals,
              secrecy,
              coverage,
            });
            continue;
          }
          // The whole row in one literal (its fields in the order answers list them): no field added afterwards.
          const prevValue = t.prev ? this.evaluate(indicator, option, t.prev, index) : null;
          const yoyValue = t.yoy ? this.evaluate(indicator, option, t.yoy, index) : null;
          const prev = this.likeForLike(indicator, option, value, prevValue, plan.prev, adjustments);
          const yoy = this.likeForLike(indicator, option, value, yoyValue, plan.yoy, adjustments);
          const notablePrev = isCount && prev.change !== null ? notable(isCount, prev) : null;
          const notableYoy = isCount && yoy.change !== null ? notable(isCount, yoy) : null;
          const yoyUnits = t.yoy ? this.unitCodes(t.yoy) : [];
          if (!yearToDate) {
            rows.push({
              indicator: indicator.code,
              include,
              option,
              value,
              unit: indicator.unit,
              decimals: indicator.decimals,
              secrecy,
              coverage,
              prev: prevValue,
              yoy: yoyValue,
              yoy_units: yoyUnits,
              yoy_rule: yoyRule,
              coverage_prev: prev.coverage,
              coverage_yoy: yoy.coverage,
              change_prev: prev.change,
              change_yoy: yoy.change,
              notable_prev: notablePrev,
              notable_yoy: notableYoy,
            });
            continue;
          }
          const ytdValue = t.ytd ? this.evaluate(indicator, option, t.ytd, index) : null;
          const ytdPrevValue = t.ytd_prev ? this.evaluate(indicator, option, t.ytd_prev, index) : null;
          const ytd = this.likeForLike(indicator, option, ytdValue, ytdPrevValue, plan.ytd_prev, adjustments);
          const row: AggregateRow = {
            indicator: indicator.code,
            include,
            option,
            value,
            unit: indicator.unit,
            decimals: indicator.decimals,
            secrecy,
            coverage,
            prev: prevValue,
            yoy: yoyValue,
            ytd: ytdValue,
            ytd_prev: ytdPrevValue,
            yoy_units: yoyUnits,
            yoy_rule: yoyRule,
            coverage_prev: prev.coverage,
            coverage_yoy: yoy.coverage,
            coverage_ytd: ytd.coverage,
            change_prev: prev.change,
            change_yoy: yoy.change,
            change_ytd: ytd.change,
            notable_prev: notablePrev,
            notable_yoy: notableYoy,
          };
          rows.push(row);
        }
      }
      results.push({ unitId, rows });
    }
    return results;
  }

  /** A change computed like for like by a plan: over the units counted in both periods, or not at all. */
  private likeForLike(
    indicator: StoredIndicator,
    option: string | null,
    current: number | null,
    base: number | null,
    plan: ComparisonPlan | undefined,
    adjustments: Map<string, number>,
  ): { coverage: ComparisonCoverage | null; change: Change | null; cur: number | null; old: number | null } {
    if (!plan)
      return {
        coverage: null,
        change: changeBetween(current, base, indicator.decimals),
        cur: current,
        old: base,
      };
    if (plan.coverage.basis === 'refused')
      return { coverage: plan.coverage, change: null, cur: current, old: base };
    let cur = current;
    let old = base;
    if (plan.adjustCurrent.length > 0 || plan.adjustBase.length > 0) {
      // Only sums can leave a unit out; a stock or a ratio is compared when both sides are complete.
      if (indicator.aggregation.kind !== 'sum')
        return { coverage: plan.coverage, change: null, cur: current, old: base };
      const optionId = option === null ? NO_OPTION : (indicator.optionIds.get(option) ?? -1);
      const less = (v: number | null, keys: ReportKey[]) => {
        if (v === null) return null;
        let out = v;
        for (const k of keys)
          out -= adjustments.get(`${k.formId}|${k.period}|${k.unitId}|${indicator.id}|${optionId}`) ?? 0;
        return roundTo(out, indicator.decimals);
      };
      cur = less(cur, plan.adjustCurrent);
      old = less(old, plan.adjustBase);
    }
    return { coverage: plan.coverage, change: changeBetween(cur, old, indicator.decimals), cur, old };
  }

  /**
   * A monthly series for one indicator and option: each month's value and the same month a year earlier, read in
   * one pass (for the 24-month charts).
   */
  async series(req: SeriesRequest) {
    return (await this.seriesRead(req, false)).points;
  }

  /**
   * `series` with the last month's coverage by report status (the figure a reader compares), from the same read
   * of report statuses the stocks among the parts need.
   */
  seriesWithCoverage(
    req: SeriesRequest,
  ): Promise<{ points: SeriesPoint[]; coverage: Map<number, Coverage> }> {
    return this.seriesRead(req, true);
  }

  private async seriesRead(req: SeriesRequest, withCoverage: boolean) {
    const [indicator] = this.resolveIndicators([req.indicator]);
    if (!indicator) throw new UnknownIndicatorError(req.indicator);
    const include = req.include ?? DEFAULT_INCLUDE;
    const lastYear = req.months.map((m) => samePeriodLastYear(m));
    const terms = new Map<string, Term>();
    for (const period of [...req.months, ...lastYear])
      terms.set(period.id, this.term(req.unitId, period, false));
    const partIds = this.partIds(indicator);
    const last = req.months[req.months.length - 1];
    const coverageForms = withCoverage && last ? this.coverageForms(last, [indicator]) : [];
    // One read of report statuses serves both the stocks among the parts and the coverage.
    const statusRead =
      coverageForms.length > 0
        ? this.readStatuses(
            [...new Set([...coverageForms.map((f) => f.id), ...this.stockFormIds(partIds)])],
            [...terms.values()],
            include,
            last ? this.coveragePeriods(last, coverageForms) : [],
          )
        : undefined;
    const [index, statuses] = await Promise.all([
      this.readCells([...terms.values()], partIds, include, statusRead),
      statusRead ?? Promise.resolve(null),
    ]);
    const points: SeriesPoint[] = req.months.map((m, i) => ({
      period: m.id,
      value: this.evaluate(indicator, req.option, terms.get(m.id) as Term, index),
      lastYear: this.evaluate(indicator, req.option, terms.get((lastYear[i] as Period).id) as Term, index),
    }));
    const coverage =
      statuses && last
        ? this.coverageFrom(req.unitId, last, coverageForms, statuses)
        : new Map<number, Coverage>();
    return { points, coverage };
  }

  /**
   * The value of each child unit (provinces of the nation, communes of a province), largest first, with the
   * previous period and the same period last year when asked; all children are read in one pass.
   */
  async ranking(req: RankingRequest) {
    return (await this.rankingWithCoverage(req, false)).rows;
  }

  /** `ranking` with the parent unit's coverage by report status, from the ranking's own read of report statuses. */
  async rankingWithCoverage(req: RankingRequest, withCoverage = true) {
    const { columns, coverage } = await this.rankingsRead(
      { ...req, columns: [{ indicator: req.indicator, option: req.option }] },
      withCoverage,
    );
    return { rows: columns[0] ?? [], coverage };
  }

  /**
   * `ranking` for several indicators at once (the appendix tables of a report: every province × every column): the
   * cells of every column, the report statuses and the like-for-like adjustments are each read in one pass for all
   * of them, not once per column. One list of rows per column, in the order asked.
   */
  async rankings(req: RankingsRequest) {
    return (await this.rankingsRead(req, false)).columns;
  }

  /** `rankings`, and with `withCoverage` the parent unit's coverage by report status from the same status read. */
  private async rankingsRead(req: RankingsRequest, withCoverage: boolean) {
    const indicators = this.resolveIndicators(req.columns.map((c) => c.indicator));
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
    const include = req.include ?? DEFAULT_INCLUDE;
    const allTerms = terms.flatMap((t) => [t.value, t.prev, t.yoy].filter((x): x is Term => x !== null));
    const partIds = [...new Set(indicators.flatMap((i) => this.partIds(i)))];
    const forms = new Map<number, StoredForm>();
    for (const indicator of indicators) {
      const form = this.primaryForm(indicator, false);
      if (form) forms.set(form.id, form);
    }
    const coverageForms = withCoverage ? this.coverageForms(req.period, indicators) : [];
    const compared = req.compare === true && forms.size > 0;
    // One read of report statuses serves the comparisons, the coverage and the stocks among the parts.
    const statusRead =
      compared || coverageForms.length > 0
        ? this.readStatuses(
            [...new Set([...forms.keys(), ...coverageForms.map((f) => f.id), ...this.stockFormIds(partIds)])],
            allTerms,
            include,
            this.coveragePeriods(req.period, coverageForms),
          )
        : undefined;
    const [index, statuses] = await Promise.all([
      this.readCells(allTerms, partIds, include, statusRead),
      statusRead ?? Promise.resolve(null),
    ]);
    // Changes like for like, as in `aggregateMany`: a child partly reported is not compared over its part.
    const plans = new Map<string, ComparisonPlan>();
    const keys: ReportKey[] = [];
    if (statuses && compared) {
      for (const form of forms.values()) {
        for (const t of terms) {
          for (const [name, base] of [
            ['prev', t.prev],
            ['yoy', t.yoy],
          ] as const) {
            if (!base) continue;
            const plan = this.comparisonPlan(t.value, base, form, statuses);
            plans.set(`${form.id}|${t.id}|${name}`, plan);
            keys.push(...plan.adjustCurrent, ...plan.adjustBase);
          }
        }
      }
    }
    const adjustments =
      statuses && keys.length > 0
        ? await this.readAdjustments(keys, partIds, statuses)
        : new Map<string, number>();
    const units = terms.map((t) => {
      const unit = this.graph.require(t.id);
      return { unit, name: this.graph.nameOn(t.id, date) };
    });
    const coverage =
      statuses && coverageForms.length > 0
        ? this.coverageFrom(req.unitId, req.period, coverageForms, statuses)
        : new Map<number, Coverage>();
    const columns = req.columns.map((column, c) => {
      const indicator = indicators[c] as StoredIndicator;
      const form = this.primaryForm(indicator, false);
      const rows = terms.map((t, i) => {
        const { unit, name } = units[i] as (typeof units)[number];
        const value = this.evaluate(indicator, column.option, t.value, index);
        const prev = t.prev ? this.evaluate(indicator, column.option, t.prev, index) : null;
        const yoy = t.yoy ? this.evaluate(indicator, column.option, t.yoy, index) : null;
        const change = (base: number | null, which: string) =>
          this.likeForLike(
            indicator,
            column.option,
            value,
            base,
            form ? plans.get(`${form.id}|${t.id}|${which}`) : undefined,
            adjustments,
          );
        const prevChange = req.compare ? change(prev, 'prev') : null;
        const yoyChange = req.compare ? change(yoy, 'yoy') : null;
        return {
          unitId: t.id,
          code: unit.code,
          adminCode: unit.adminCode,
          name,
          kind: unit.kind,
          value,
          ...(prevChange && yoyChange
            ? {
                prev,
                yoy,
                change_prev: prevChange.change,
                change_yoy: yoyChange.change,
                coverage_prev: prevChange.coverage,
                coverage_yoy: yoyChange.coverage,
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
    });
    return { columns, coverage };
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
    include?: IncludeLevel;
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
      req.include ?? DEFAULT_INCLUDE,
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
    if (rule.kind === 'latest') return this.evaluateStock(indicator, optionId, term, index);
    if (rule.kind === 'sum' && term.simpleUnit !== null && term.periods.length > 1) {
      const summed = index.sums.get(term.periodsKey, indicator.id, optionId, term.simpleUnit);
      return !summed || summed.count === 0 ? null : roundTo(summed.value, indicator.decimals);
    }
    // Summed period by period, then the periods in order.
    for (const { rep } of term.representations) if (!rep.comparable) return null;
    let total = 0;
    let count = 0;
    for (const { period, rep } of term.representations) {
      let value = 0;
      for (const unitId of rep.unitIds) {
        const cell = index.cells.get(period, indicator.id, optionId, unitId);
        if (!cell) continue;
        value += rep.weights.size === 0 ? cell.value : cell.value * (rep.weights.get(unitId) ?? 1);
        count += cell.count;
      }
      total += value;
    }
    return count === 0 ? null : roundTo(total, indicator.decimals);
  }

  /**
   * A stock (a number of communes, of officers) over a term: each unit's latest counted report within the term,
   * summed; a unit that has not reported the last month yet counts with its previous one, never as nothing.
   */
  private evaluateStock(
    indicator: StoredIndicator,
    optionId: number,
    term: Term,
    index: CellIndex,
  ): number | null {
    const latest = new Map<number, number>();
    for (const { period, rep } of term.representations) {
      if (!rep.comparable) return null;
      const date = this.refDate(period);
      const thisPeriod = new Map<number, number>();
      for (const f of index.stock.get(`${period}|${indicator.id}|${optionId}`) ?? []) {
        for (const r of rep.unitIds) {
          if (!this.subtree(r, date).set.has(f.unitId)) continue;
          thisPeriod.set(f.unitId, (thisPeriod.get(f.unitId) ?? 0) + f.value * (rep.weights.get(r) ?? 1));
          break;
        }
      }
      for (const [unitId, value] of thisPeriod) latest.set(unitId, value);
    }
    if (latest.size === 0) return null;
    let total = 0;
    for (const v of latest.values()) total += v;
    return roundTo(total, indicator.decimals);
  }

  /**
   * Reads what a set of terms needs: per-period cells for single periods and for units represented by others; for a
   * unit standing for itself over many periods (a year to date), the sums over those periods, read summed by the
   * database. The roll-ups hold every stored figure: the figures of reports outside the counted statuses are then
   * taken out of every cell and sum that holds them. Stocks are read figure by figure (each unit's latest report).
   */
  private async readCells(
    terms: Term[],
    indicatorIds: number[],
    include: IncludeLevel,
    /** The report statuses of the terms' periods when already being read (for the stocks' forms among them). */
    statusRead?: Promise<StatusIndex>,
  ): Promise<CellIndex> {
    const stockIds = indicatorIds.filter(
      (id) => this.catalogue.indicatorById(id)?.aggregation.kind === 'latest',
    );
    const sumIds = indicatorIds.filter((id) => !stockIds.includes(id));
    const cellUnits = new Set<number>();
    const cellPeriods = new Set<string>();
    const allPeriods = new Set<string>();
    const groups = new Map<string, { periods: string[]; units: Set<number> }>();
    for (const term of terms) {
      for (const p of term.periods) allPeriods.add(p);
      if (term.simpleUnit !== null && term.periods.length > 1) {
        const key = term.periodsKey;
        const group = groups.get(key) ?? { periods: term.periods, units: new Set<number>() };
        group.units.add(term.simpleUnit);
        groups.set(key, group);
        continue;
      }
      for (const r of term.representations) {
        cellPeriods.add(r.period);
        for (const u of r.rep.unitIds) cellUnits.add(u);
      }
    }
    const index: CellIndex = {
      cells: new CellTable(),
      sums: new CellTable(),
      groups: new Map(),
      stock: new Map(),
    };
    const counted = countedStatuses(include);
    const reads: Array<Promise<void>> = [];
    if (cellUnits.size > 0 && sumIds.length > 0) {
      reads.push(
        this.source
          .rollups({ unitIds: [...cellUnits], periods: [...cellPeriods], indicatorIds: sumIds })
          .then((cells) => {
            for (const c of cells) index.cells.add(c);
          }),
      );
    }
    for (const [key, group] of groups) {
      if (sumIds.length === 0) break;
      index.groups.set(key, new Set(group.periods));
      reads.push(
        this.source
          .sums({ unitIds: [...group.units], periods: group.periods, indicatorIds: sumIds })
          .then((rows) => {
            for (const r of rows)
              index.sums.add({
                period: key,
                indicatorId: r.indicatorId,
                optionId: r.optionId,
                unitId: r.unitId,
                value: r.value,
                count: r.count,
              });
          }),
      );
    }
    let uncounted: LeafFigure[] = [];
    if (sumIds.length > 0 && allPeriods.size > 0 && include !== 'draft') {
      reads.push(
        this.source
          .uncountedFigures({ periods: [...allPeriods], indicatorIds: sumIds, counted })
          .then((f) => {
            uncounted = f;
          }),
      );
    }
    if (stockIds.length > 0 && allPeriods.size > 0) {
      const periods = [...allPeriods];
      const unitIds = this.stockUnits(terms);
      reads.push(
        Promise.all([
          this.source.figures({ periods, indicatorIds: stockIds, ...(unitIds ? { unitIds } : {}) }),
          statusRead ??
            this.source
              .reportStatuses({
                formIds: [...new Set(stockIds.flatMap((id) => this.formIdsOf(id)))],
                periods,
              })
              .then((rows) => statusIndex(rows, counted)),
        ]).then(([figures, st]) => {
          for (const f of figures) {
            if (!st.countedUnits.get(`${f.formId}|${f.period}`)?.has(f.unitId)) continue;
            const key = `${f.period}|${f.indicatorId}|${f.optionId}`;
            const list = index.stock.get(key);
            if (list) list.push(f);
            else index.stock.set(key, [f]);
          }
        }),
      );
    }
    await Promise.all(reads);
    this.takeOut(index, uncounted);
    return index;
  }

  /**
   * The units whose stock figures the terms can count (every unit under a unit standing for one on its period's day;
   * see evaluateStock), or undefined when they are many enough (the nation's) that reading every unit's costs less.
   */
  private stockUnits(terms: Term[]): number[] | undefined {
    const units = new Set<number>();
    for (const term of terms)
      for (const { period, rep } of term.representations) {
        const date = this.refDate(period);
        for (const r of rep.unitIds) {
          const subtree = this.subtree(r, date).units;
          if (units.size + subtree.length > STOCK_UNITS_BY_ID) return undefined;
          for (const u of subtree) units.add(u);
        }
      }
    return [...units];
  }

  /** Takes figures out of every cell and sum that holds them (the figure's unit and its ancestors on the day). */
  private takeOut(index: CellIndex, figures: LeafFigure[]): void {
    if (figures.length === 0) return;
    const groupsOf = new Map<string, string[]>();
    for (const [key, periods] of index.groups)
      for (const p of periods) groupsOf.set(p, [...(groupsOf.get(p) ?? []), key]);
    for (const f of figures) {
      const date = this.refDate(f.period);
      const holders = [f.unitId, ...this.graph.ancestorsOn(f.unitId, date)];
      for (const unitId of holders) {
        const cell = index.cells.get(f.period, f.indicatorId, f.optionId, unitId);
        if (cell) {
          cell.value -= f.value;
          cell.count -= 1;
        }
        for (const group of groupsOf.get(f.period) ?? []) {
          const sum = index.sums.get(group, f.indicatorId, f.optionId, unitId);
          if (sum) {
            sum.value -= f.value;
            sum.count -= 1;
          }
        }
      }
    }
  }

  /** The forms of the stocks among some indicators (their figures count by each unit's latest report). */
  private stockFormIds(indicatorIds: number[]): number[] {
    return indicatorIds
      .filter((id) => this.catalogue.indicatorById(id)?.aggregation.kind === 'latest')
      .flatMap((id) => this.formIdsOf(id));
  }

  private formIdsOf(indicatorId: number): number[] {
    const indicator = this.catalogue.indicatorById(indicatorId);
    return indicator ? this.catalogue.formsFor(indicator.code).map((f) => f.id) : [];
  }

  /** The status of every report of some forms over the periods of some terms. */
  private async readStatuses(
    formIds: number[],
    terms: Term[],
    include: IncludeLevel,
    morePeriods: readonly string[] = [],
  ): Promise<StatusIndex> {
    const periods = new Set<string>(morePeriods);
    for (const t of terms) for (const p of t.periods) periods.add(p);
    const rows = await this.source.reportStatuses({ formIds, periods: [...periods] });
    return statusIndex(rows, countedStatuses(include));
  }

  /** The reference date of each stored period (a pack asks for the same few dozen periods thousands of times). */
  private readonly refDates = new Map<string, string>();

  private refDate(period: string): string {
    let date = this.refDates.get(period);
    if (date === undefined) {
      date = referenceDate(parsePeriod(period));
      this.refDates.set(period, date);
    }
    return date;
  }

  /** Subtrees and expected reporters by unit and day, kept for the life of this engine (its tree does not change). */
  private readonly subtrees = new Map<string, { units: number[]; set: Set<number> }>();
  private readonly reporters = new Map<string, { units: number[]; set: Set<number> | undefined }>();

  private subtree(unitId: number, date: string): { units: number[]; set: Set<number> } {
    // Keyed by the stretch between reorganisations, not the day: every month of a stretch has the same tree.
    const key = `${unitId}|${this.graph.stretchOf(date)}`;
    let found = this.subtrees.get(key);
    if (!found) {
      const units = this.graph.subtreeOn(unitId, date);
      found = { units, set: new Set(units) };
      if (this.subtrees.size > 50_000) this.subtrees.clear();
      this.subtrees.set(key, found);
    }
    return found;
  }

  private expectedReporters(unitId: number, date: string, form: StoredForm): number[] {
    return this.expectedReporterEntry(unitId, date, form).units;
  }

  private expectedReporterSet(unitId: number, date: string, form: StoredForm): ReadonlySet<number> {
    const entry = this.expectedReporterEntry(unitId, date, form);
    entry.set ??= new Set(entry.units);
    return entry.set;
  }

  private expectedReporterEntry(unitId: number, date: string, form: StoredForm) {
    const kinds: string[] = reporterKindsOn(form, date);
    const key = `${form.id}|${unitId}|${this.graph.stretchOf(date)}|${kinds.join(',')}`;
    let found = this.reporters.get(key);
    if (!found) {
      found = {
        units: this.subtree(unitId, date).units.filter((u) => kinds.includes(this.graph.require(u).kind)),
        set: undefined,
      };
      if (this.reporters.size > 50_000) this.reporters.clear();
      this.reporters.set(key, found);
    }
    return found;
  }

  /** Whether every expected reporter of a form in a term is counted, and which units are expected in its last period. */
  private termCompleteness(term: Term, form: StoredForm, st: StatusIndex): boolean {
    let complete = true;
    for (const { period, rep } of term.representations) {
      const date = this.refDate(period);
      const formPeriod = `${form.id}|${period}`;
      const counted = st.countedUnits.get(formPeriod) ?? NO_UNITS;
      // A unit with many expected reporters (the nation) is judged from one walk of the whole tree's uncounted
      // reporters and their ancestors, found once per form and period and then shared by every unit of the tree (the
      // nation and its provinces cost one walk, not one each); a unit with few (a commune, a province) is judged from
      // its own reporters, without walking a nation's.
      let incomplete: { units: Set<number>; tree: ReadonlySet<number> } | null | undefined;
      for (const r of rep.unitIds) {
        const key = `${formPeriod}|${r}`;
        let done = st.complete.get(key);
        if (done === undefined) {
          const reporters = this.expectedReporters(r, date, form);
          if (
            incomplete === undefined &&
            (reporters.length >= this.treeWalkFrom || st.incomplete.has(formPeriod))
          )
            incomplete = this.incompleteUnits(form, period, date, counted, st);
          done = incomplete?.tree.has(r) ? !incomplete.units.has(r) : reporters.every((u) => counted.has(u));
          st.complete.set(key, done);
        }
        if (!done) complete = false;
      }
      if (!complete) break;
    }
    return complete;
  }

  /** Units of the tree on a period's day with an uncounted expected reporter of a form at or below them, with the
   * tree's units; null when the day has no single root or nothing is counted (then asked unit by unit). */
  private incompleteUnits(
    form: StoredForm,
    period: string,
    date: string,
    counted: ReadonlySet<number>,
    st: StatusIndex,
  ): { units: Set<number>; tree: ReadonlySet<number> } | null {
    // Where nothing is counted, a unit is complete only without expected reporters: asked unit by unit, each answer
    // is found at its first reporter.
    if (counted.size === 0) return null;
    const key = `${form.id}|${period}`;
    let units = st.incomplete.get(key);
    let root: number;
    try {
      root = this.graph.root(date).id;
    } catch {
      return null;
    }
    const tree = this.subtree(root, date).set;
    if (units === undefined) {
      units = new Set<number>();
      for (const u of this.expectedReporters(root, date, form)) {
        if (counted.has(u) || units.has(u)) continue;
        units.add(u);
        for (const a of this.graph.ancestorsOn(u, date)) {
          if (units.has(a)) break;
          units.add(a);
        }
      }
      st.incomplete.set(key, units);
    }
    return { units, tree };
  }

  /** The expected reporters of a form under the units standing for a term in its last stored period (never to be
   * changed: a unit standing for itself gets the set kept with its expected reporters). */
  private expectedUnitsOf(term: Term, form: StoredForm): ReadonlySet<number> {
    const last = term.representations[term.representations.length - 1];
    if (!last) return NO_UNITS;
    const date = this.refDate(last.period);
    const [only] = last.rep.unitIds;
    if (last.rep.unitIds.length === 1 && only !== undefined)
      return this.expectedReporterSet(only, date, form);
    const out = new Set<number>();
    for (const r of last.rep.unitIds) for (const u of this.expectedReporters(r, date, form)) out.add(u);
    return out;
  }

  /**
   * How a change between two terms is computed like for like. When every expected unit is counted on both sides, the
   * totals are compared. Otherwise, where the same units stand for the unit in both (no reorganisation between, the
   * same number of stored periods), the reports counted on one side only are left out of that side; elsewhere no
   * change is computed.
   */
  private comparisonPlan(cur: Term, base: Term, form: StoredForm, st: StatusIndex): ComparisonPlan {
    const expectedUnits = this.expectedUnitsOf(cur, form);
    const curComplete = this.termCompleteness(cur, form, st);
    const baseComplete = curComplete && this.termCompleteness(base, form, st);
    const none: ReportKey[] = [];
    if (curComplete && baseComplete)
      return {
        coverage: { compared: expectedUnits.size, expected: expectedUnits.size, basis: 'complete' },
        adjustCurrent: none,
        adjustBase: none,
      };
    const refused = {
      coverage: {
        compared: 0,
        expected: expectedUnits.size,
        basis: 'refused' as const,
      },
      adjustCurrent: none,
      adjustBase: none,
    };
    if (
      cur.simpleUnit === null ||
      base.simpleUnit !== cur.simpleUnit ||
      cur.periods.length !== base.periods.length
    )
      return refused;
    const adjustCurrent: ReportKey[] = [];
    const adjustBase: ReportKey[] = [];
    const notInBoth = new Set<number>();
    // Subtrees of period pairs where no unit is counted on either side: all their units are out, none adjusted (a
    // form nobody reports on is not walked unit by unit).
    const allOut: Array<ReadonlySet<number>> = [];
    for (let i = 0; i < cur.periods.length; i++) {
      const pc = cur.periods[i] as string;
      const pb = base.periods[i] as string;
      const dc = this.refDate(pc);
      const db = this.refDate(pb);
      const { units } = this.subtree(cur.simpleUnit, dc);
      const before = this.subtree(cur.simpleUnit, db);
      // A tree that changed between the two periods has no unit-by-unit match.
      if (dc !== db && (units.length !== before.units.length || !units.every((u) => before.set.has(u))))
        return refused;
      const countedNow = st.countedUnits.get(`${form.id}|${pc}`) ?? NO_UNITS;
      const countedThen = st.countedUnits.get(`${form.id}|${pb}`) ?? NO_UNITS;
      if (countedNow.size === 0 && countedThen.size === 0) {
        allOut.push(this.subtree(cur.simpleUnit, dc).set);
        continue;
      }
      for (const u of units) {
        const c = countedNow.has(u);
        const b = countedThen.has(u);
        if (c && !b) adjustCurrent.push({ formId: form.id, unitId: u, period: pc });
        if (b && !c) adjustBase.push({ formId: form.id, unitId: u, period: pb });
        if (!c || !b) notInBoth.add(u);
      }
    }
    let compared = 0;
    for (const u of expectedUnits) if (!notInBoth.has(u) && !allOut.some((out) => out.has(u))) compared++;
    if (compared === 0 && expectedUnits.size > 0) return refused;
    return {
      coverage: { compared, expected: expectedUnits.size, basis: 'matched' },
      adjustCurrent,
      adjustBase,
    };
  }

  /** The counted figures of some reports, summed by "form|period|unit|indicator|option". */
  private async readAdjustments(
    keys: ReportKey[],
    indicatorIds: number[],
    st: StatusIndex,
  ): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (keys.length === 0) return out;
    const wanted = new Set(keys.map((k) => `${k.formId}|${k.period}|${k.unitId}`));
    const figures = await this.source.figures({
      periods: [...new Set(keys.map((k) => k.period))],
      indicatorIds,
      unitIds: [...new Set(keys.map((k) => k.unitId))],
      formIds: [...new Set(keys.map((k) => k.formId))],
    });
    for (const f of figures) {
      const report = `${f.formId}|${f.period}|${f.unitId}`;
      if (!wanted.has(report) || !st.countedUnits.get(`${f.formId}|${f.period}`)?.has(f.unitId)) continue;
      const key = `${report}|${f.indicatorId}|${f.optionId}`;
      out.set(key, (out.get(key) ?? 0) + f.value);
    }
    return out;
  }

  /** The codes of the units summed for a term, kept with the term (a pack asks for them in each of its rows). */
  private readonly codesOfTerm = new WeakMap<Term, readonly string[]>();

  private unitCodes(term: Term): string[] {
    let codes = this.codesOfTerm.get(term);
    if (!codes) {
      const ids = new Set<number>();
      for (const r of term.representations) for (const u of r.rep.unitIds) ids.add(u);
      codes = [...ids].map((id) => this.graph.require(id).code).sort();
      this.codesOfTerm.set(term, codes);
    }
    return [...codes];
  }

  private combinedRule(term: Term): Representation['rule'] {
    if (term.simpleUnit !== null) return 'same_unit';
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
    include: IncludeLevel = DEFAULT_INCLUDE,
  ): Promise<Map<number, Coverage>> {
    const forms = this.coverageForms(period, indicators);
    if (forms.length === 0) return new Map();
    return this.coverageOf(unitId, period, forms, include);
  }

  /** The forms whose reports a figure of these indicators over the period counts (read by days for day ranges). */
  private coverageForms(period: Period, indicators: StoredIndicator[]): StoredForm[] {
    const forms = new Map<number, StoredForm>();
    for (const indicator of indicators) {
      const days = (period.type === 'range' || period.type === 'day') && this.usesDays(indicator);
      const form = this.primaryForm(indicator, days);
      if (form) forms.set(form.id, form);
    }
    return [...forms.values()];
  }

  /** The stored periods whose report statuses the coverage of these forms over the period reads. */
  private coveragePeriods(period: Period, forms: StoredForm[]): string[] {
    const periods = new Set<string>();
    for (const form of forms)
      for (const p of this.storedPeriodsOf(period, form.periodType === 'day')) periods.add(p);
    return [...periods];
  }

  async coverageOf(
    unitId: number,
    period: Period,
    forms: StoredForm[],
    include: IncludeLevel = DEFAULT_INCLUDE,
  ): Promise<Map<number, Coverage>> {
    if (!this.cache || include === 'draft') return this.computeCoverageOf(unitId, period, forms, include);
    const key = `coverageOf:${unitId}:${JSON.stringify(period)}:${forms.map((f) => f.id).join(',')}:${include}`;
    return this.cache.answer(key, () => this.computeCoverageOf(unitId, period, forms, include));
  }

  private async computeCoverageOf(
    unitId: number,
    period: Period,
    forms: StoredForm[],
    include: IncludeLevel = DEFAULT_INCLUDE,
  ): Promise<Map<number, Coverage>> {
    const periods = this.coveragePeriods(period, forms);
    const rows = await this.source.reportStatuses({ formIds: forms.map((f) => f.id), periods });
    const st = statusIndex(rows, countedStatuses(include));
    return this.coverageFrom(unitId, period, forms, st);
  }

  private coverageFrom(
    unitId: number,
    period: Period,
    forms: StoredForm[],
    st: StatusIndex,
  ): Map<number, Coverage> {
    const date = referenceDate(period);
    const out = new Map<number, Coverage>();
    for (const form of forms) {
      const stored = this.storedPeriodsOf(period, form.periodType === 'day');
      const expected = this.expectedReporters(unitId, date, form);
      const statuses = emptyStates();
      const perPeriod = stored.map((p) => st.status(`${form.id}|${p}`));
      const missing: number[] = [];
      let counted = 0;
      for (const id of expected) {
        let state: ReportState | null = null;
        let all = perPeriod.length > 0;
        for (const byUnit of perPeriod) {
          const status = byUnit?.get(id);
          const s = asReportState(status);
          state = state === null ? s : weakerState(state, s);
          if (!st.counted.has(status ?? 'not_started')) all = false;
        }
        const final = state ?? 'not_started';
        statuses[final]++;
        if (all) counted++;
        if (!['submitted', 'approved', 'locked'].includes(final)) missing.push(id);
      }
      out.set(form.id, {
        form: form.code,
        reported: expected.length - missing.length,
        expected: expected.length,
        missing: missing.map((id) => this.graph.require(id).code).sort(),
        counted,
        statuses,
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
