import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the current schema types
type Db = Kysely<any>;

const TABLES = ['value_rollup', 'value_rollup_ytd'];

/**
 * On PostgreSQL, the roll-ups and their running totals are changed far more often than they are created: every
 * month's import updates the running totals of the rest of its year, every save the totals of its unit's ancestors.
 * Pages filled to the brim send each new row version to another page, and with it a new entry into the primary key
 * (measured: 116 of 136,620 updates of a year's import stayed on their page). Room left on each page lets a new
 * version stay beside the old one, the index untouched ("heap-only" updates). New pages only; existing ones as they
 * are rewritten.
 */
export async function up(db: Db): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const table of TABLES) await sql`ALTER TABLE ${sql.table(table)} SET (fillfactor = 50)`.execute(db);
}

export async function down(db: Db): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const table of TABLES) await sql`ALTER TABLE ${sql.table(table)} RESET (fillfactor)`.execute(db);
}
