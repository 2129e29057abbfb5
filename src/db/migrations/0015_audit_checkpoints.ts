import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the current schema types
type Db = Kysely<any>;

/**
 * Signed checkpoints of the audit chain's head, kept in the database (append-only, as the log) and in a file beside
 * the signing key. The database copy is a convenience; the file and the key are what someone holding only the
 * database cannot rewrite. Also records from which change set on stored figures are sealed in the chain: change
 * sets written before this migration carry no seal and are reported as not covered, not as tampered.
 */
export async function up(db: Db): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('audit_checkpoint')
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('head_hash', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_checkpoint_pk', ['seq', 'key_id'])
    .execute();
  if (postgres) {
    // The function comes from migration 0009.
    await sql`CREATE TRIGGER audit_checkpoint_no_change BEFORE UPDATE OR DELETE ON audit_checkpoint
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
    await sql`CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`.execute(db);
  } else {
    await sql`CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE ON audit_checkpoint
      BEGIN SELECT RAISE(ABORT, 'audit_checkpoint is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER audit_checkpoint_no_delete BEFORE DELETE ON audit_checkpoint
      BEGIN SELECT RAISE(ABORT, 'audit_checkpoint is append-only'); END`.execute(db);
  }
  await sql`INSERT INTO meta (key, value)
    SELECT 'audit.figures_sealed_from', CAST(COALESCE(MAX(id), 0) + 1 AS TEXT) FROM change_set`.execute(db);
}

export async function down(db: Db): Promise<void> {
  await db.deleteFrom('meta').where('key', '=', 'audit.figures_sealed_from').execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`DROP TRIGGER IF EXISTS audit_checkpoint_no_truncate ON audit_checkpoint`.execute(db);
    await sql`DROP TRIGGER IF EXISTS audit_checkpoint_no_change ON audit_checkpoint`.execute(db);
  }
  await db.schema.dropTable('audit_checkpoint').execute();
}
