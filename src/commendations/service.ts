import type { AppContext } from '../app/context.ts';
import type { Actor } from '../audit/actor.ts';
import { appendAudit } from '../audit/repository.ts';
import { AppError } from '../shared/errors.ts';
import type { IsoDate } from '../vietnamese/dates.ts';
import { type CommendationRecord, insertCommendation, loadCommendations } from './repository.ts';

export interface CommendationView {
  id: number;
  recipientKind: 'unit' | 'person';
  /** "Thượng tá Nguyễn Văn A, Trưởng phòng …" or the unit's name. */
  recipient: string;
  unit: string;
  unitName: string;
  personName: string | null;
  personRank: string | null;
  personPosition: string | null;
  form: string;
  reason: string;
  decisionNumber: string;
  decisionDate: IsoDate;
  campaignId: number | null;
  period: string | null;
}

export function presentCommendation(ctx: AppContext, c: CommendationRecord): CommendationView {
  const unitName = ctx.graph.nameOn(c.unitId, c.decisionDate);
  const person = [c.personRank, c.personName].filter(Boolean).join(' ');
  return {
    id: c.id,
    recipientKind: c.recipientKind,
    recipient:
      c.recipientKind === 'unit'
        ? unitName
        : `${person}${c.personPosition ? `, ${c.personPosition}` : ''} (${unitName})`,
    unit: ctx.graph.require(c.unitId).code,
    unitName,
    personName: c.personName,
    personRank: c.personRank,
    personPosition: c.personPosition,
    form: c.form,
    reason: c.reason,
    decisionNumber: c.decisionNumber,
    decisionDate: c.decisionDate,
    campaignId: c.campaignId,
    period: c.period,
  };
}

export async function listCommendations(
  ctx: AppContext,
  q: { campaignIds?: number[]; unitIds?: number[] } = {},
): Promise<CommendationView[]> {
  return (await loadCommendations(ctx.store.db, q)).map((c) => presentCommendation(ctx, c));
}

export type CommendationInput = Omit<CommendationRecord, 'id'>;

/** Records a commendation; a person needs a name, and every commendation a decision number and date. */
export async function createCommendation(
  ctx: AppContext,
  input: CommendationInput,
  actor: Actor,
): Promise<CommendationView> {
  if (input.recipientKind === 'person' && !input.personName?.trim())
    throw new AppError(
      'bad_request',
      'Khen thưởng cá nhân cần họ tên người được khen',
      'a person needs a name',
      [{ field: 'personName', reason: 'bắt buộc' }],
    );
  if (!input.decisionNumber.trim())
    throw new AppError('bad_request', 'Thiếu số quyết định khen thưởng', 'decision number is required', [
      { field: 'decisionNumber', reason: 'bắt buộc' },
    ]);
  const at = ctx.clock.now().toISOString();
  const id = await ctx.store.write(async (trx) => {
    const newId = await insertCommendation(trx, input, at);
    await appendAudit(trx, {
      at,
      actorId: actor.id,
      actorName: actor.name,
      action: 'commendation.create',
      target: `commendation:${newId}`,
      unitId: input.unitId,
      secrecy: 'none',
      details: { form: input.form, decision: input.decisionNumber, campaignId: input.campaignId },
    });
    return newId;
  });
  const [created] = (await loadCommendations(ctx.store.db)).filter((c) => c.id === id);
  return presentCommendation(ctx, created as CommendationRecord);
}
