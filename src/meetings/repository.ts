import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SecrecyLevel } from '../shared/secrecy.ts';
import type { IsoDate } from '../vietnamese/dates.ts';
import type { AgendaItem, MeetingRecord, MeetingStatus, OutcomeKind } from './model.ts';

type Row = Selectable<Database['meeting']>;

function toRecord(r: Row): MeetingRecord {
  return {
    id: r.id,
    title: r.title,
    period: r.period,
    campaignId: r.campaign_id,
    heldOn: r.held_on,
    place: r.place,
    chair: r.chair,
    participantIds: JSON.parse(r.participants) as number[],
    status: r.status as MeetingStatus,
    minutes: r.minutes,
    minutesSecrecy: (r.minutes_secrecy ?? r.secrecy) as SecrecyLevel,
    pack: r.pack,
    packFrozenAt: r.pack_frozen_at,
    conclusion:
      r.conclusion_number && r.conclusion_date
        ? { number: r.conclusion_number, date: r.conclusion_date, text: r.conclusion_text ?? '' }
        : null,
    secrecy: r.secrecy as SecrecyLevel,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

/**
 * Takes the meeting from the version the client read to the next one, in the transaction of the change; false
 * when someone changed it meanwhile (the caller refuses the update).
 */
export async function claimMeetingVersion(
  trx: Kysely<Database>,
  id: number,
  readAt: number,
): Promise<boolean> {
  const result = await trx
    .updateTable('meeting')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', readAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertMeeting(
  trx: Kysely<Database>,
  m: {
    title: string;
    period: string;
    campaignId: number | null;
    heldOn: IsoDate;
    place: string;
    chair: string;
    participantIds: number[];
    secrecy: SecrecyLevel;
    at: string;
    userId: number | null;
  },
): Promise<number> {
  const row = await trx
    .insertInto('meeting')
    .values({
      title: m.title,
      period: m.period,
      campaign_id: m.campaignId,
      held_on: m.heldOn,
      place: m.place,
      chair: m.chair,
      participants: JSON.stringify(m.participantIds),
      status: 'planned',
      minutes: null,
      pack: null,
      pack_frozen_at: null,
      conclusion_number: null,
      conclusion_date: null,
      conclusion_text: null,
      secrecy: m.secrecy,
      created_at: m.at,
      created_by: m.userId,
      updated_at: m.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function loadMeetings(db: Kysely<Database>, ids?: number[]): Promise<MeetingRecord[]> {
  let q = db.selectFrom('meeting').selectAll();
  if (ids) q = q.where('id', 'in', ids.length > 0 ? ids : [-1]);
  const rows = await q.orderBy('held_on', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toRecord);
}

/** The meeting held last before `heldOn` (the one whose conclusions this meeting follows up). */
export async function previousMeeting(
  db: Kysely<Database>,
  heldOn: IsoDate,
  exceptId: number,
): Promise<MeetingRecord | null> {
  const row = await db
    .selectFrom('meeting')
    .selectAll()
    .where('held_on', '<', heldOn)
    .where('id', '!=', exceptId)
    .orderBy('held_on', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function updateMeeting(
  trx: Kysely<Database>,
  id: number,
  changes: Partial<{
    status: MeetingStatus;
    minutes: string | null;
    minutesSecrecy: SecrecyLevel;
    pack: string | null;
    packFrozenAt: string | null;
    conclusion: { number: string; date: IsoDate; text: string };
    place: string;
    chair: string;
    heldOn: IsoDate;
  }>,
  at: string,
): Promise<void> {
  await trx
    .updateTable('meeting')
    .set({
      updated_at: at,
      ...(changes.status !== undefined ? { status: changes.status } : {}),
      ...(changes.minutes !== undefined ? { minutes: changes.minutes } : {}),
      ...(changes.minutesSecrecy !== undefined ? { minutes_secrecy: changes.minutesSecrecy } : {}),
      ...(changes.pack !== undefined ? { pack: changes.pack } : {}),
      ...(changes.packFrozenAt !== undefined ? { pack_frozen_at: changes.packFrozenAt } : {}),
      ...(changes.place !== undefined ? { place: changes.place } : {}),
      ...(changes.chair !== undefined ? { chair: changes.chair } : {}),
      ...(changes.heldOn !== undefined ? { held_on: changes.heldOn } : {}),
      ...(changes.conclusion
        ? {
            conclusion_number: changes.conclusion.number,
            conclusion_date: changes.conclusion.date,
            conclusion_text: changes.conclusion.text,
          }
        : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function loadAgenda(db: Kysely<Database>, meetingId: number): Promise<AgendaItem[]> {
  const rows = await db
    .selectFrom('agenda_item')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    position: r.position,
    title: r.title,
    presenter: r.presenter,
    outcomeKind: r.outcome_kind as OutcomeKind,
    outcome: r.outcome,
    carriedTaskId: r.carried_task_id,
    secrecy: r.secrecy as SecrecyLevel | null,
  }));
}

export async function insertAgendaItem(
  trx: Kysely<Database>,
  meetingId: number,
  item: Omit<AgendaItem, 'id' | 'position'>,
): Promise<number> {
  const max = await trx
    .selectFrom('agenda_item')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  const row = await trx
    .insertInto('agenda_item')
    .values({
      meeting_id: meetingId,
      position: Number(max?.max ?? 0) + 1,
      title: item.title,
      presenter: item.presenter,
      outcome_kind: item.outcomeKind,
      outcome: item.outcome,
      carried_task_id: item.carriedTaskId,
      secrecy: item.secrecy ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateAgendaOutcome(
  trx: Kysely<Database>,
  meetingId: number,
  itemId: number,
  outcome: { outcomeKind: OutcomeKind; outcome: string | null },
): Promise<boolean> {
  const r = await trx
    .updateTable('agenda_item')
    .set({ outcome_kind: outcome.outcomeKind, outcome: outcome.outcome })
    .where('id', '=', itemId)
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
