import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the current schema types
type Db = Kysely<any>;

/**
 * A version on every text that is edited in place, so that an update names the version it was read at and two
 * people editing the same meeting (minutes, agenda, conclusion, directives), a unit's document settings, an
 * account or a user's notification choices cannot silently overwrite each other.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .alterTable('meeting')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('unit_document_setting')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('app_user')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('app_user')
    .addColumn('preferences_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('app_user').dropColumn('preferences_version').execute();
  await db.schema.alterTable('app_user').dropColumn('version').execute();
  await db.schema.alterTable('unit_document_setting').dropColumn('version').execute();
  await db.schema.alterTable('meeting').dropColumn('version').execute();
}
