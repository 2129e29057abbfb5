import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the current schema types
type Db = Kysely<any>;

/**
 * Sessions remember when the password (and second factor) was last proved, for re-authentication before
 * sensitive actions, and hold a TOTP secret being enrolled until the user confirms it with a first code.
 */
export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('user_session').addColumn('authenticated_at', 'text').execute();
  await db.schema.alterTable('user_session').addColumn('pending_totp_secret', 'text').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('user_session').dropColumn('pending_totp_secret').execute();
  await db.schema.alterTable('user_session').dropColumn('authenticated_at').execute();
}
