import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/repository.ts';
import { checkSignInAllowed, DEFAULT_LOCKOUT_POLICY, recordFailure } from '../auth/lockout.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { requiresSecondFactor } from '../auth/roles.ts';
import {
  checkSession,
  DEFAULT_SESSION_POLICY,
  generateSessionToken,
  hashSessionToken,
  isWellFormedSessionToken,
  shouldTouch,
} from '../auth/sessions.ts';
import type { Database } from '../db/schema.ts';
import type { Store } from '../db/store.ts';
import { AppError } from '../shared/errors.ts';
import { findUserById, findUserByName, type User, userFromRow } from './repository.ts';
import { sessionCacheOf } from './session-cache.ts';
import { AddressThrottle } from './throttle.ts';

export interface ActiveSession {
  tokenHash: string;
  csrfToken: string;
  user: User;
  /** What the session still lacks: a TOTP code, or enrolling a second factor the role requires; null when complete. */
  pendingSecondFactor: 'code' | 'enrol' | null;
  authenticatedAt: Date;
}

/** Whether a user must pass a second factor after the password, and which step comes next. */
export function secondFactorStep(user: User): 'code' | 'enrol' | null {
  if (user.totpEnabled) return 'code';
  return requiresSecondFactor(user) ? 'enrol' : null;
}

/**
 * The one answer to an unknown name, a disabled or locked account and a wrong password: same status, same
 * body, and comparable time (a password hash is checked in every case), so the form reveals no account.
 */
const INVALID = new AppError(
  'unauthenticated',
  'Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang bị tạm khóa do nhập sai nhiều lần',
  'wrong username or password, or the account is temporarily locked',
);

const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0000000000000000000000000000000000000000000';

/**
 * Checks a password sign-in with lock-out, and opens a session. The same answer is given for an unknown user and
 * a wrong password, so that the sign-in page does not reveal which accounts exist.
 */
export async function signIn(
  store: Store,
  input: { username: string; password: string; ip: string | null; userAgent: string | null },
  now: Date,
  throttle: AddressThrottle = new AddressThrottle(),
): Promise<{ token: string; session: ActiveSession }> {
  throttle.check(input.ip, now);
  const user = await findUserByName(store.db, input.username);
  const failed = (trx: Kysely<Database>, actorId: number | null, reason: string) =>
    appendAudit(trx, {
      at: now.toISOString(),
      actorId,
      actorName: input.username.slice(0, 64),
      action: 'auth.sign_in_failed',
      target: `user:${input.username.slice(0, 64)}`,
      unitId: null,
      secrecy: 'none',
      details: { reason, ip: input.ip },
    });
  if (!user || user.disabled) {
    await store.write((trx) => failed(trx, null, user ? 'disabled' : 'unknown_user'));
    throttle.recordFailure(input.ip, now);
    // Spend comparable time on unknown users so response timing does not reveal them either.
    await verifyPassword(DUMMY_HASH, input.password).catch(() => false);
    throw INVALID;
  }
  const gate = checkSignInAllowed(
    {
      consecutiveFailures: user.failedCount,
      lastFailureAt: user.lastFailedAt ? new Date(user.lastFailedAt) : null,
    },
    now,
    DEFAULT_LOCKOUT_POLICY,
  );
  if (!gate.allowed) {
    // Not counted (someone knowing only the name cannot extend the lock), answered like an unknown name.
    await store.write((trx) => failed(trx, user.id, 'locked'));
    throttle.recordFailure(input.ip, now);
    await verifyPassword(DUMMY_HASH, input.password).catch(() => false);
    throw INVALID;
  }
  const ok = await verifyPassword(user.passwordHash, input.password);
  if (!ok) {
    const next = recordFailure(
      {
        consecutiveFailures: user.failedCount,
        lastFailureAt: user.lastFailedAt ? new Date(user.lastFailedAt) : null,
      },
      now,
      DEFAULT_LOCKOUT_POLICY,
    );
    await store.write(async (trx) => {
      await trx
        .updateTable('app_user')
        .set({
          failed_count: next.consecutiveFailures,
          last_failed_at: now.toISOString(),
          locked_until: next.lockedUntil ? next.lockedUntil.toISOString() : null,
        })
        .where('id', '=', user.id)
        .execute();
      await failed(trx, user.id, next.lockedUntil ? 'wrong_password_locked' : 'wrong_password');
    });
    throttle.recordFailure(input.ip, now);
    throw INVALID;
  }
  const { token, tokenHash } = generateSessionToken();
  const csrfToken = randomBytes(32).toString('base64url');
  await store.write(async (trx) => {
    // With a code still to pass, the count is cleared only by the code: otherwise signing in again with the
    // password would wipe the wrong codes tried from other sessions.
    if (secondFactorStep(user) !== 'code')
      await trx
        .updateTable('app_user')
        .set({ failed_count: 0, last_failed_at: null, locked_until: null })
        .where('id', '=', user.id)
        .execute();
    await trx
      .insertInto('user_session')
      .values({
        token_hash: tokenHash,
        user_id: user.id,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        csrf_token: csrfToken,
        second_factor_done: secondFactorStep(user) === null ? 1 : 0,
        ip: input.ip,
        user_agent: input.userAgent?.slice(0, 300) ?? null,
        authenticated_at: now.toISOString(),
        pending_totp_secret: null,
      })
      .execute();
    await appendAudit(trx, {
      at: now.toISOString(),
      actorId: user.id,
      actorName: `${user.username} (${user.displayName})`,
      action: 'auth.sign_in',
      target: `user:${user.id}`,
      unitId: user.unitId,
      secrecy: 'none',
      details: { ip: input.ip },
    });
  });
  const fresh = (await findUserById(store.db, user.id)) as User;
  return {
    token,
    session: {
      tokenHash,
      csrfToken,
      user: fresh,
      pendingSecondFactor: secondFactorStep(fresh),
      authenticatedAt: now,
    },
  };
}

/** Resolves a session cookie; expired or unknown sessions give null (and expired ones are removed). */
export async function resolveSession(
  store: Store,
  token: string | undefined,
  now: Date,
): Promise<ActiveSession | null> {
  if (!token || !isWellFormedSessionToken(token)) return null;
  const tokenHash = hashSessionToken(token);
  const cache = sessionCacheOf<SessionRow>(store);
  const generation = await cache.generation();
  const kept = cache.get(tokenHash, generation);
  // A kept session is used only while it is valid and needs no touch by its own (possibly older) last-seen time;
  // otherwise the stored one decides, since another process may have seen it since.
  if (kept && !needsStoredRow(kept, now)) return activeSession(tokenHash, kept);
  const row = await readSessionRow(store.db, tokenHash);
  if (!row) {
    cache.forget(tokenHash);
    return null;
  }
  const times = sessionTimes(row);
  if (!checkSession(times, now, DEFAULT_SESSION_POLICY).valid) {
    cache.forget(tokenHash);
    await store.write((trx) => trx.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute());
    return null;
  }
  let current = row;
  if (shouldTouch(times, now, DEFAULT_SESSION_POLICY)) {
    await store.write((trx) =>
      trx
        .updateTable('user_session')
        .set({ last_seen_at: now.toISOString() })
        .where('token_hash', '=', tokenHash)
        .execute(),
    );
    current = { ...row, session_last_seen_at: now.toISOString() };
  }
  cache.set(tokenHash, generation, current);
  return activeSession(tokenHash, current);
}

/** The session and its account in one statement. */
function readSessionRow(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .selectAll('u')
    .select([
      's.created_at as session_created_at',
      's.last_seen_at as session_last_seen_at',
      's.csrf_token as session_csrf_token',
      's.second_factor_done as session_second_factor_done',
      's.authenticated_at as session_authenticated_at',
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

type SessionRow = NonNullable<Awaited<ReturnType<typeof readSessionRow>>>;

function sessionTimes(row: SessionRow) {
  return { createdAt: new Date(row.session_created_at), lastSeenAt: new Date(row.session_last_seen_at) };
}

function needsStoredRow(row: SessionRow, now: Date): boolean {
  const times = sessionTimes(row);
  return (
    !checkSession(times, now, DEFAULT_SESSION_POLICY).valid || shouldTouch(times, now, DEFAULT_SESSION_POLICY)
  );
}

function activeSession(tokenHash: string, row: SessionRow): ActiveSession | null {
  const user = userFromRow(row);
  if (user.disabled) return null;
  return {
    tokenHash,
    csrfToken: row.session_csrf_token,
    user,
    pendingSecondFactor: row.session_second_factor_done === 1 ? null : secondFactorStep(user),
    authenticatedAt: new Date(row.session_authenticated_at ?? row.session_created_at),
  };
}

export async function signOut(store: Store, tokenHash: string): Promise<void> {
  await store.write((trx) => trx.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute());
}

/** Ends every session of a user ("sign out everywhere"). */
export async function signOutEverywhere(db: Kysely<Database>, userId: number): Promise<number> {
  const result = await db.deleteFrom('user_session').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Confirms the password of a signed-in user again, for a change that needs a recent sign-in. A wrong password
 * counts toward the lock-out like a failed sign-in; a locked account is refused.
 */
export async function reauthenticate(
  store: Store,
  session: ActiveSession,
  password: string,
  now: Date,
  throttle: AddressThrottle,
  ip: string | null,
): Promise<void> {
  throttle.check(ip, now);
  const user = await findUserByName(store.db, session.user.username);
  if (!user || user.disabled || user.id !== session.user.id) throw INVALID;
  const history = {
    consecutiveFailures: user.failedCount,
    lastFailureAt: user.lastFailedAt ? new Date(user.lastFailedAt) : null,
  };
  const allowed = checkSignInAllowed(history, now, DEFAULT_LOCKOUT_POLICY).allowed;
  const ok = allowed && (await verifyPassword(user.passwordHash, password));
  const actorName = `${user.username} (${user.displayName})`;
  if (!ok) {
    throttle.recordFailure(ip, now);
    const next = recordFailure(history, now, DEFAULT_LOCKOUT_POLICY);
    await store.write(async (trx) => {
      if (allowed)
        await trx
          .updateTable('app_user')
          .set({
            failed_count: next.consecutiveFailures,
            last_failed_at: now.toISOString(),
            locked_until: next.lockedUntil ? next.lockedUntil.toISOString() : null,
          })
          .where('id', '=', user.id)
          .execute();
      await appendAudit(trx, {
        at: now.toISOString(),
        actorId: user.id,
        actorName,
        action: 'auth.reauth_failed',
        target: `user:${user.id}`,
        unitId: user.unitId,
        secrecy: 'none',
        details: { ip, reason: allowed ? 'wrong_password' : 'locked' },
      });
    });
    throw new AppError('unauthenticated', 'Mật khẩu không đúng', 'wrong password', [
      { field: 'password', reason: 'không đúng' },
    ]);
  }
  await store.write(async (trx) => {
    await trx
      .updateTable('user_session')
      .set({ authenticated_at: now.toISOString() })
      .where('token_hash', '=', session.tokenHash)
      .execute();
    await appendAudit(trx, {
      at: now.toISOString(),
      actorId: user.id,
      actorName,
      action: 'auth.reauth',
      target: `user:${user.id}`,
      unitId: user.unitId,
      secrecy: 'none',
      details: { ip },
    });
  });
}
