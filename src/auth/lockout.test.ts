import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkAddressThrottle,
  checkSignInAllowed,
  DEFAULT_LOCKOUT_POLICY,
  type FailureHistory,
  lockDurationMs,
  NO_FAILURES,
  pruneFailures,
  recordFailure,
  recordSuccess,
} from './lockout.ts';

const MIN = 60_000;
const T0 = new Date('2025-08-14T01:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('lock-out durations', () => {
  it('locks at the fifth failure for 15 minutes, then doubles up to 24 hours', () => {
    const table: [number, number][] = [
      [1, 0],
      [4, 0],
      [5, 15 * MIN],
      [6, 30 * MIN],
      [7, 60 * MIN],
      [8, 120 * MIN],
      [11, 960 * MIN],
      [12, 24 * 60 * MIN],
      [13, 24 * 60 * MIN],
      [10_000, 24 * 60 * MIN],
    ];
    for (const [failures, ms] of table) assert.equal(lockDurationMs(failures), ms, `after ${failures}`);
  });

  it('follows a configured policy', () => {
    const policy = {
      ...DEFAULT_LOCKOUT_POLICY,
      threshold: 3,
      baseLockMs: 5 * MIN,
      multiplier: 3,
      maxLockMs: 60 * MIN,
    };
    assert.deepEqual(
      [2, 3, 4, 5, 6].map((n) => lockDurationMs(n, policy) / MIN),
      [0, 5, 15, 45, 60],
    );
  });
});

describe('lock-out timeline', () => {
  it('allows four failures, locks on the fifth, and grows the lock on each failure after it ends', () => {
    let h: FailureHistory = { ...NO_FAILURES };
    for (let i = 0; i < 4; i++) {
      assert.equal(checkSignInAllowed(h, at(i * MIN)).allowed, true);
      const r = recordFailure(h, at(i * MIN));
      assert.equal(r.lockedUntil, null);
      h = r;
    }
    // 5th failure at minute 4: locked until minute 19.
    const fifth = recordFailure(h, at(4 * MIN));
    assert.deepEqual(fifth.lockedUntil, at(19 * MIN));
    h = fifth;
    const during = checkSignInAllowed(h, at(18 * MIN + 59_000));
    assert.equal(during.allowed, false);
    if (!during.allowed) {
      assert.equal(during.retryAfterMs, 1000);
      assert.deepEqual(during.lockedUntil, at(19 * MIN));
      assert.match(during.messageVi, /tạm khoá.*08:19 ngày 14\/08\/2025/);
    }
    // The lock ends exactly at lockedUntil.
    assert.equal(checkSignInAllowed(h, at(19 * MIN)).allowed, true);
    // 6th failure at minute 20: 30 minutes.
    h = recordFailure(h, at(20 * MIN));
    assert.deepEqual(checkSignInAllowed(h, at(20 * MIN)).allowed, false);
    assert.equal(checkSignInAllowed(h, at(49 * MIN + 59_999)).allowed, false);
    assert.equal(checkSignInAllowed(h, at(50 * MIN)).allowed, true);
    // 7th failure at minute 50: one hour.
    const seventh = recordFailure(h, at(50 * MIN));
    assert.deepEqual(seventh.lockedUntil, at(110 * MIN));
    // A success resets the count: the next failure costs nothing.
    h = recordSuccess();
    assert.deepEqual(h, NO_FAILURES);
    assert.equal(recordFailure(h, at(200 * MIN)).lockedUntil, null);
  });

  it('forgets old failures after a quiet day, counted from the end of the lock', () => {
    const locked: FailureHistory = { consecutiveFailures: 5, lastFailureAt: at(0) };
    // Lock ends at minute 15; one minute short of a quiet day after it the count continues.
    const soon = recordFailure(locked, at(15 * MIN + 24 * 60 * MIN - MIN));
    assert.equal(soon.consecutiveFailures, 6);
    const later = recordFailure(locked, at(15 * MIN + 24 * 60 * MIN));
    assert.equal(later.consecutiveFailures, 1);
    assert.equal(later.lockedUntil, null);
  });
});

describe('per-address throttle', () => {
  it('refuses the 21st failure within ten minutes and says when to retry', () => {
    const failures = Array.from({ length: 20 }, (_, i) => at(i * 15_000));
    assert.equal(checkAddressThrottle(failures.slice(0, 19), at(5 * MIN)).allowed, true);
    const gate = checkAddressThrottle(failures, at(5 * MIN));
    assert.equal(gate.allowed, false);
    // The oldest failure (t = 0) leaves the window at t = 10 min.
    if (!gate.allowed) assert.equal(gate.retryAfterMs, 5 * MIN);
    assert.equal(checkAddressThrottle(failures, at(10 * MIN)).allowed, true);
    assert.equal(pruneFailures(failures, at(10 * MIN)).length, 19);
  });
});
