import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

/** A round trip to the database; throws when it cannot be reached. */
export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`SELECT 1`.execute(db);
}

/** Names of the migrations the database has applied (Kysely's own bookkeeping table). */
export async function appliedMigrations(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  return rows.map((r) => r.name);
}

/** Sessions used since `since` (ISO instant): those not yet ended by the idle time-out. */
export async function countActiveSessions(db: Kysely<Database>, since: string): Promise<number> {
  const row = await db
    .selectFrom('user_session')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('last_seen_at', '>=', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
