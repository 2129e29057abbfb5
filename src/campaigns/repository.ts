import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SecrecyLevel } from '../shared/secrecy.ts';
import type { IsoDate } from '../vietnamese/dates.ts';
import type { CampaignRule } from './window.ts';

/** One year's campaign of a series ("tet" is the Tết campaign, one per lunar year). */
export interface CampaignRecord {
  id: number;
  series: string;
  name: string;
  year: number;
  rule: CampaignRule;
  start: IsoDate;
  end: IsoDate;
  unitIds: number[];
  indicators: string[];
  rankBy: string | null;
  reportForm: string | null;
  secrecy: SecrecyLevel;
}

function toRecord(r: Selectable<Database['campaign']>): CampaignRecord {
  return {
    id: r.id,
    series: r.series,
    name: r.name,
    year: r.year,
    rule: JSON.parse(r.rule) as CampaignRule,
    start: r.start_date,
    end: r.end_date,
    unitIds: JSON.parse(r.units) as number[],
    indicators: JSON.parse(r.indicators) as string[],
    rankBy: r.rank_by,
    reportForm: r.report_form,
    secrecy: r.secrecy as SecrecyLevel,
  };
}

export async function insertCampaign(
  trx: Kysely<Database>,
  c: Omit<CampaignRecord, 'id'>,
  at: string,
): Promise<number> {
  const row = await trx
    .insertInto('campaign')
    .values({
      series: c.series,
      name: c.name,
      year: c.year,
      rule: JSON.stringify(c.rule),
      start_date: c.start,
      end_date: c.end,
      units: JSON.stringify(c.unitIds),
      indicators: JSON.stringify(c.indicators),
      rank_by: c.rankBy,
      report_form: c.reportForm,
      secrecy: c.secrecy,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function loadCampaigns(
  db: Kysely<Database>,
  q: { ids?: number[]; series?: string; year?: number } = {},
): Promise<CampaignRecord[]> {
  let query = db.selectFrom('campaign').selectAll();
  if (q.ids) query = query.where('id', 'in', q.ids.length > 0 ? q.ids : [-1]);
  if (q.series !== undefined) query = query.where('series', '=', q.series);
  if (q.year !== undefined) query = query.where('year', '=', q.year);
  const rows = await query.orderBy('start_date', 'desc').execute();
  return rows.map(toRecord);
}
