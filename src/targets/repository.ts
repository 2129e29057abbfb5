import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { IsoDate } from '../vietnamese/dates.ts';

/** A deployment target: `indicator` to reach `targetValue` in each of the units by `deadline`. */
export interface TargetRecord {
  id: number;
  name: string;
  indicator: string;
  targetValue: number;
  deadline: IsoDate;
  /** The kind of unit measured (provinces); `unitIds` narrows it to a set, empty for all of that kind. */
  unitKind: string;
  unitIds: number[];
  meetingId: number | null;
}

function toRecord(r: Selectable<Database['deployment_target']>): TargetRecord {
  return {
    id: r.id,
    name: r.name,
    indicator: r.indicator,
    targetValue: r.target_value,
    deadline: r.deadline,
    unitKind: r.unit_kind,
    unitIds: JSON.parse(r.units) as number[],
    meetingId: r.meeting_id,
  };
}

export async function insertTarget(
  trx: Kysely<Database>,
  t: Omit<TargetRecord, 'id'>,
  at: string,
): Promise<number> {
  const row = await trx
    .insertInto('deployment_target')
    .values({
      name: t.name,
      indicator: t.indicator,
      target_value: t.targetValue,
      deadline: t.deadline,
      unit_kind: t.unitKind,
      units: JSON.stringify(t.unitIds),
      meeting_id: t.meetingId,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function loadTargets(db: Kysely<Database>, ids?: number[]): Promise<TargetRecord[]> {
  let query = db.selectFrom('deployment_target').selectAll();
  if (ids) query = query.where('id', 'in', ids.length > 0 ? ids : [-1]);
  return (await query.orderBy('deadline').execute()).map(toRecord);
}
