import type { Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the current schema types
type Db = Kysely<any>;

/**
 * The in-app inbox and what each user chooses to receive. A notification's key makes sending it idempotent: the
 * periodic job may run any number of times and a deadline is announced once.
 */
export async function up(db: Db): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('notification')
    .addColumn('id', 'integer', (c) =>
      postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey(),
    )
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('email_state', 'text', (c) => c.notNull().defaultTo('none'))
    .execute();
  await db.schema
    .createIndex('notification_user_idx')
    .on('notification')
    .columns(['user_id', 'id'])
    .execute();
  await db.schema
    .createTable('notification_preference')
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('in_app', 'integer', (c) => c.notNull())
    .addColumn('email', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preference_pk', ['user_id', 'kind'])
    .execute();
  await db.schema
    .createTable('notification_address')
    .addColumn('user_id', 'integer', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('notification_address').execute();
  await db.schema.dropTable('notification_preference').execute();
  await db.schema.dropTable('notification').execute();
}
