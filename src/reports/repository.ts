/** SQL of the report module: the events register, the units' document settings and the issued versions. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SecrecyLevel } from '../shared/secrecy.ts';

export interface EventRecord {
  id: number;
  unitId: number;
  date: string;
  secrecy: SecrecyLevel;
  text: string;
  createdAt: string;
  createdByName: string;
}

export async function insertEvent(
  db: Kysely<Database>,
  e: Omit<EventRecord, 'id'> & { createdBy: number | null },
): Promise<number> {
  const row = await db
    .insertInto('report_event')
    .values({
      unit_id: e.unitId,
      date: e.date,
      secrecy: e.secrecy,
      text: e.text,
      created_at: e.createdAt,
      created_by: e.createdBy,
      created_by_name: e.createdByName,
      deleted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function markEventDeleted(
  db: Kysely<Database>,
  id: number,
  unitId: number,
  at: string,
): Promise<number> {
  const result = await db
    .updateTable('report_event')
    .set({ deleted_at: at })
    .where('id', '=', id)
    .where('unit_id', '=', unitId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Events of the given units dated within [start, end], oldest first; deleted ones are left out. */
export async function loadEvents(
  db: Kysely<Database>,
  unitIds: number[],
  start: string,
  end: string,
): Promise<EventRecord[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('report_event')
    .selectAll()
    .where('unit_id', 'in', unitIds)
    .where('date', '>=', start)
    .where('date', '<=', end)
    .where('deleted_at', 'is', null)
    .orderBy('date')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    unitId: r.unit_id,
    date: r.date,
    secrecy: r.secrecy as SecrecyLevel,
    text: r.text,
    createdAt: r.created_at,
    createdByName: r.created_by_name,
  }));
}

export interface DocumentSettingRecord {
  unitId: number;
  symbol: string | null;
  /** JSON text of the signers. */
  signers: string;
}

export async function loadDocumentSetting(
  db: Kysely<Database>,
  unitId: number,
): Promise<DocumentSettingRecord | null> {
  const row = await db
    .selectFrom('unit_document_setting')
    .selectAll()
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return row ? { unitId: row.unit_id, symbol: row.symbol, signers: row.signers } : null;
}

export async function upsertDocumentSetting(
  db: Kysely<Database>,
  s: DocumentSettingRecord & { updatedAt: string; updatedBy: number | null },
): Promise<void> {
  const values = { symbol: s.symbol, signers: s.signers, updated_at: s.updatedAt, updated_by: s.updatedBy };
  const existing = await db
    .selectFrom('unit_document_setting')
    .select('unit_id')
    .where('unit_id', '=', s.unitId)
    .executeTakeFirst();
  if (existing)
    await db.updateTable('unit_document_setting').set(values).where('unit_id', '=', s.unitId).execute();
  else
    await db
      .insertInto('unit_document_setting')
      .values({ unit_id: s.unitId, ...values })
      .execute();
}
