import type { AppContext } from '../app/context.ts';
import { resolveUnit } from '../app/resolve.ts';
import { canChiOfYear, tetDate } from '../calendar/lunar.ts';
import { rangePeriod } from '../periods/period.ts';
import { AppError } from '../shared/errors.ts';
import { addDays } from '../vietnamese/dates.ts';
import { changeBetween } from './change.ts';
import { dataStatusOf } from './service.ts';
import type { IncludeLevel } from './status.ts';

export interface TetWindowRequest {
  unit: string;
  /** The lunar year whose Tết anchors the window (2026 = Tết Bính Ngọ, 17/02/2026). */
  year: number;
  /** Days from mùng 1 Tết: -7..9 is a week before to the ninth day of the new year. */
  fromOffset: number;
  toOffset: number;
  indicators?: string[] | undefined;
  include?: IncludeLevel | undefined;
}

/**
 * Compares a window aligned on Tết with the same lunar window a year earlier, from daily figures: Tết moves between
 * the February and March reporting months (2018 and 2026 fall in March), so a plain "same month last year" compares
 * a holiday with ordinary weeks.
 */
export async function compareTetWindow(ctx: AppContext, req: TetWindowRequest) {
  if (req.fromOffset > req.toOffset) {
    throw new AppError(
      'bad_request',
      'Ngày bắt đầu phải trước ngày kết thúc',
      'the window starts after it ends',
      [{ field: 'from', reason: 'lớn hơn to' }],
    );
  }
  if (req.toOffset - req.fromOffset > 120) {
    throw new AppError(
      'bad_request',
      'Khoảng thời gian quá dài (tối đa 120 ngày)',
      'window too long (120 days at most)',
      [{ field: 'to', reason: 'quá dài' }],
    );
  }
  const window = (year: number) => {
    const tet = tetDate(year);
    return {
      tet,
      start: addDays(tet, req.fromOffset),
      end: addDays(tet, req.toOffset),
      name: `Tết Nguyên đán ${canChiOfYear(year)} ${year}`,
    };
  };
  const current = window(req.year);
  const previous = window(req.year - 1);
  const unit = resolveUnit(ctx.graph, req.unit, current.end);
  const indicators =
    req.indicators ?? ctx.catalogue.forms.filter((f) => f.periodType === 'day').flatMap((f) => f.indicators);
  const [now] = await ctx.engine.aggregateMany({
    unitIds: [unit.id],
    period: rangePeriod(current.start, current.end),
    indicators,
    coverage: false,
    include: req.include,
  });
  const [then] = await ctx.engine.aggregateMany({
    unitIds: [unit.id],
    period: rangePeriod(previous.start, previous.end),
    indicators,
    coverage: false,
    include: req.include,
  });
  const status = await dataStatusOf(ctx, {
    unitId: unit.id,
    period: rangePeriod(current.start, current.end),
    indicators,
    include: req.include,
  });
  return {
    ...status,
    unit: { code: unit.code, name: ctx.graph.nameOn(unit.id, current.end) },
    window: current,
    lastYearWindow: previous,
    rows: (now?.rows ?? []).map((row) => {
      const before = then?.rows.find((r) => r.indicator === row.indicator && r.option === row.option);
      const lastYear = before?.value ?? null;
      return {
        indicator: row.indicator,
        option: row.option,
        unit: row.unit,
        value: row.value,
        lastYear,
        change: changeBetween(row.value, lastYear, row.decimals),
      };
    }),
  };
}
