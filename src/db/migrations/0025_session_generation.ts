import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { SLOTS } from './0021_data_generation.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the current schema types
type Db = Kysely<any>;

/** What a signed-in request is judged by, other than the moment it was last seen (a touch does not count). */
const SESSION_COLUMNS = [
  'token_hash',
  'user_id',
  'created_at',
  'csrf_token',
  'second_factor_done',
  'ip',
  'user_agent',
  'authenticated_at',
  'pending_totp_secret',
] as const;

/**
 * The session generation, moved on by triggers in the same transaction as every change to a session (ended, second
 * factor done, …) or to an account (role, unit, clearance, disabled, password, deleted) — not by a session being
 * touched, nor by a new one. Sessions read on a request are kept in memory under it (src/users/session-cache.ts):
 * a request that sees the committed change sees the new generation and reads its session again, on any process.
 * Slots on PostgreSQL as for the data generation (migration 0021), so that writers do not queue on one row.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('session_generation')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .execute();
  const sessionUpdate = `UPDATE OF ${SESSION_COLUMNS.join(', ')}`;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await db
      .insertInto('session_generation')
      .values(Array.from({ length: SLOTS }, (_, id) => ({ id, n: id === 0 ? 1 : 0 })))
      .execute();
    await sql`CREATE FUNCTION session_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN UPDATE session_generation SET n = n + 1 WHERE id = txid_current() % ${sql.lit(SLOTS)}; RETURN NULL; END $$`.execute(
      db,
    );
    for (const [name, table, events] of [
      ['user_session_generation', 'user_session', `${sessionUpdate} OR DELETE`],
      ['app_user_generation', 'app_user', 'UPDATE OR DELETE'],
    ] as const)
      await sql`CREATE TRIGGER ${sql.raw(name)} AFTER ${sql.raw(events)} ON ${sql.table(table)}
        FOR EACH STATEMENT EXECUTE FUNCTION session_generation_bump()`.execute(db);
    return;
  }
  await db.insertInto('session_generation').values({ id: 1, n: 1 }).execute();
  for (const [name, table, event] of [
    ['user_session_generation_update', 'user_session', sessionUpdate],
    ['user_session_generation_delete', 'user_session', 'DELETE'],
    ['app_user_generation_update', 'app_user', 'UPDATE'],
    ['app_user_generation_delete', 'app_user', 'DELETE'],
  ] as const)
    await sql`CREATE TRIGGER ${sql.raw(name)} AFTER ${sql.raw(event)} ON ${sql.table(table)}
      BEGIN UPDATE session_generation SET n = n + 1 WHERE id = 1; END`.execute(db);
}

export async function down(db: Db): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`DROP TRIGGER IF EXISTS user_session_generation ON user_session`.execute(db);
    await sql`DROP TRIGGER IF EXISTS app_user_generation ON app_user`.execute(db);
    await sql`DROP FUNCTION IF EXISTS session_generation_bump()`.execute(db);
  } else {
    for (const name of [
      'user_session_generation_update',
      'user_session_generation_delete',
      'app_user_generation_update',
      'app_user_generation_delete',
    ])
      await sql`DROP TRIGGER IF EXISTS ${sql.raw(name)}`.execute(db);
  }
  await db.schema.dropTable('session_generation').execute();
}
