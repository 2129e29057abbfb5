import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseOptions } from '@node-rs/argon2';
import {
  ARGON2_PARAMS,
  COMMON_PASSWORDS,
  checkPasswordPolicy,
  checkPasswordRules,
  DEFAULT_PASSWORD_POLICY,
  generatePassword,
  hashPassword,
  isPasswordExpired,
  needsRehash,
  verifyPassword,
} from './passwords.ts';

const codes = (list: { code: string }[]) => list.map((v) => v.code);

describe('password hashing', () => {
  it('hashes with argon2id at the exported parameters and verifies', async () => {
    const stored = await hashPassword('Đổi-mật-khẩu 2025!');
    assert.match(stored, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const o = parseOptions(stored);
    assert.equal(o.memoryCost, ARGON2_PARAMS.memoryCost);
    assert.equal(o.timeCost, 2);
    assert.equal(o.parallelism, 1);
    assert.equal(await verifyPassword(stored, 'Đổi-mật-khẩu 2025!'), true);
    assert.equal(needsRehash(stored), false);
  });

  it('rejects a wrong password, a near miss and a corrupt hash', async () => {
    const stored = await hashPassword('Correct-Horse-7');
    assert.equal(await verifyPassword(stored, 'Correct-Horse-8'), false);
    assert.equal(await verifyPassword(stored, 'correct-horse-7'), false);
    assert.equal(await verifyPassword(stored, ''), false);
    assert.equal(await verifyPassword('not a hash', 'Correct-Horse-7'), false);
    assert.equal(await verifyPassword(stored.slice(0, -4), 'Correct-Horse-7'), false);
  });

  it('salts: the same password hashes differently each time', async () => {
    const a = await hashPassword('Same-Password-1');
    const b = await hashPassword('Same-Password-1');
    assert.notEqual(a, b);
  });

  it('treats composed and decomposed Vietnamese text as the same password', async () => {
    const composed = 'Mật khẩu Đà Nẵng 9!';
    const decomposed = composed.normalize('NFD');
    assert.notEqual(composed, decomposed);
    assert.equal(await verifyPassword(await hashPassword(composed), decomposed), true);
  });

  it('asks for a rehash of hashes made with other parameters', async () => {
    const { hash } = await import('@node-rs/argon2');
    const weak = await hash('Old-Password-1', { memoryCost: 4096, timeCost: 1 });
    assert.equal(needsRehash(weak), true);
    assert.equal(needsRehash('garbage'), true);
  });
});

describe('generated passwords', () => {
  it('always satisfy the policy and avoid look-alike characters', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const p = generatePassword();
      assert.equal(p.length, 16);
      assert.deepEqual(codes(checkPasswordRules(p)), [], p);
      assert.doesNotMatch(p, /[0Oo1lI5S2Z'"`|]/);
      seen.add(p);
    }
    assert.equal(seen.size, 300);
    assert.equal(generatePassword(24).length, 24);
    assert.throws(() => generatePassword(8), RangeError);
  });
});

describe('password policy', () => {
  it('accepts a good password', () => {
    assert.deepEqual(checkPasswordRules('Giao-ban tháng 7!', { username: 'nguyenvana' }), []);
  });

  it('names every broken composition rule with Vietnamese and English messages', () => {
    const found = checkPasswordRules('abc');
    assert.deepEqual(codes(found), [
      'too_short',
      'missing_upper',
      'missing_digit',
      'missing_special',
      'blocklisted',
    ]);
    for (const v of found) {
      assert.ok(v.messageVi.length > 0 && v.messageEn.length > 0);
    }
    assert.match(found[0]?.messageVi ?? '', /ít nhất 12 ký tự/);
    assert.deepEqual(codes(checkPasswordRules('ALLUPPERCASE12#')), ['missing_lower']);
    assert.deepEqual(codes(checkPasswordRules('NoDigitsHere#!x')), ['missing_digit']);
    assert.deepEqual(codes(checkPasswordRules('NoSpecials12345')), ['missing_special']);
  });

  it('counts Vietnamese letters as upper and lower case and counts characters, not bytes', () => {
    assert.deepEqual(codes(checkPasswordRules('ĐƯỜNG phố 12 !')), []);
    // 11 characters that are 15 UTF-16 units in decomposed form: still too short; 12 are enough.
    const decomposed = 'Ấp Bắc 1963'.normalize('NFD');
    assert.equal(decomposed.length, 15);
    assert.deepEqual(codes(checkPasswordRules(decomposed)), ['too_short']);
    assert.deepEqual(codes(checkPasswordRules(`${decomposed}!`)), []);
  });

  it('keeps the rules configurable', () => {
    assert.deepEqual(codes(checkPasswordRules('Short1!x', { minLength: 8 })), []);
    assert.deepEqual(
      codes(checkPasswordRules('lowercase only words', { requireUpper: false, requireDigit: false })),
      [],
    );
    assert.deepEqual(codes(checkPasswordRules(`${'x'.repeat(30)}A1!`, { maxLength: 32 })), ['too_long']);
    assert.equal(DEFAULT_PASSWORD_POLICY.minLength, 12);
    assert.equal(DEFAULT_PASSWORD_POLICY.historySize, 5);
  });

  it('refuses the user name inside the password, ignoring case and diacritics', () => {
    assert.deepEqual(codes(checkPasswordRules('NguyenVanA@2025', { username: 'nguyenvana' })), [
      'contains_username',
    ]);
    assert.deepEqual(codes(checkPasswordRules('Nguyễn Văn A #2025', { username: 'nguyenvana' })), [
      'contains_username',
    ]);
    assert.deepEqual(codes(checkPasswordRules('Tuan-Anh-Hai#2025', { username: 'ab' })), []);
  });

  it('refuses common passwords dressed up to pass the composition rule', () => {
    for (const p of [
      'Matkhau@123456',
      'P@ssw0rd12345',
      'P@$$w0rd-2025',
      'Password123!!',
      '123456Qwerty!',
      'Mật Khẩu 2025!',
    ]) {
      assert.ok(codes(checkPasswordRules(p)).includes('blocklisted'), p);
    }
    assert.ok(codes(checkPasswordRules('12345678')).includes('blocklisted'));
    assert.ok(!codes(checkPasswordRules('Congan@2025xx')).includes('blocklisted'));
    assert.deepEqual(codes(checkPasswordRules('Hoa-Sen-Trang-7', { blocklist: ['hoasentrang'] })), [
      'blocklisted',
    ]);
    assert.deepEqual(codes(checkPasswordRules('Matkhau@123456', { blocklist: [] })), []);
    assert.ok(COMMON_PASSWORDS.includes('matkhau'));
  });

  it('refuses reuse of one of the last five passwords and forgets older ones', async () => {
    const history = await Promise.all(
      [
        'Old-Pass-6!aa',
        'Old-Pass-5!aa',
        'Old-Pass-4!aa',
        'Old-Pass-3!aa',
        'Old-Pass-2!aa',
        'Old-Pass-1!aa',
      ].map(hashPassword),
    );
    assert.deepEqual(codes(await checkPasswordPolicy('Old-Pass-4!aa', { recentHashes: history })), [
      'reused',
    ]);
    assert.deepEqual(codes(await checkPasswordPolicy('Old-Pass-6!aa', { recentHashes: history })), [
      'reused',
    ]);
    // The sixth-newest is outside the default history of five.
    assert.deepEqual(codes(await checkPasswordPolicy('Old-Pass-1!aa', { recentHashes: history })), []);
    assert.deepEqual(
      codes(await checkPasswordPolicy('Old-Pass-1!aa', { recentHashes: history, historySize: 6 })),
      ['reused'],
    );
    assert.deepEqual(codes(await checkPasswordPolicy('Brand-New-Pass-9', { recentHashes: history })), []);
    assert.ok(!codes(await checkPasswordPolicy('short', { recentHashes: history })).includes('reused'));
  });

  it('expires passwords after the configured age', () => {
    const changed = new Date('2025-01-01T00:00:00Z');
    assert.equal(isPasswordExpired(changed, new Date('2025-03-31T23:59:59Z'), 90), false);
    assert.equal(isPasswordExpired(changed, new Date('2025-04-01T00:00:00Z'), 90), true);
    assert.equal(isPasswordExpired(changed, new Date('2035-01-01T00:00:00Z'), null), false);
  });
});
