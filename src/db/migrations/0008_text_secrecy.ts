import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the current schema types
type Db = Kysely<any>;

/**
 * Texts carry their own secrecy level: a meeting's minutes and each agenda item may be classified above the
 * meeting itself (a Tuyệt mật item in a Mật meeting). Null keeps the meeting's level, as every existing row does.
 */
export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('meeting').addColumn('minutes_secrecy', 'text').execute();
  await db.schema.alterTable('agenda_item').addColumn('secrecy', 'text').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('agenda_item').dropColumn('secrecy').execute();
  await db.schema.alterTable('meeting').dropColumn('minutes_secrecy').execute();
}
