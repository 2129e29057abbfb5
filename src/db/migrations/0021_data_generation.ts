import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the current schema types
type Db = Kysely<any>;

/**
 * The data generation, moved on in the same transaction as every write that an analytics answer depends on (figures
 * — each write of figures records a change set —, report statuses, drafts, secrecy decisions, units, tasks and
 * meetings), by triggers, so that no write path can forget it. Cached answers are keyed by it: a reader that sees a
 * committed write sees the new generation, on any process.
 *
 * The generation is the sum of the rows' counters. SQLite has one writer at a time and one row. PostgreSQL has
 * SLOTS rows and each transaction moves on the row of its transaction id modulo SLOTS: a single row would be locked
 * by every writing transaction until its commit (fsync included) and so make all writers wait in turn, while
 * transactions running at the same time have nearby ids and so different rows. Each committed writing transaction
 * adds at least one to the sum, and a later snapshot sees every transaction an earlier one saw, so the sum read
 * before the data never stays the same across a committed write.
 */
export const SLOTS = 16;

const TABLES = [
  'change_set',
  'submission',
  'submission_event',
  'report_event',
  'report_draft',
  'secrecy_override',
  'unit',
  'unit_version',
  'unit_parent',
  'unit_lineage',
  'meeting',
  'task',
  'task_event',
] as const;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('data_generation')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await db
      .insertInto('data_generation')
      .values(Array.from({ length: SLOTS }, (_, id) => ({ id, n: id === 0 ? 1 : 0 })))
      .execute();
    await sql`CREATE FUNCTION data_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN UPDATE data_generation SET n = n + 1 WHERE id = txid_current() % ${sql.lit(SLOTS)}; RETURN NULL; END $$`.execute(
      db,
    );
    for (const t of TABLES)
      await sql`CREATE TRIGGER ${sql.raw(`${t}_generation`)} AFTER INSERT OR UPDATE OR DELETE ON ${sql.table(t)}
        FOR EACH STATEMENT EXECUTE FUNCTION data_generation_bump()`.execute(db);
    return;
  }
  await db.insertInto('data_generation').values({ id: 1, n: 1 }).execute();
  for (const t of TABLES)
    for (const op of ['insert', 'update', 'delete'])
      await sql`CREATE TRIGGER ${sql.raw(`${t}_generation_${op}`)} AFTER ${sql.raw(op.toUpperCase())} ON ${sql.table(t)}
        BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END`.execute(db);
}

export async function down(db: Db): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const t of TABLES)
      await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${t}_generation`)} ON ${sql.table(t)}`.execute(db);
    await sql`DROP FUNCTION IF EXISTS data_generation_bump()`.execute(db);
  } else {
    for (const t of TABLES)
      for (const op of ['insert', 'update', 'delete'])
        await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${t}_generation_${op}`)}`.execute(db);
  }
  await db.schema.dropTable('data_generation').execute();
}
