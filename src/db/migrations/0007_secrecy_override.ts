import type { Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the current schema types
type Db = Kysely<any>;

/**
 * A level set by an authorised person for an aggregate, instead of the highest level of its inputs, with the reason
 * recorded. Never deleted: a withdrawn decision keeps its row with the time it was withdrawn.
 */
export async function up(db: Db): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('secrecy_override')
    .addColumn('id', 'integer', (c) =>
      postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey(),
    )
    .addColumn('indicator_id', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('set_by', 'integer')
    .addColumn('set_by_name', 'text', (c) => c.notNull())
    .addColumn('set_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .execute();
  await db.schema
    .createIndex('secrecy_override_unit_idx')
    .on('secrecy_override')
    .columns(['unit_id', 'indicator_id'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('secrecy_override').execute();
}
