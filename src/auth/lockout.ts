/**
 * Account lock-out after consecutive failed sign-ins, and a per-address throttle. Pure: the caller stores
 * the failure history and passes the current time.
 *
 * Timeline under the default policy: failures 1–4 cost nothing; the 5th locks the account for 15 min;
 * after the lock ends, each further failure locks it again for twice as long (30 min, 1 h, 2 h …), up to
 * 24 h. Attempts made while locked are refused before the password is checked and are not counted, so
 * someone who knows only the user name cannot keep the real user out for ever by hammering the form.
 */

export interface LockoutPolicy {
  /** Consecutive failures that lock the account. */
  threshold: number;
  /** Lock length at the threshold. */
  baseLockMs: number;
  /** Each failure beyond the threshold multiplies the lock by this. */
  multiplier: number;
  maxLockMs: number;
  /** The count is forgotten after this long without failures (measured from the end of the last lock). */
  resetAfterMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const DEFAULT_LOCKOUT_POLICY: Readonly<LockoutPolicy> = Object.freeze({
  threshold: 5,
  baseLockMs: 15 * MINUTE,
  multiplier: 2,
  maxLockMs: 24 * HOUR,
  resetAfterMs: 24 * HOUR,
});

/** What the caller stores per account. */
export interface FailureHistory {
  consecutiveFailures: number;
  lastFailureAt: Date | null;
}

export const NO_FAILURES: Readonly<FailureHistory> = Object.freeze({
  consecutiveFailures: 0,
  lastFailureAt: null,
});

/** Lock length after the `failures`-th consecutive failure: 0 below the threshold. */
export function lockDurationMs(failures: number, policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY): number {
  if (failures < policy.threshold) return 0;
  const exponent = failures - policy.threshold;
  // Computed stepwise so a large count cannot overflow to Infinity before the cap applies.
  let ms = policy.baseLockMs;
  for (let i = 0; i < exponent && ms < policy.maxLockMs; i++) ms *= policy.multiplier;
  return Math.min(ms, policy.maxLockMs);
}

/** End of the current lock, or null when the history does not lock the account. */
export function lockedUntil(
  history: FailureHistory,
  policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY,
): Date | null {
  const duration = lockDurationMs(history.consecutiveFailures, policy);
  if (duration === 0 || history.lastFailureAt === null) return null;
  return new Date(history.lastFailureAt.getTime() + duration);
}

export type SignInGate =
  | { allowed: true }
  | { allowed: false; lockedUntil: Date; retryAfterMs: number; messageVi: string; messageEn: string };

function formatUtc7(date: Date): string {
  // Users read times in Vietnam's zone whatever the server's zone is.
  const t = new Date(date.getTime() + 7 * HOUR);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())} ngày ${pad(t.getUTCDate())}/${pad(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}`;
}

/** Whether a sign-in attempt at `at` may be checked at all. The lock ends exactly at `lockedUntil`. */
export function checkSignInAllowed(
  history: FailureHistory,
  at: Date,
  policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY,
): SignInGate {
  const until = lockedUntil(history, policy);
  if (until === null || at.getTime() >= until.getTime()) return { allowed: true };
  return {
    allowed: false,
    lockedUntil: until,
    retryAfterMs: until.getTime() - at.getTime(),
    messageVi: `Tài khoản tạm khoá do đăng nhập sai nhiều lần. Vui lòng thử lại sau ${formatUtc7(until)}.`,
    messageEn: `The account is locked after repeated failed sign-ins. Try again after ${until.toISOString()}.`,
  };
}

/**
 * The history after a failed password (or second factor) at `at`. Call it only for attempts that
 * `checkSignInAllowed` let through.
 */
export function recordFailure(
  history: FailureHistory,
  at: Date,
  policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY,
): FailureHistory & { lockedUntil: Date | null } {
  let count = history.consecutiveFailures;
  if (history.lastFailureAt !== null) {
    const quietFrom = lockedUntil(history, policy) ?? history.lastFailureAt;
    if (at.getTime() - quietFrom.getTime() >= policy.resetAfterMs) count = 0;
  }
  const next: FailureHistory = { consecutiveFailures: count + 1, lastFailureAt: at };
  return { ...next, lockedUntil: lockedUntil(next, policy) };
}

/** The history after a successful sign-in: the count starts again. */
export function recordSuccess(): FailureHistory {
  return { ...NO_FAILURES };
}

// ---------------------------------------------------------------------------------------------------
// Per-address throttle

/**
 * Failed attempts from one network address across all accounts. Account lock-out alone does not stop one
 * machine trying one common password against many accounts (password spraying).
 */
export interface ThrottlePolicy {
  maxFailures: number;
  windowMs: number;
}

export const DEFAULT_IP_THROTTLE: Readonly<ThrottlePolicy> = Object.freeze({
  maxFailures: 20,
  windowMs: 10 * MINUTE,
});

/** Failure times still inside the window at `at`: what the caller keeps for the address. */
export function pruneFailures(
  failures: readonly Date[],
  at: Date,
  policy: ThrottlePolicy = DEFAULT_IP_THROTTLE,
): Date[] {
  const from = at.getTime() - policy.windowMs;
  return failures.filter((f) => f.getTime() > from && f.getTime() <= at.getTime());
}

/**
 * Sliding window: refused while `maxFailures` failures lie within the last `windowMs`; retry when the
 * oldest of them leaves the window.
 */
export function checkAddressThrottle(
  failures: readonly Date[],
  at: Date,
  policy: ThrottlePolicy = DEFAULT_IP_THROTTLE,
): { allowed: true } | { allowed: false; retryAfterMs: number; messageVi: string; messageEn: string } {
  const recent = pruneFailures(failures, at, policy).sort((a, b) => a.getTime() - b.getTime());
  if (recent.length < policy.maxFailures) return { allowed: true };
  const pivot = recent[recent.length - policy.maxFailures] as Date;
  return {
    allowed: false,
    retryAfterMs: pivot.getTime() + policy.windowMs - at.getTime(),
    messageVi: 'Có quá nhiều lần đăng nhập sai từ địa chỉ này. Vui lòng thử lại sau ít phút.',
    messageEn: 'Too many failed sign-ins from this address. Try again in a few minutes.',
  };
}
