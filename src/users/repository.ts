import type { Kysely, Selectable } from 'kysely';
import type { Role } from '../auth/roles.ts';
import type { Database } from '../db/schema.ts';
import type { SecrecyLevel } from '../shared/secrecy.ts';

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number;
  clearance: SecrecyLevel;
  totpEnabled: boolean;
  mustChangePassword: boolean;
  disabled: boolean;
  failedCount: number;
  lastFailedAt: string | null;
  lockedUntil: string | null;
  passwordChangedAt: string;
  /** Raised by every change an administrator makes; the change names the version it was read at. */
  version: number;
}

type UserRow = Selectable<Database['app_user']>;

export function userFromRow(r: UserRow): User {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role as Role,
    unitId: r.unit_id,
    clearance: r.clearance as SecrecyLevel,
    totpEnabled: r.totp_secret !== null,
    mustChangePassword: r.must_change_password === 1,
    disabled: r.disabled === 1,
    failedCount: r.failed_count,
    lastFailedAt: r.last_failed_at,
    lockedUntil: r.locked_until,
    passwordChangedAt: r.password_changed_at,
    version: r.version,
  };
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findUserByName(
  db: Kysely<Database>,
  username: string,
): Promise<
  (User & { passwordHash: string; totpSecret: string | null; totpLastStep: number | null }) | undefined
> {
  const r = await db
    .selectFrom('app_user')
    .selectAll()
    .where('username', '=', username.trim().toLowerCase())
    .executeTakeFirst();
  return r
    ? {
        ...userFromRow(r),
        passwordHash: r.password_hash,
        totpSecret: r.totp_secret,
        totpLastStep: r.totp_last_step,
      }
    : undefined;
}

export async function findUserById(db: Kysely<Database>, id: number): Promise<User | undefined> {
  const r = await db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? userFromRow(r) : undefined;
}

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  unitId: number;
  clearance: SecrecyLevel;
  mustChangePassword: boolean;
  at: string;
}

export async function insertUser(db: Kysely<Database>, u: NewUser): Promise<number> {
  const row = await db
    .insertInto('app_user')
    .values({
      username: u.username.trim().toLowerCase(),
      display_name: u.displayName,
      password_hash: u.passwordHash,
      role: u.role,
      unit_id: u.unitId,
      clearance: u.clearance,
      totp_secret: null,
      totp_last_step: null,
      must_change_password: u.mustChangePassword ? 1 : 0,
      failed_count: 0,
      last_failed_at: null,
      locked_until: null,
      disabled: 0,
      created_at: u.at,
      password_changed_at: u.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('password_history')
    .values({ user_id: row.id, password_hash: u.passwordHash, changed_at: u.at })
    .execute();
  return row.id;
}

export async function listUsers(db: Kysely<Database>): Promise<User[]> {
  const rows = await db.selectFrom('app_user').selectAll().orderBy('username').execute();
  return rows.map(userFromRow);
}

export interface AccountChange {
  displayName?: string | undefined;
  role?: Role | undefined;
  clearance?: SecrecyLevel | undefined;
  disabled?: boolean | undefined;
  unitId: number;
}

/** Applies a change to an account read at `version`; false when the account changed meanwhile. */
export async function updateAccountAt(
  db: Kysely<Database>,
  id: number,
  version: number,
  c: AccountChange,
): Promise<boolean> {
  const updated = await db
    .updateTable('app_user')
    .set((eb) => ({
      version: eb('version', '+', 1),
      ...(c.displayName ? { display_name: c.displayName } : {}),
      ...(c.role ? { role: c.role } : {}),
      ...(c.clearance ? { clearance: c.clearance } : {}),
      ...(c.disabled !== undefined ? { disabled: c.disabled ? 1 : 0 } : {}),
      unit_id: c.unitId,
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** A new temporary password, to be changed at the next sign-in; the lock-out is lifted. */
export async function setTemporaryPassword(db: Kysely<Database>, id: number, hash: string): Promise<void> {
  await db
    .updateTable('app_user')
    .set({
      password_hash: hash,
      must_change_password: 1,
      failed_count: 0,
      locked_until: null,
      last_failed_at: null,
    })
    .where('id', '=', id)
    .execute();
}
