import type { AnalyticsEngine } from '../analytics/engine.ts';
import { dataStatusOf } from '../analytics/service.ts';
import type { IncludeLevel } from '../analytics/status.ts';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../audit/actor.ts';
import { appendAudit } from '../audit/repository.ts';
import { provinceEraOn } from '../geo/provinces.ts';
import { monthPeriod } from '../periods/period.ts';
import { monthContaining } from '../periods/regime.ts';
import { AppError } from '../shared/errors.ts';
import type { IsoDate } from '../vietnamese/dates.ts';
import { insertTarget, loadTargets, type TargetRecord } from './repository.ts';

export interface TargetView extends Omit<TargetRecord, 'unitIds'> {
  indicatorName: string;
  unit: string;
  units: string[];
}

export function presentTarget(ctx: AppContext, t: TargetRecord): TargetView {
  const { unitIds, ...rest } = t;
  const indicator = ctx.catalogue.indicator(t.indicator);
  return {
    ...rest,
    indicatorName: indicator?.nameVi ?? t.indicator,
    unit: indicator?.unit ?? '',
    units: unitIds.map((id) => ctx.graph.require(id).code),
  };
}

export async function listTargets(ctx: AppContext): Promise<TargetView[]> {
  return (await loadTargets(ctx.store.db)).map((t) => presentTarget(ctx, t));
}

export async function requireTarget(ctx: AppContext, id: number): Promise<TargetRecord> {
  const [t] = await loadTargets(ctx.store.db, [id]);
  if (!t)
    throw new AppError('not_found', `Không tìm thấy chỉ tiêu triển khai số ${id}`, `target ${id} not found`, [
      { field: 'id', reason: 'không tồn tại' },
    ]);
  return t;
}

export async function createTarget(
  ctx: AppContext,
  input: Omit<TargetRecord, 'id'>,
  actor: Actor,
): Promise<TargetView> {
  if (!ctx.catalogue.indicator(input.indicator))
    throw new AppError('bad_request', `Không có chỉ tiêu "${input.indicator}"`, 'unknown indicator', [
      { field: 'indicator', reason: 'không tồn tại' },
    ]);
  const at = ctx.clock.now().toISOString();
  const id = await ctx.store.write(async (trx) => {
    const newId = await insertTarget(trx, input, at);
    await appendAudit(trx, {
      at,
      actorId: actor.id,
      actorName: actor.name,
      action: 'target.create',
      target: `target:${newId}`,
      unitId: null,
      secrecy: 'none',
      details: {
        name: input.name,
        indicator: input.indicator,
        value: input.targetValue,
        deadline: input.deadline,
      },
    });
    return newId;
  });
  return presentTarget(ctx, await requireTarget(ctx, id));
}

/** The month whose figures stand for a date: the last reporting month closed by then. */
function monthFor(date: IsoDate) {
  const m = monthContaining(date);
  return monthPeriod(m.year, m.month - 1);
}

/**
 * Progress towards a target as of a date (today by default, never later than the deadline's month): each unit's
 * figure, whether it has reached the target, the units still behind (furthest first), and the national series.
 */
export async function targetProgress(
  ctx: AppContext,
  id: number,
  asOf: IsoDate,
  include?: IncludeLevel,
  engine: AnalyticsEngine = ctx.engine,
) {
  const t = await requireTarget(ctx, id);
  const month = monthFor(asOf);
  const date = asOf;
  const units =
    t.unitIds.length > 0
      ? t.unitIds
      : ctx.graph
          .unitsOn(date, t.unitKind as 'province')
          .sort((a, b) => a.code.localeCompare(b.code))
          .map((u) => u.id);
  const root = ctx.graph.root(date).id;
  const results = await engine.aggregateMany({
    unitIds: [root, ...units],
    period: month,
    indicators: [t.indicator],
    coverage: false,
    include,
  });
  const figureOf = (unitId: number) =>
    results.find((r) => r.unitId === unitId)?.rows.find((r) => r.option === null)?.value ?? null;
  const rows = units.map((unitId) => {
    const unit = ctx.graph.require(unitId);
    const value = figureOf(unitId);
    return {
      unit: unit.code,
      adminCode: unit.adminCode,
      name: ctx.graph.nameOn(unitId, date),
      value,
      reached: value !== null && value >= t.targetValue,
      gap: value === null ? null : Math.max(0, Math.round((t.targetValue - value) * 100) / 100),
    };
  });
  const behind = rows.filter((r) => !r.reached).sort((a, b) => (b.gap ?? Infinity) - (a.gap ?? Infinity));
  const months = Array.from({ length: 12 }, (_, i) => monthPeriod(month.year, month.month - 11 + i));
  const [series, status] = await Promise.all([
    engine.series({ unitId: root, indicator: t.indicator, option: null, months, include }),
    dataStatusOf(ctx, { unitId: root, period: month, indicators: [t.indicator], include }, engine),
  ]);
  return {
    ...status,
    target: presentTarget(ctx, t),
    asOf,
    period: month.id,
    era: provinceEraOn(date),
    national: figureOf(root),
    reached: rows.length - behind.length,
    total: rows.length,
    overdue: asOf > t.deadline && behind.length > 0,
    units: rows,
    behind,
    series: series.map((s) => ({ period: s.period, value: s.value })),
  };
}
