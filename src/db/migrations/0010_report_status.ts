import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the current schema types
type Db = Kysely<any>;

/**
 * Every stored figure belongs to a report with a status, since aggregates count figures by the status of their
 * report: figures written before this had no row when their report was never submitted, and get a draft row. An
 * index by period and status finds the reports an aggregate leaves out.
 */
export async function up(db: Db): Promise<void> {
  await sql`
    INSERT INTO submission (form_id, unit_id, period, status, version, updated_at)
    SELECT DISTINCT d.form_id, d.unit_id, d.period, 'draft', 1, c.at
    FROM data_value d JOIN change_set c ON c.id = d.change_id
    WHERE NOT EXISTS (
      SELECT 1 FROM submission s WHERE s.form_id = d.form_id AND s.unit_id = d.unit_id AND s.period = d.period
    )
    ON CONFLICT (form_id, period, unit_id) DO NOTHING`.execute(db);
  await db.schema
    .createIndex('submission_period_status_idx')
    .on('submission')
    .columns(['period', 'status'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('submission_period_status_idx').execute();
}
