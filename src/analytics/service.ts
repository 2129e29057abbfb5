import type { AppContext } from '../app/context.ts';
import { resolvePeriod, resolveUnitForPeriod } from '../app/resolve.ts';
import { type Period, periodLabelVi } from '../periods/period.ts';
import { periodWindow, referenceDate } from '../periods/regime.ts';
import { applySecrecyDecisions } from '../secrecy/overrides.ts';
import { parseInstant } from '../shared/clock.ts';
import { AppError } from '../shared/errors.ts';
import { highestSecrecy, type SecrecyLevel } from '../shared/secrecy.ts';
import type { UnitKind } from '../units/model.ts';
import { type AggregateRow, AnalyticsEngine, type Coverage, UnknownIndicatorError } from './engine.ts';
import { asOfAnalyticsSource } from './repository.ts';
import { countedStatuses, DEFAULT_INCLUDE, type IncludeLevel, type ReportState } from './status.ts';

export interface QueryRequest {
  unit: string;
  period: string;
  indicator?: string | undefined;
  compare?: boolean | undefined;
  /** With `compare`, the year to date too (the default); false leaves it out. */
  ytd?: boolean | undefined;
  /** An instant ("2020-02-26T08:00", Vietnam time unless a zone is given): figures as they stood then. */
  asOf?: string | undefined;
  /** Which reports count: approved (and locked) ones, also submitted ones (the default), or also drafts. */
  include?: IncludeLevel | undefined;
}

export interface QueryRow extends AggregateRow {
  name: string;
  optionName: string | null;
}

export interface QueryResult {
  unit: { id: number; code: string; name: string; kind: UnitKind };
  period: { id: string; label: string; start: string; end: string };
  asOf: string | null;
  /** What the figures count: the level asked for and the report statuses it takes in. */
  include: IncludeLevel;
  counts: readonly string[];
  secrecy: SecrecyLevel;
  rows: QueryRow[];
}

/** Aggregates over a unit's subtree for a period, optionally with comparisons and as of a past moment. */
export async function runQuery(ctx: AppContext, req: QueryRequest): Promise<QueryResult> {
  const include = req.include ?? DEFAULT_INCLUDE;
  // Kept whole while the data is unchanged (secrecy decisions included); drafts and past moments are read anew.
  if (req.asOf || include === 'draft') return computeQuery(ctx, req);
  const key = JSON.stringify([
    req.unit,
    req.period,
    req.indicator ?? null,
    req.compare ?? false,
    req.ytd !== false,
  ]);
  return ctx.engine.cached(`query:${include}:${key}`, () => computeQuery(ctx, req));
}

async function computeQuery(ctx: AppContext, req: QueryRequest): Promise<QueryResult> {
  const period = resolvePeriod(req.period);
  const unit = resolveUnitForPeriod(ctx.graph, req.unit, period);
  let engine = ctx.engine;
  const include = req.include ?? DEFAULT_INCLUDE;
  let asOf: string | null = null;
  if (req.asOf) {
    let instant: Date;
    try {
      instant = parseInstant(req.asOf);
    } catch {
      throw new AppError(
        'bad_request',
        `Thời điểm "${req.asOf}" không hợp lệ (ví dụ: 2020-02-26T08:00)`,
        `invalid --as-of "${req.asOf}"`,
        [{ field: 'asOf', reason: 'không phải ngày giờ' }],
      );
    }
    asOf = instant.toISOString();
    engine = new AnalyticsEngine(
      ctx.graph,
      ctx.catalogue,
      asOfAnalyticsSource(ctx.store.db, ctx.graph, asOf),
    );
  }
  let rows: AggregateRow[];
  try {
    rows = await engine.aggregate({
      unitId: unit.id,
      period,
      indicators: req.indicator ? [req.indicator] : undefined,
      compare: req.compare ?? false,
      yearToDate: req.ytd !== false,
      include,
    });
  } catch (error) {
    if (error instanceof UnknownIndicatorError) {
      throw new AppError(
        'not_found',
        `Không có chỉ tiêu "${error.code}"`,
        `unknown indicator "${error.code}"`,
        [{ field: 'indicator', reason: 'không có trong danh mục' }],
      );
    }
    throw error;
  }
  rows = await applySecrecyDecisions(ctx, unit.id, rows, referenceDate(period));
  const window = periodWindow(period);
  return {
    unit: {
      id: unit.id,
      code: unit.code,
      name: ctx.graph.nameOn(unit.id, referenceDate(period)),
      kind: unit.kind,
    },
    period: { id: period.id, label: periodLabelVi(period), start: window.start, end: window.end },
    asOf,
    include,
    counts: countedStatuses(include),
    secrecy: highestSecrecy(rows.map((r) => r.secrecy)),
    rows: rows.map((r) => {
      const indicator = ctx.catalogue.indicator(r.indicator);
      return {
        ...r,
        name: indicator?.nameVi ?? r.indicator,
        optionName:
          r.option === null
            ? null
            : (indicator?.options.find((o) => o.code === r.option)?.nameVi ?? r.option),
      };
    }),
  };
}

/** What an answer counts: the level of inclusion, the report statuses it takes in, and per form the expected units
 * by the state of their report (the coverage by status). */
export interface DataStatus {
  include: IncludeLevel;
  counts: readonly string[];
  statusCoverage: Array<{
    form: string;
    expected: number;
    counted: number;
    statuses: Record<ReportState, number>;
  }>;
}

/**
 * The data status of an answer about a unit's subtree for a period, over the forms that report some indicators
 * (all when omitted). Every route that reads figures states it beside them.
 */
export async function dataStatusOf(
  ctx: AppContext,
  q: {
    unitId: number;
    period: Period;
    indicators?: string[] | undefined;
    include?: IncludeLevel | undefined;
  },
  engine: AnalyticsEngine = ctx.engine,
): Promise<DataStatus> {
  const include = q.include ?? DEFAULT_INCLUDE;
  const indicators = (q.indicators ?? ctx.catalogue.indicators.map((i) => i.code))
    .map((code) => ctx.catalogue.indicator(code))
    .filter((i) => i !== undefined);
  return dataStatusFrom(ctx, include, await engine.coverage(q.unitId, q.period, indicators, include));
}

/** The data status of an answer from the coverage its own read already computed (by form id). */
export function dataStatusFrom(
  ctx: Pick<AppContext, 'catalogue'>,
  include: IncludeLevel,
  coverage: ReadonlyMap<number, Coverage>,
): DataStatus {
  return {
    include,
    counts: countedStatuses(include),
    statusCoverage: [...coverage.entries()].map(([formId, c]) => ({
      form: ctx.catalogue.forms.find((f) => f.id === formId)?.code ?? String(formId),
      expected: c.expected,
      counted: c.counted,
      statuses: c.statuses,
    })),
  };
}
