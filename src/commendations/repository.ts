import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { IsoDate } from '../vietnamese/dates.ts';

export const COMMENDATION_FORMS = [
  'Huân chương',
  'Bằng khen của Thủ tướng Chính phủ',
  'Bằng khen của Bộ trưởng',
  'Giấy khen',
  'Cờ thi đua',
  'Thư khen',
] as const;

export interface CommendationRecord {
  id: number;
  recipientKind: 'unit' | 'person';
  unitId: number;
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

function toRecord(r: Selectable<Database['commendation']>): CommendationRecord {
  return {
    id: r.id,
    recipientKind: r.recipient_kind as 'unit' | 'person',
    unitId: r.unit_id,
    personName: r.person_name,
    personRank: r.person_rank,
    personPosition: r.person_position,
    form: r.form,
    reason: r.reason,
    decisionNumber: r.decision_number,
    decisionDate: r.decision_date,
    campaignId: r.campaign_id,
    period: r.period,
  };
}

export async function insertCommendation(
  trx: Kysely<Database>,
  c: Omit<CommendationRecord, 'id'>,
  at: string,
): Promise<number> {
  const row = await trx
    .insertInto('commendation')
    .values({
      recipient_kind: c.recipientKind,
      unit_id: c.unitId,
      person_name: c.personName,
      person_rank: c.personRank,
      person_position: c.personPosition,
      form: c.form,
      reason: c.reason,
      decision_number: c.decisionNumber,
      decision_date: c.decisionDate,
      campaign_id: c.campaignId,
      period: c.period,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function loadCommendations(
  db: Kysely<Database>,
  q: { campaignIds?: number[]; unitIds?: number[] } = {},
): Promise<CommendationRecord[]> {
  let query = db.selectFrom('commendation').selectAll();
  if (q.campaignIds)
    query = query.where('campaign_id', 'in', q.campaignIds.length > 0 ? q.campaignIds : [-1]);
  if (q.unitIds) query = query.where('unit_id', 'in', q.unitIds.length > 0 ? q.unitIds : [-1]);
  const rows = await query.orderBy('decision_date', 'desc').orderBy('id').execute();
  return rows.map(toRecord);
}
