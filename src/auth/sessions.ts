import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Session rules. The browser holds an opaque random token; the server stores only its SHA-256, so a
 * copy of the sessions table cannot be replayed as cookies. A fast hash is enough here (unlike passwords):
 * the token has 256 bits of entropy and cannot be guessed.
 */

export interface SessionPolicy {
  /** Ends a session left unused this long (TCVN 11930 idle time-out; 15 min suggested). */
  idleTimeoutMs: number;
  /** Ends any session this long after sign-in, used or not. */
  absoluteLifetimeMs: number;
  /** Sensitive actions (approve, reopen, declassify, user admin) need a sign-in at most this old. */
  reauthWindowMs: number;
  /** `lastSeenAt` is written at most this often, to spare the database a write per request. */
  touchIntervalMs: number;
}

const MINUTE = 60_000;

export const DEFAULT_SESSION_POLICY: Readonly<SessionPolicy> = Object.freeze({
  idleTimeoutMs: 15 * MINUTE,
  absoluteLifetimeMs: 8 * 60 * MINUTE,
  reauthWindowMs: 5 * MINUTE,
  touchIntervalMs: MINUTE,
});

/** What the rules need from a stored session. */
export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  /** Last time the user proved their password (and second factor); sign-in or re-authentication. */
  authenticatedAt?: Date;
  revokedAt?: Date | null;
}

const TOKEN_BYTES = 32;

/** SHA-256 of a session token, hex; the only form stored. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new session token for the cookie and the hash for the database. */
export function generateSessionToken(): { token: string; tokenHash: string } {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, tokenHash: hashSessionToken(token) };
}

/** True for strings shaped like our tokens; lets the server skip a database look-up for junk cookies. */
export function isWellFormedSessionToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

export type SessionCheck =
  | { valid: true; expiresAt: Date }
  | { valid: false; reason: 'revoked' | 'idle' | 'expired'; messageVi: string; messageEn: string };

/** The instant the session ends if not used again: the earlier of the idle and the absolute limit. */
export function sessionExpiresAt(
  session: SessionTimes,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Date {
  return new Date(
    Math.min(
      session.lastSeenAt.getTime() + policy.idleTimeoutMs,
      session.createdAt.getTime() + policy.absoluteLifetimeMs,
    ),
  );
}

/**
 * Whether the session may serve a request at `now`. Limits are exclusive: at exactly
 * lastSeenAt + idle (or createdAt + lifetime) the session has ended.
 */
export function checkSession(
  session: SessionTimes,
  now: Date,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): SessionCheck {
  const t = now.getTime();
  if (session.revokedAt != null) {
    return {
      valid: false,
      reason: 'revoked',
      messageVi: 'Phiên làm việc đã kết thúc. Vui lòng đăng nhập lại.',
      messageEn: 'The session has ended. Please sign in again.',
    };
  }
  if (t >= session.createdAt.getTime() + policy.absoluteLifetimeMs) {
    return {
      valid: false,
      reason: 'expired',
      messageVi: 'Phiên làm việc đã quá thời hạn tối đa. Vui lòng đăng nhập lại.',
      messageEn: 'The session has reached its maximum length. Please sign in again.',
    };
  }
  if (t >= session.lastSeenAt.getTime() + policy.idleTimeoutMs) {
    return {
      valid: false,
      reason: 'idle',
      messageVi: 'Phiên làm việc đã hết hạn do không hoạt động. Vui lòng đăng nhập lại.',
      messageEn: 'The session timed out after inactivity. Please sign in again.',
    };
  }
  return { valid: true, expiresAt: sessionExpiresAt(session, policy) };
}

export function isSessionValid(
  session: SessionTimes,
  now: Date,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): boolean {
  return checkSession(session, now, policy).valid;
}

/** True when `lastSeenAt` should be moved to `now` (the session is valid and the last write is old enough). */
export function shouldTouch(
  session: SessionTimes,
  now: Date,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= policy.touchIntervalMs;
}

/** True when the user proved their credentials recently enough for a sensitive action. */
export function isRecentlyAuthenticated(
  session: SessionTimes,
  now: Date,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): boolean {
  const at = session.authenticatedAt ?? session.createdAt;
  return now.getTime() - at.getTime() < policy.reauthWindowMs && at.getTime() <= now.getTime();
}

// ---------------------------------------------------------------------------------------------------
// CSRF

/**
 * Synchronizer token derived from the session: HMAC-SHA256(server key, "csrf" + session token hash).
 * Preferred to @fastify/csrf-protection's default, which keeps its own secret in a second cookie: here
 * the server already holds a session row, the token needs no extra storage, it changes whenever the
 * session does (sign-in, rotation) and dies with it at sign-out, and a token taken from one session is
 * worthless in another. The key comes from configuration (at least 32 random bytes); rotating it
 * invalidates open forms only. Cookies should still be SameSite=Strict; this is the second layer.
 */
export function deriveCsrfToken(sessionTokenHash: string, key: Uint8Array): string {
  if (key.length < 32) throw new RangeError('the CSRF key must be at least 32 bytes');
  return createHmac('sha256', key).update(`csrf\u0000${sessionTokenHash}`, 'utf8').digest('base64url');
}

/** Constant-time check of a submitted CSRF token against the session's. */
export function verifyCsrfToken(candidate: string, sessionTokenHash: string, key: Uint8Array): boolean {
  const expected = Buffer.from(deriveCsrfToken(sessionTokenHash, key), 'utf8');
  const given = Buffer.from(candidate, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
