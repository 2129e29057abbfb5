import type { AppContext } from '../app/context.ts';
import { resolvePeriod, resolveUnitForPeriod } from '../app/resolve.ts';
import { daysOf, monthsOf } from '../periods/period.ts';
import { referenceDate } from '../periods/regime.ts';
import { parseInstant } from '../shared/clock.ts';
import { AppError } from '../shared/errors.ts';

/**
 * The corrections made after a moment to the figures behind an aggregate: for each figure of the subtree changed
 * since, its value then and now, and who changed it, when and why. The difference between a briefing's figures and
 * today's is the sum of these.
 */
export async function correctionsSince(
  ctx: AppContext,
  q: { unit: string; period: string; asOf: string; indicator?: string | undefined },
) {
  const period = resolvePeriod(q.period);
  const unit = resolveUnitForPeriod(ctx.graph, q.unit, period);
  let instant: Date;
  try {
    instant = parseInstant(q.asOf);
  } catch {
    throw new AppError('bad_request', `Thời điểm "${q.asOf}" không hợp lệ`, `invalid instant "${q.asOf}"`, [
      { field: 'asOf', reason: 'không phải ngày giờ' },
    ]);
  }
  const at = instant.toISOString();
  const stored = [...monthsOf(period), ...daysOf(period)].map((p) => p.id);
  const subtree = new Set(ctx.graph.subtreeOn(unit.id, referenceDate(period)));
  const indicator = q.indicator ? ctx.catalogue.indicator(q.indicator) : undefined;
  const changed = await ctx.store.db
    .selectFrom('data_value')
    .innerJoin('change_set', 'change_set.id', 'data_value.change_id')
    .leftJoin('app_user', 'app_user.id', 'change_set.user_id')
    .select([
      'data_value.period',
      'data_value.unit_id',
      'data_value.form_id',
      'data_value.indicator_id',
      'data_value.option_id',
      'data_value.value',
      'data_value.version',
      'change_set.at',
      'change_set.reason',
      'change_set.source',
      'app_user.display_name',
    ])
    .where('data_value.period', 'in', stored.length > 0 ? stored : [''])
    .where('change_set.at', '>', at)
    .$if(indicator !== undefined, (qb) => qb.where('data_value.indicator_id', '=', indicator?.id ?? -1))
    .execute();
  const out = [];
  for (const row of changed) {
    if (!subtree.has(row.unit_id)) continue;
    // The version that counted then: the one recorded last at or before the moment (by time, not load order).
    const then = await ctx.store.db
      .selectFrom('data_value_history')
      .innerJoin('change_set', 'change_set.id', 'data_value_history.change_id')
      .select(['value', 'version'])
      .where('period', '=', row.period)
      .where('unit_id', '=', row.unit_id)
      .where('form_id', '=', row.form_id)
      .where('indicator_id', '=', row.indicator_id)
      .where('option_id', '=', row.option_id)
      .where('change_set.at', '<=', at)
      .orderBy('change_set.at', 'desc')
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    const ind = ctx.catalogue.indicatorById(row.indicator_id);
    out.push({
      period: row.period,
      unit: ctx.graph.require(row.unit_id).code,
      unitName: ctx.graph.nameOn(row.unit_id, referenceDate(period)),
      indicator: ind?.code ?? String(row.indicator_id),
      option: ctx.catalogue.optionCode(row.option_id),
      before: then?.value ?? null,
      after: row.value,
      difference: (row.value ?? 0) - (then?.value ?? 0),
      at: row.at,
      by: row.display_name,
      source: row.source,
      reason: row.reason,
    });
  }
  return {
    unit: unit.code,
    period: period.id,
    asOf: instant.toISOString(),
    corrections: out.sort((a, b) => a.at.localeCompare(b.at)),
  };
}
