import type { AppContext } from '../app/context.ts';
import { resolvePeriod, resolveUnitForPeriod } from '../app/resolve.ts';
import { catalogueSecrecy, type Principal, readable, secrecyLens } from '../auth/gate.ts';
import { provinceEraOn } from '../geo/provinces.ts';
import { monthPeriod } from '../periods/period.ts';
import { referenceDate } from '../periods/regime.ts';
import { derivedOnce } from '../shared/freeze.ts';
import type { SecrecyLevel } from '../shared/secrecy.ts';
import type { IsoDate } from '../vietnamese/dates.ts';
import { correctionsSince } from './corrections.ts';
import type { Coverage } from './engine.ts';
import { dataStatusFrom, type QueryRequest, runQuery } from './service.ts';
import { DEFAULT_INCLUDE, type IncludeLevel } from './status.ts';
import { compareTetWindow, type TetWindowRequest } from './tet.ts';

/**
 * The analytics reads as a principal may see them, shared by the HTTP routes and the CLI (`--as USER`): rows above
 * the reader's clearance are left out and counted, each judged at its own unit through the secrecy lens. Whether the
 * principal may read the unit at all is decided before, by `authorize`.
 */
type Reader = Pick<Principal, 'clearance'>;

export async function readAggregates(ctx: AppContext, reader: Reader, req: QueryRequest) {
  const result = await runQuery(ctx, req);
  // A kept answer is shown the same way to every reader of the same clearance: worked out once for them all.
  return derivedOnce(result, `readable:${reader.clearance}`, () => {
    const shown = readable(reader, result.rows, (row) => row.secrecy);
    return { ...result, secrecy: shown.secrecy, withheld: shown.withheld, rows: shown.items };
  });
}

/**
 * The aggregates as the API sends them: the codes of the units that have not reported, the same for every row of a
 * form, are stated once per form in `missingUnits` (keyed by the row's `coverage.form`) instead of in every row.
 * Only the forms of the rows shown are listed. The CLI keeps the lists in each row.
 */
export function missingUnitsOnce<R extends { coverage: Coverage | null }, T extends { rows: R[] }>(
  answer: T,
) {
  return derivedOnce(answer, 'missingUnitsOnce', () => listMissingUnitsOnce(answer));
}

function listMissingUnitsOnce<R extends { coverage: Coverage | null }, T extends { rows: R[] }>(answer: T) {
  const missingUnits: Record<string, string[]> = {};
  const rows = answer.rows.map((row) => {
    if (row.coverage === null) return { ...row, coverage: null };
    const { missing, ...coverage } = row.coverage;
    missingUnits[coverage.form] ??= missing;
    return { ...row, coverage };
  });
  return { ...answer, missingUnits, rows };
}

/** `admit` decides, once the window is known, whether the reader may read the unit on its last day. */
export async function readTetWindow(
  ctx: AppContext,
  req: TetWindowRequest,
  admit: (unitId: number | null, date: IsoDate) => Reader,
) {
  const result = await compareTetWindow(ctx, req);
  const unit = ctx.graph.findByCode(result.unit.code, result.window.end);
  const reader = admit(unit?.id ?? null, result.window.end);
  const lens = await secrecyLens(ctx, result.window.end);
  const shown = readable(
    reader,
    result.rows.map((row) => ({
      ...row,
      secrecy: unit ? lens.levelOf(unit.id, row.indicator) : catalogueSecrecy(ctx, row.indicator),
    })),
    (row) => row.secrecy,
  );
  return {
    ...result,
    unitId: unit?.id ?? null,
    secrecy: shown.secrecy,
    withheld: shown.withheld,
    rows: shown.items,
  };
}

export async function readCorrections(
  ctx: AppContext,
  reader: Reader,
  q: { unit: string; period: string; asOf: string; indicator?: string | undefined },
) {
  const date = referenceDate(resolvePeriod(q.period));
  resolveUnitForPeriod(ctx.graph, q.unit, resolvePeriod(q.period));
  const result = await correctionsSince(ctx, q);
  const lens = await secrecyLens(ctx, date);
  // Each correction is judged at its own unit and indicator (a decision on that unit or below it counts).
  const shown = readable(
    reader,
    result.corrections.map((c) => {
      const at = ctx.graph.findByCode(c.unit, date);
      return { ...c, secrecy: at ? lens.levelOf(at.id, c.indicator) : catalogueSecrecy(ctx, c.indicator) };
    }),
    (c) => c.secrecy,
  );
  return { ...result, secrecy: shown.secrecy, withheld: shown.withheld, corrections: shown.items };
}

/**
 * Decides whether the reader may read a unit at a level on a day (the route's `guard`): it throws when not, and
 * answers the principal whose clearance the rows are then judged by.
 */
type Admit = (unitId: number, secrecy: SecrecyLevel, date: IsoDate) => Reader;

/**
 * The child units ranked by one indicator, as the reader may see them: the unit is admitted at the level of its own
 * figure, then each child whose figure is classified above the reader (a decision on one province) is left out and
 * counted. The coverage by report status comes from the ranking's own read of the statuses.
 */
export async function readRanking(
  ctx: AppContext,
  q: {
    unit: string;
    period: string;
    indicator: string;
    option?: string | undefined;
    kind?: 'department' | 'province' | 'district' | 'commune' | undefined;
    compare: boolean;
    include?: IncludeLevel | undefined;
  },
  admit: Admit,
) {
  const period = resolvePeriod(q.period);
  const unit = resolveUnitForPeriod(ctx.graph, q.unit, period);
  const date = referenceDate(period);
  const lens = await secrecyLens(ctx, date);
  const reader = admit(unit.id, lens.levelOf(unit.id, q.indicator), date);
  const include = q.include ?? DEFAULT_INCLUDE;
  const { rows, coverage } = await ctx.engine.rankingWithCoverage({
    unitId: unit.id,
    period,
    indicator: q.indicator,
    option: q.option ?? null,
    compare: q.compare,
    kind: q.kind,
    include,
  });
  const shown = readable(
    reader,
    rows.map((row) => ({ ...row, secrecy: lens.levelOf(row.unitId, q.indicator) })),
    (row) => row.secrecy,
  );
  return {
    unitId: unit.id,
    unit: unit.code,
    period: period.id,
    era: provinceEraOn(date),
    indicator: q.indicator,
    option: q.option ?? null,
    ...dataStatusFrom(ctx, include, coverage),
    secrecy: shown.secrecy,
    withheld: shown.withheld,
    rows: shown.items,
  };
}

/**
 * A monthly series of one indicator with last year's line, admitted at the level of the unit's figure; the coverage
 * by status is the last month's (the figure a reader compares), from the series' own read of report statuses.
 */
export async function readSeries(
  ctx: AppContext,
  q: {
    unit: string;
    indicator: string;
    option?: string | undefined;
    to: string;
    months: number;
    include?: IncludeLevel | undefined;
  },
  admit: Admit,
) {
  const last = resolvePeriod(q.to);
  if (last.type !== 'month') throw new Error('unreachable: validated as a month');
  const months = Array.from({ length: q.months }, (_, i) =>
    monthPeriod(last.year, last.month - (q.months - 1 - i)),
  );
  // The series and its last-year line must stay within the years periods can name.
  for (const m of [months[0], ...(months[0] ? [monthPeriod(months[0].year - 1, months[0].month)] : [])])
    if (m) resolvePeriod(m.id);
  const unit = resolveUnitForPeriod(ctx.graph, q.unit, last);
  const date = referenceDate(last);
  const lens = await secrecyLens(ctx, date);
  const secrecy = lens.levelOf(unit.id, q.indicator);
  admit(unit.id, secrecy, date);
  const include = q.include ?? DEFAULT_INCLUDE;
  const { points, coverage } = await ctx.engine.seriesWithCoverage({
    unitId: unit.id,
    indicator: q.indicator,
    option: q.option ?? null,
    months,
    include,
  });
  return {
    unitId: unit.id,
    unit: unit.code,
    indicator: q.indicator,
    option: q.option ?? null,
    ...dataStatusFrom(ctx, include, coverage),
    secrecy,
    points,
  };
}
