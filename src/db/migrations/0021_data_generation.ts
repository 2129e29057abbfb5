import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the current schema types
type Db = Kysely<any>;

/**
 * The data generation: one counter, moved on in the same transaction as every write that an analytics answer
 * depends on (figures — each write of figures records a change set —, report statuses, drafts, secrecy decisions,
 * units, tasks and meetings), by triggers, so that no write path can forget it. Cached answers are keyed by it: a
 * reader that sees a committed write sees the new generation, on any process or replica.
 */
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
  await db.insertInto('data_generation').values({ id: 1, n: 1 }).execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`CREATE FUNCTION data_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; RETURN NULL; END $$`.execute(db);
    for (const t of TABLES)
      await sql`CREATE TRIGGER ${sql.raw(`${t}_generation`)} AFTER INSERT OR UPDATE OR DELETE ON ${sql.table(t)}
        FOR EACH STATEMENT EXECUTE FUNCTION data_generation_bump()`.execute(db);
    return;
  }
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
