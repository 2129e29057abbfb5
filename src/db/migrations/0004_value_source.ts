import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the current schema types
type Db = Kysely<any>;

/** Where a figure came from when it was read out of a narrative report: the words, their place, the document. */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('value_source')
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('form_id', 'integer', (c) => c.notNull())
    .addColumn('indicator_id', 'integer', (c) => c.notNull())
    .addColumn('option_id', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('document', 'text')
    .addColumn('excerpt', 'text', (c) => c.notNull())
    .addColumn('span_start', 'integer', (c) => c.notNull())
    .addColumn('span_end', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('value_source_pk', [
      'period',
      'unit_id',
      'form_id',
      'indicator_id',
      'option_id',
      'version',
    ])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('value_source').execute();
}
