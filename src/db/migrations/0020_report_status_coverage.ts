import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the current schema types
type Db = Kysely<any>;

/**
 * Every answer about figures states the reports behind it by status: for the nation's month compared with the
 * month before, last year and the year to date, the status of some 50,000 reports. An index by form, period and
 * status that carries the unit answers that read from the index alone, already in the order it groups by, instead
 * of visiting each report's row.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createIndex('submission_form_period_status_idx')
    .on('submission')
    .columns(['form_id', 'period', 'status', 'unit_id'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('submission_form_period_status_idx').execute();
}
