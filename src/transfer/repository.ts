import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { unitFiguresByKey } from '../values/repository.ts';

const CHUNK = 500;

export interface ReportState {
  status: string;
  submittedAt: string | null;
}

/** Submission status of reports (form, period) by unit id; units without a row are drafts and are left out. */
export async function reportStates(
  db: Kysely<Database>,
  formId: number,
  period: string,
  unitIds: number[],
): Promise<Map<number, ReportState>> {
  const out = new Map<number, ReportState>();
  for (let i = 0; i < unitIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('submission')
      .select(['unit_id', 'status', 'submitted_at'])
      .where('form_id', '=', formId)
      .where('period', '=', period)
      .where('unit_id', 'in', unitIds.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) out.set(r.unit_id, { status: r.status, submittedAt: r.submitted_at });
  }
  return out;
}

export interface ExistingFigure {
  value: number | null;
  comment: string | null;
  version: number;
}

/** Stored figures of a form and period for some units, by "unitId|indicatorId|optionId". */
export async function existingFigures(
  db: Kysely<Database>,
  formId: number,
  period: string,
  unitIds: number[],
): Promise<Map<string, ExistingFigure>> {
  const out = new Map<string, ExistingFigure>();
  for (let i = 0; i < unitIds.length; i += CHUNK) {
    const units = unitIds.slice(i, i + CHUNK);
    const rows = await unitFiguresByKey(
      db,
      db
        .selectFrom('data_value')
        .select(['unit_id', 'indicator_id', 'option_id', 'value', 'comment', 'version'])
        .where('form_id', '=', formId)
        .where('period', '=', period)
        .where('unit_id', 'in', units),
      units.length,
    ).execute();
    for (const r of rows)
      out.set(`${r.unit_id}|${r.indicator_id}|${r.option_id}`, {
        value: r.value,
        comment: r.comment,
        version: r.version,
      });
  }
  return out;
}

export interface UidRows {
  units: Array<{ id: number; uid: string }>;
  indicators: Array<{ id: number; uid: string }>;
  options: Array<{ id: number; uid: string }>;
  forms: Array<{ id: number; uid: string }>;
}

/** The uids of every unit, indicator, option and form (migration 0013). */
export async function loadUids(db: Kysely<Database>): Promise<UidRows> {
  const of = (table: 'unit' | 'indicator' | 'indicator_option' | 'report_form') =>
    db
      .selectFrom(table)
      .select(['id', 'uid'])
      .where('uid', 'is not', null)
      .execute()
      .then((rows) => rows.map((r) => ({ id: r.id, uid: r.uid as string })));
  const [units, indicators, options, forms] = await Promise.all([
    of('unit'),
    of('indicator'),
    of('indicator_option'),
    of('report_form'),
  ]);
  return { units, indicators, options, forms };
}
