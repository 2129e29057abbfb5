import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the current schema types
type Db = Kysely<any>;

/**
 * On PostgreSQL, the block range index on (period, unit) goes: bulk writes now store figures in the primary key's
 * order (period, indicator, unit, option, form), so that each new key is appended to the B-tree instead of searched
 * for, and a unit's figures no longer lie together in the table. Reads of a unit's figures name the indicators they
 * want and go through the primary key, one lookup per indicator.
 */
export async function up(db: Db): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`DROP INDEX data_value_unit_brin`.execute(db);
}

export async function down(db: Db): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`CREATE INDEX data_value_unit_brin ON data_value USING brin (period, unit_id)
    WITH (pages_per_range = 4, autosummarize = on)`.execute(db);
}
