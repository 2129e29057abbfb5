import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Secret, TOTP, URI } from 'otpauth';
import { createTotpSecret, generateTotp, isReplayedStep, totpStep, verifyTotp } from './totp.ts';

// RFC 6238 Appendix B: the SHA-1 key "12345678901234567890"; at 59 s the 8-digit code is 94287082.
const RFC_SECRET = Secret.fromLatin1('12345678901234567890').base32;
const OTHER_SECRET = Secret.fromLatin1('abcdefghijabcdefghij').base32;
const T = new Date('2025-08-14T01:00:15Z'); // 15 s into a step
const step = (n: number) => new Date(T.getTime() + n * 30_000);

describe('TOTP', () => {
  it('matches the RFC 6238 test vector (last six digits)', () => {
    assert.equal(generateTotp(RFC_SECRET, new Date(59_000)), '287082');
    assert.equal(generateTotp(RFC_SECRET, new Date(1_111_111_109_000)), '081804');
  });

  it('creates a 160-bit secret and an otpauth URL an app can read', () => {
    const { secretBase32, otpauthUrl } = createTotpSecret('nguyen.van.a');
    assert.equal(Secret.fromBase32(secretBase32).bytes.length, 20);
    const parsed = URI.parse(otpauthUrl);
    assert.ok(parsed instanceof TOTP);
    assert.equal(parsed.issuer, 'giaoban');
    assert.equal(parsed.label, 'nguyen.van.a');
    assert.equal(parsed.algorithm, 'SHA1');
    assert.equal(parsed.digits, 6);
    assert.equal(parsed.period, 30);
    assert.equal(parsed.secret.base32, secretBase32);
    assert.notEqual(createTotpSecret('x').secretBase32, secretBase32);
  });

  it('accepts the current code and one step either side, and nothing further', () => {
    const secretBase32 = RFC_SECRET;
    const code = generateTotp(secretBase32, T);
    assert.deepEqual(verifyTotp(secretBase32, code, T), { ok: true, step: totpStep(T) });
    assert.deepEqual(verifyTotp(secretBase32, code, step(1)), { ok: true, step: totpStep(T) });
    assert.deepEqual(verifyTotp(secretBase32, code, step(-1)), { ok: true, step: totpStep(T) });
    for (const n of [2, -2, 10]) {
      const r = verifyTotp(secretBase32, code, step(n));
      assert.equal(r.ok, false);
      if (!r.ok) assert.equal(r.reason, 'invalid');
    }
  });

  it('rejects a wrong code, another secret, and malformed input', () => {
    const secretBase32 = RFC_SECRET;
    const code = generateTotp(secretBase32, T);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    assert.equal(verifyTotp(secretBase32, wrong, T).ok, false);
    // A code from another account's secret (checked to differ at these fixed instants).
    assert.ok([-1, 0, 1].every((n) => generateTotp(OTHER_SECRET, step(n)) !== code));
    assert.equal(verifyTotp(OTHER_SECRET, code, T).ok, false);
    for (const bad of ['', '12345', '1234567', 'abcdef', '12 34 5a']) {
      const r = verifyTotp(secretBase32, bad, T);
      assert.equal(r.ok, false);
      if (!r.ok) assert.equal(r.reason, 'malformed', bad);
    }
    // Spaces as the apps display them are accepted.
    assert.equal(verifyTotp(secretBase32, `${code.slice(0, 3)} ${code.slice(3)}`, T).ok, true);
  });

  it('refuses a replayed code, and codes of earlier steps once a later one was used', () => {
    const secretBase32 = OTHER_SECRET;
    const current = generateTotp(secretBase32, T);
    const first = verifyTotp(secretBase32, current, T);
    assert.equal(first.ok, true);
    const lastUsedStep = first.ok ? first.step : -1;
    const again = verifyTotp(secretBase32, current, step(0.5), lastUsedStep);
    assert.equal(again.ok, false);
    if (!again.ok) assert.equal(again.reason, 'replayed');
    // The previous step's code is still inside the window but older than the one used.
    const previous = generateTotp(secretBase32, step(-1));
    assert.notEqual(previous, current);
    const r = verifyTotp(secretBase32, previous, T, lastUsedStep);
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.reason, 'replayed');
    // The next step's code is accepted and moves lastUsedStep on.
    const next = verifyTotp(secretBase32, generateTotp(secretBase32, step(1)), step(1), lastUsedStep);
    assert.deepEqual(next, { ok: true, step: lastUsedStep + 1 });
    assert.equal(isReplayedStep(10, null), false);
    assert.equal(isReplayedStep(10, 9), false);
    assert.equal(isReplayedStep(10, 10), true);
  });

  it('fails closed on an unreadable stored secret', () => {
    const r = verifyTotp('!!!not-base32!!!', '123456', T);
    assert.equal(r.ok, false);
  });
});
