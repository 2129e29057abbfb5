import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { monthPeriod, type Period } from '../periods/period.ts';
import { unitFiguresByKey } from '../values/repository.ts';

export interface FigureRow {
  unitId: number;
  indicatorId: number;
  optionId: number;
  period: string;
  value: number | null;
  comment: string | null;
}

const CHUNK = 500;

/** Stored figures of a form for some periods, for the given units (every unit when omitted). */
export async function readFigures(
  db: Kysely<Database>,
  q: { formId: number; periods: string[]; unitIds?: number[] },
): Promise<FigureRow[]> {
  if (q.periods.length === 0) return [];
  const select = (unitIds?: number[]) => {
    let query = db
      .selectFrom('data_value')
      .select(['unit_id', 'indicator_id', 'option_id', 'period', 'value', 'comment'])
      .where('form_id', '=', q.formId)
      .where('period', 'in', q.periods);
    if (unitIds) query = unitFiguresByKey(db, query.where('unit_id', 'in', unitIds), unitIds.length);
    return query.execute();
  };
  const rows = [];
  if (!q.unitIds) rows.push(...(await select()));
  else
    for (let i = 0; i < q.unitIds.length; i += CHUNK)
      rows.push(...(await select(q.unitIds.slice(i, i + CHUNK))));
  return rows.map((r) => ({
    unitId: r.unit_id,
    indicatorId: r.indicator_id,
    optionId: r.option_id,
    period: r.period,
    value: r.value,
    comment: r.comment,
  }));
}

/** The units that stored at least one figure of a form for a period. */
export async function reportingUnitIds(
  db: Kysely<Database>,
  formId: number,
  period: string,
): Promise<number[]> {
  const rows = await db
    .selectFrom('data_value')
    .select('unit_id')
    .distinct()
    .where('form_id', '=', formId)
    .where('period', '=', period)
    .where('value', 'is not', null)
    .execute();
  return rows.map((r) => r.unit_id);
}

/** The `count` reporting months before a month, oldest first. */
export function previousMonths(period: Period & { type: 'month' }, count: number): string[] {
  const out: string[] = [];
  for (let back = count; back >= 1; back--) out.push(monthPeriod(period.year, period.month - back).id);
  return out;
}

/**
 * A unit's figures of a form for the `count` months before a month, by "indicatorId|optionId", oldest first.
 * Only the unit's own figures: a unit created by the 2025 reform has no history of its own before it existed.
 */
export async function readUnitHistory(
  db: Kysely<Database>,
  q: { formId: number; unitId: number; period: Period & { type: 'month' }; months: number },
): Promise<Map<string, Array<{ period: string; value: number }>>> {
  const rows = await readFigures(db, {
    formId: q.formId,
    unitIds: [q.unitId],
    periods: previousMonths(q.period, q.months),
  });
  return historyByCell(rows);
}

export function historyByCell(rows: FigureRow[]): Map<string, Array<{ period: string; value: number }>> {
  const out = new Map<string, Array<{ period: string; value: number }>>();
  for (const row of rows) {
    if (row.value === null) continue;
    const key = `${row.indicatorId}|${row.optionId}`;
    const list = out.get(key);
    if (list) list.push({ period: row.period, value: row.value });
    else out.set(key, [{ period: row.period, value: row.value }]);
  }
  for (const list of out.values()) list.sort((a, b) => a.period.localeCompare(b.period));
  return out;
}
