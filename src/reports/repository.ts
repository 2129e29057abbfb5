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
  /** 0 before the first save. */
  version: number;
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
  return row ? { unitId: row.unit_id, symbol: row.symbol, signers: row.signers, version: row.version } : null;
}

/**
 * Saves a unit's settings over the version read (0: none saved yet) and raises it; false when someone saved
 * them meanwhile, and nothing is written.
 */
export async function upsertDocumentSetting(
  db: Kysely<Database>,
  s: DocumentSettingRecord & { updatedAt: string; updatedBy: number | null },
): Promise<boolean> {
  const values = { symbol: s.symbol, signers: s.signers, updated_at: s.updatedAt, updated_by: s.updatedBy };
  const existing = await db
    .selectFrom('unit_document_setting')
    .select('unit_id')
    .where('unit_id', '=', s.unitId)
    .executeTakeFirst();
  if (existing) {
    const result = await db
      .updateTable('unit_document_setting')
      .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
      .where('unit_id', '=', s.unitId)
      .where('version', '=', s.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
  if (s.version !== 0) return false;
  await db
    .insertInto('unit_document_setting')
    .values({ unit_id: s.unitId, ...values, version: 1 })
    .execute();
  return true;
}

export interface IssueRecord {
  id: number;
  unitId: number;
  period: string;
  version: number;
  status: 'issued' | 'withdrawn' | 'replaced';
  issuedAt: string;
  issuedByName: string;
  signer: string;
  content: string;
  endedAt: string | null;
  endedReason: string | null;
}

type IssueRow = {
  id: number;
  unit_id: number;
  period: string;
  version: number;
  status: string;
  issued_at: string;
  issued_by_name: string;
  signer: string;
  content: string;
  ended_at: string | null;
  ended_reason: string | null;
};

function toIssue(r: IssueRow): IssueRecord {
  return {
    id: Number(r.id),
    unitId: r.unit_id,
    period: r.period,
    version: r.version,
    status: r.status as IssueRecord['status'],
    issuedAt: r.issued_at,
    issuedByName: r.issued_by_name,
    signer: r.signer,
    content: r.content,
    endedAt: r.ended_at,
    endedReason: r.ended_reason,
  };
}

/** Every issued version of a unit's report for a period, newest first. */
export async function loadIssues(
  db: Kysely<Database>,
  unitId: number,
  period: string,
): Promise<IssueRecord[]> {
  const rows = await db
    .selectFrom('report_issue')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('period', '=', period)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => toIssue(r as IssueRow));
}

export async function loadIssue(db: Kysely<Database>, id: number): Promise<IssueRecord | null> {
  const row = await db.selectFrom('report_issue').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toIssue(row as IssueRow) : null;
}

export async function insertIssue(
  db: Kysely<Database>,
  i: Omit<IssueRecord, 'id' | 'endedAt' | 'endedReason'> & { issuedBy: number | null },
): Promise<number> {
  const row = await db
    .insertInto('report_issue')
    .values({
      unit_id: i.unitId,
      period: i.period,
      version: i.version,
      status: i.status,
      issued_at: i.issuedAt,
      issued_by: i.issuedBy,
      issued_by_name: i.issuedByName,
      signer: i.signer,
      content: i.content,
      ended_at: null,
      ended_reason: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function endIssue(
  db: Kysely<Database>,
  id: number,
  status: 'withdrawn' | 'replaced',
  at: string,
  reason: string,
): Promise<void> {
  await db
    .updateTable('report_issue')
    .set({ status, ended_at: at, ended_reason: reason })
    .where('id', '=', id)
    .execute();
}

/** Sets the status of the written parts ('final' once issued, 'draft' again after a withdrawal). */
export async function setDraftStatus(
  db: Kysely<Database>,
  unitId: number,
  period: string,
  status: 'draft' | 'final',
): Promise<void> {
  await db
    .updateTable('report_draft')
    .set({ status })
    .where('unit_id', '=', unitId)
    .where('period', '=', period)
    .execute();
}

/**
 * The moment the version in force of a unit's report was computed as of, as recorded when it was issued (older
 * records have none: their issue instant stands for it); null when no version is in force.
 */
export async function loadIssuedMoment(
  db: Kysely<Database>,
  unitId: number,
  period: string,
): Promise<{ issuedAt: string; moment: { date: string; basis: string; figuresAsOf: string } | null } | null> {
  const row = await db
    .selectFrom('report_issue')
    .select(['issued_at', 'content'])
    .where('unit_id', '=', unitId)
    .where('period', '=', period)
    .where('status', '=', 'issued')
    .orderBy('version', 'desc')
    .executeTakeFirst();
  if (!row) return null;
  const content = JSON.parse(row.content) as {
    issueMoment?: { date?: unknown; basis?: unknown; figuresAsOf?: unknown };
  };
  const m = content.issueMoment;
  const moment =
    m && typeof m.date === 'string' && typeof m.basis === 'string' && typeof m.figuresAsOf === 'string'
      ? { date: m.date, basis: m.basis, figuresAsOf: m.figuresAsOf }
      : null;
  return { issuedAt: row.issued_at, moment };
}
