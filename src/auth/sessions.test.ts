import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  checkSession,
  DEFAULT_SESSION_POLICY,
  deriveCsrfToken,
  generateSessionToken,
  hashSessionToken,
  isRecentlyAuthenticated,
  isSessionValid,
  isWellFormedSessionToken,
  type SessionTimes,
  sessionExpiresAt,
  shouldTouch,
  verifyCsrfToken,
} from './sessions.ts';

const MIN = 60_000;
const T0 = new Date('2025-08-14T00:30:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('session tokens', () => {
  it('are 32 random bytes in base64url, stored only as their SHA-256', () => {
    const { token, tokenHash } = generateSessionToken();
    assert.equal(Buffer.from(token, 'base64url').length, 32);
    assert.ok(isWellFormedSessionToken(token));
    assert.equal(tokenHash, createHash('sha256').update(token).digest('hex'));
    assert.equal(hashSessionToken(token), tokenHash);
    assert.notEqual(generateSessionToken().token, token);
    assert.equal(isWellFormedSessionToken('short'), false);
    assert.equal(isWellFormedSessionToken(`${token.slice(0, 42)}=`), false);
  });
});

describe('session validity', () => {
  const fresh: SessionTimes = { createdAt: T0, lastSeenAt: T0 };

  it('ends after 15 idle minutes, exactly at the boundary', () => {
    assert.equal(isSessionValid(fresh, at(15 * MIN - 1)), true);
    const r = checkSession(fresh, at(15 * MIN));
    assert.equal(r.valid, false);
    if (!r.valid) assert.equal(r.reason, 'idle');
    assert.deepEqual(sessionExpiresAt(fresh), at(15 * MIN));
  });

  it('ends 8 hours after sign-in however active, exactly at the boundary', () => {
    const busy: SessionTimes = { createdAt: T0, lastSeenAt: at(8 * 60 * MIN - MIN) };
    const before = checkSession(busy, at(8 * 60 * MIN - 1));
    assert.deepEqual(before, { valid: true, expiresAt: at(8 * 60 * MIN) });
    const r = checkSession(busy, at(8 * 60 * MIN));
    assert.equal(r.valid, false);
    if (!r.valid) assert.equal(r.reason, 'expired');
  });

  it('ends when revoked, and follows a configured policy', () => {
    const r = checkSession({ ...fresh, revokedAt: at(MIN) }, at(2 * MIN));
    assert.equal(r.valid, false);
    if (!r.valid) assert.equal(r.reason, 'revoked');
    const policy = { ...DEFAULT_SESSION_POLICY, idleTimeoutMs: 30 * MIN };
    assert.equal(isSessionValid(fresh, at(20 * MIN), policy), true);
    assert.equal(isSessionValid(fresh, at(30 * MIN), policy), false);
  });

  it('writes lastSeenAt at most once a minute', () => {
    assert.equal(shouldTouch(fresh, at(59_999)), false);
    assert.equal(shouldTouch(fresh, at(MIN)), true);
  });

  it('asks for re-authentication five minutes after the last proof', () => {
    const s: SessionTimes = { createdAt: T0, lastSeenAt: at(30 * MIN), authenticatedAt: at(20 * MIN) };
    assert.equal(isRecentlyAuthenticated(s, at(25 * MIN - 1)), true);
    assert.equal(isRecentlyAuthenticated(s, at(25 * MIN)), false);
    assert.equal(isRecentlyAuthenticated(fresh, at(4 * MIN)), true);
  });
});

describe('CSRF tokens', () => {
  const key = new Uint8Array(32).fill(7);
  const otherKey = new Uint8Array(32).fill(8);

  it('are tied to the session and the key', () => {
    const a = generateSessionToken().tokenHash;
    const b = generateSessionToken().tokenHash;
    const token = deriveCsrfToken(a, key);
    assert.equal(verifyCsrfToken(token, a, key), true);
    assert.equal(verifyCsrfToken(token, b, key), false);
    assert.equal(verifyCsrfToken(token, a, otherKey), false);
    assert.equal(verifyCsrfToken('', a, key), false);
    assert.equal(verifyCsrfToken(`${token}x`, a, key), false);
    assert.throws(() => deriveCsrfToken(a, new Uint8Array(16)), RangeError);
  });
});
