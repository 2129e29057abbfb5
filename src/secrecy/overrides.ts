import type { AggregateRow } from '../analytics/engine.ts';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../audit/actor.ts';
import { appendAudit } from '../audit/repository.ts';
import { secrecyLens } from '../auth/gate.ts';
import { AppError } from '../shared/errors.ts';
import { isSecrecyLevel, type SecrecyLevel } from '../shared/secrecy.ts';
import type { IsoDate } from '../vietnamese/dates.ts';

export interface SecrecyDecision {
  level: SecrecyLevel;
  reason: string;
  by: string;
  at: string;
}

/** The decisions in force for a unit's aggregates, by indicator code. */
export async function overridesFor(ctx: AppContext, unitId: number): Promise<Map<string, SecrecyDecision>> {
  const rows = await ctx.store.db
    .selectFrom('secrecy_override')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('withdrawn_at', 'is', null)
    .orderBy('id')
    .execute();
  const out = new Map<string, SecrecyDecision>();
  for (const r of rows) {
    const code = ctx.catalogue.indicatorById(r.indicator_id)?.code;
    if (code && isSecrecyLevel(r.level))
      out.set(code, { level: r.level, reason: r.reason, by: r.set_by_name, at: r.set_at });
  }
  return out;
}

/**
 * An aggregate is classified at the highest level of its inputs, unless an authorised person set another level for
 * it, with a reason: the decision then applies, and the row says so.
 */
export async function applySecrecyDecisions<T extends Pick<AggregateRow, 'indicator' | 'secrecy'>>(
  ctx: AppContext,
  unitId: number,
  rows: T[],
  date: IsoDate = ctx.clock.today(),
): Promise<Array<T & { secrecyDecision?: SecrecyDecision }>> {
  const decisions = await overridesFor(ctx, unitId);
  // Decisions on units below are carried up: an aggregate including a classified input is classified with it.
  const lens = await secrecyLens(ctx, date);
  return rows.map((row) => {
    const decision = decisions.get(row.indicator);
    const secrecy = lens.levelOf(unitId, row.indicator, row.secrecy);
    return decision ? { ...row, secrecy, secrecyDecision: decision } : { ...row, secrecy };
  });
}

/** Records a decision on the level of a unit's aggregate of an indicator; the caller has checked the permission. */
export async function setSecrecyDecision(
  ctx: AppContext,
  q: { indicator: string; unitId: number; level: SecrecyLevel; reason: string; actor: Actor },
): Promise<SecrecyDecision> {
  const indicator = ctx.catalogue.indicator(q.indicator);
  if (!indicator)
    throw new AppError(
      'not_found',
      `Không có chỉ tiêu "${q.indicator}"`,
      `unknown indicator "${q.indicator}"`,
      [{ field: 'indicator', reason: 'không có trong danh mục' }],
    );
  const reason = q.reason.normalize('NFC').trim();
  if (reason.length < 10) {
    throw new AppError(
      'validation_failed',
      'Cần ghi rõ lý do (căn cứ) của quyết định độ mật',
      'a reason is required',
      [{ field: 'reason', reason: 'ít nhất 10 ký tự' }],
    );
  }
  const at = ctx.clock.now().toISOString();
  await ctx.store.write(async (trx) => {
    await trx
      .updateTable('secrecy_override')
      .set({ withdrawn_at: at })
      .where('unit_id', '=', q.unitId)
      .where('indicator_id', '=', indicator.id)
      .where('withdrawn_at', 'is', null)
      .execute();
    await trx
      .insertInto('secrecy_override')
      .values({
        indicator_id: indicator.id,
        unit_id: q.unitId,
        level: q.level,
        reason,
        set_by: q.actor.id,
        set_by_name: q.actor.name,
        set_at: at,
        withdrawn_at: null,
      })
      .execute();
    await appendAudit(trx, {
      at,
      actorId: q.actor.id,
      actorName: q.actor.name,
      action: 'secrecy.override',
      target: `aggregate:${q.unitId}/${indicator.code}`,
      unitId: q.unitId,
      secrecy: q.level,
      details: { level: q.level, inputs: indicator.secrecy, reason },
    });
  });
  return { level: q.level, reason, by: q.actor.name, at };
}
