import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { NewNotification, NotificationKind, Preference } from './model.ts';

export interface NotificationRow {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** Inserts the notifications whose key is new; returns how many were. Safe to call again with the same keys. */
export async function insertNotifications(
  db: Kysely<Database>,
  items: Array<NewNotification & { emailState: 'none' | 'pending' }>,
  at: string,
): Promise<number> {
  let inserted = 0;
  for (const item of items) {
    const result = await db
      .insertInto('notification')
      .values({
        user_id: item.userId,
        kind: item.kind,
        title: item.title,
        body: item.body,
        link: item.link,
        dedupe_key: item.key,
        created_at: at,
        read_at: null,
        email_state: item.emailState,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

export async function listForUser(
  db: Kysely<Database>,
  userId: number,
  limit: number,
): Promise<{ items: NotificationRow[]; unread: number }> {
  const rows = await db
    .selectFrom('notification')
    .select(['id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at'])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  const count = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      link: r.link,
      createdAt: r.created_at,
      readAt: r.read_at,
    })),
    unread: Number(count?.n ?? 0),
  };
}

export async function markRead(db: Kysely<Database>, userId: number, ids: number[] | 'all', at: string) {
  let q = db
    .updateTable('notification')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (ids !== 'all') {
    if (ids.length === 0) return;
    q = q.where('id', 'in', ids);
  }
  await q.execute();
}

export async function readPreferences(
  db: Kysely<Database>,
  userIds: number[],
): Promise<Map<number, Map<NotificationKind, { inApp: boolean; email: boolean }>>> {
  const out = new Map<number, Map<NotificationKind, { inApp: boolean; email: boolean }>>();
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('notification_preference')
    .selectAll()
    .where('user_id', 'in', userIds)
    .execute();
  for (const r of rows) {
    const map = out.get(r.user_id) ?? new Map();
    map.set(r.kind as NotificationKind, { inApp: r.in_app === 1, email: r.email === 1 });
    out.set(r.user_id, map);
  }
  return out;
}

export async function savePreferences(db: Kysely<Database>, userId: number, prefs: Preference[]) {
  await db.deleteFrom('notification_preference').where('user_id', '=', userId).execute();
  if (prefs.length === 0) return;
  await db
    .insertInto('notification_preference')
    .values(
      prefs.map((p) => ({ user_id: userId, kind: p.kind, in_app: p.inApp ? 1 : 0, email: p.email ? 1 : 0 })),
    )
    .execute();
}

/** The version of a user's notification choices (0 before any change). */
export async function readPreferencesVersion(db: Kysely<Database>, userId: number): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select('preferences_version')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.preferences_version ?? 0;
}

/** Raises the version of a user's choices from the one read; false when they changed meanwhile. */
export async function claimPreferencesVersion(
  db: Kysely<Database>,
  userId: number,
  readAt: number,
): Promise<boolean> {
  const result = await db
    .updateTable('app_user')
    .set((eb) => ({ preferences_version: eb('preferences_version', '+', 1) }))
    .where('id', '=', userId)
    .where('preferences_version', '=', readAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function readAddresses(db: Kysely<Database>, userIds: number[]): Promise<Map<number, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('notification_address')
    .selectAll()
    .where('user_id', 'in', userIds)
    .execute();
  return new Map(rows.map((r) => [r.user_id, r.email]));
}

export async function saveAddress(db: Kysely<Database>, userId: number, email: string | null) {
  await db.deleteFrom('notification_address').where('user_id', '=', userId).execute();
  if (email) await db.insertInto('notification_address').values({ user_id: userId, email }).execute();
}

export async function pendingEmails(db: Kysely<Database>, limit: number) {
  return db
    .selectFrom('notification')
    .innerJoin('notification_address', 'notification_address.user_id', 'notification.user_id')
    .select([
      'notification.id',
      'notification.title',
      'notification.body',
      'notification.link',
      'notification_address.email',
    ])
    .where('notification.email_state', '=', 'pending')
    .orderBy('notification.id')
    .limit(limit)
    .execute();
}

export async function setEmailState(db: Kysely<Database>, id: number, state: 'sent' | 'failed') {
  await db.updateTable('notification').set({ email_state: state }).where('id', '=', id).execute();
}

/** Active accounts of some units, with some roles: who is told about a unit's report or task. */
export async function usersOfUnits(
  db: Kysely<Database>,
  unitIds: number[],
  roles: string[],
): Promise<Array<{ id: number; unitId: number }>> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'unit_id'])
    .where('unit_id', 'in', unitIds)
    .where('role', 'in', roles)
    .where('disabled', '=', 0)
    .execute();
  return rows.map((r) => ({ id: r.id, unitId: r.unit_id }));
}

export async function usersWithRoles(db: Kysely<Database>, roles: string[]): Promise<number[]> {
  const rows = await db
    .selectFrom('app_user')
    .select('id')
    .where('role', 'in', roles)
    .where('disabled', '=', 0)
    .execute();
  return rows.map((r) => r.id);
}

/** Reports not yet sent (draft or returned) of some units for some periods, by "formId|unitId|period". */
export async function sentReports(db: Kysely<Database>, periods: string[]): Promise<Set<string>> {
  if (periods.length === 0) return new Set();
  const rows = await db
    .selectFrom('submission')
    .select(['form_id', 'unit_id', 'period', 'status'])
    .where('period', 'in', periods)
    .where('status', 'in', ['submitted', 'approved', 'locked'])
    .execute();
  return new Set(rows.map((r) => `${r.form_id}|${r.unit_id}|${r.period}`));
}
