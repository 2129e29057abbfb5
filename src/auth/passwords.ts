import { randomInt } from 'node:crypto';
import type { Algorithm } from '@node-rs/argon2';
import { hash, parseOptions, verify } from '@node-rs/argon2';

// `Algorithm` is an ambient const enum, which verbatimModuleSyntax cannot read as a value; 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

/**
 * Argon2id parameters: the OWASP Password Storage Cheat Sheet's first option (m = 19 MiB, t = 2, p = 1).
 * Measured at about 13 ms per hash on a two-core server; raise memoryCost before timeCost if the servers allow.
 */
export const ARGON2_PARAMS = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const;

/**
 * Vietnamese keyboards (Telex/VNI input methods, macOS, Windows) may produce the same accented text in
 * composed or decomposed form, so "Mật khẩu" typed on two machines would otherwise be two passwords.
 */
function normalize(password: string): string {
  return password.normalize('NFC');
}

/** Hashes a password with argon2id; the result is a PHC string carrying salt and parameters. */
export async function hashPassword(password: string): Promise<string> {
  return hash(normalize(password), ARGON2_PARAMS);
}

/** True when `password` matches `storedHash`; false for a wrong password or an unreadable hash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, normalize(password));
  } catch {
    // A corrupt or foreign hash must not let anyone in, nor crash the sign-in route.
    return false;
  }
}

/** True when a stored hash was made with other parameters than ARGON2_PARAMS: rehash it at next sign-in. */
export function needsRehash(storedHash: string): boolean {
  try {
    const o = parseOptions(storedHash);
    return (
      o.algorithm !== ARGON2_PARAMS.algorithm ||
      o.memoryCost !== ARGON2_PARAMS.memoryCost ||
      o.timeCost !== ARGON2_PARAMS.timeCost ||
      o.parallelism !== ARGON2_PARAMS.parallelism ||
      o.outputLen !== ARGON2_PARAMS.outputLen
    );
  } catch {
    return true;
  }
}

// ---------------------------------------------------------------------------------------------------
// Generated passwords

// Characters that are easy to misread when a password is dictated or printed on a slip are left out:
// 0/O/o, 1/l/I, 5/S, 2/Z, and quotes, backticks and similar punctuation.
const GEN_UPPER = 'ABCDEFGHJKLMNPQRTUVWXY';
const GEN_LOWER = 'abcdefghijkmnpqrstuvwxyz';
const GEN_DIGIT = '346789';
const GEN_SPECIAL = '!#$%&*+-=?@';

function pick(alphabet: string): string {
  return alphabet.charAt(randomInt(alphabet.length));
}

/**
 * A random password (default 16 characters) with at least one upper, lower, digit and special character,
 * drawn with crypto.randomInt and without look-alike characters. Meant for first sign-in and resets.
 */
export function generatePassword(length = 16): string {
  if (!Number.isInteger(length) || length < 12 || length > 128) {
    throw new RangeError('generated passwords are 12 to 128 characters long');
  }
  const all = GEN_UPPER + GEN_LOWER + GEN_DIGIT + GEN_SPECIAL;
  const chars = [pick(GEN_UPPER), pick(GEN_LOWER), pick(GEN_DIGIT), pick(GEN_SPECIAL)];
  while (chars.length < length) chars.push(pick(all));
  // Fisher–Yates, so the guaranteed classes are not always in the first four places.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    const a = chars[i] as string;
    chars[i] = chars[j] as string;
    chars[j] = a;
  }
  return chars.join('');
}

// ---------------------------------------------------------------------------------------------------
// Policy

/**
 * Common passwords, in the folded form of `blocklistKeys` (lower case, no diacritics, letters and digits
 * only). The composition rule pushes people to "Matkhau@123", so the check also ignores non-letters at the ends.
 */
export const COMMON_PASSWORDS: readonly string[] = [
  'password',
  'passwd',
  'matkhau',
  'matkhaumoi',
  'matkhaucu',
  'doimatkhau',
  'admin',
  'administrator',
  'quantri',
  'root',
  'user',
  'guest',
  'test',
  'welcome',
  'letmein',
  'changeme',
  'default',
  'secret',
  'iloveyou',
  'anhyeuem',
  'emyeuanh',
  'yeuem',
  'qwerty',
  'qwertyuiop',
  'asdfgh',
  'asdfghjkl',
  'zxcvbnm',
  'abc',
  'abcd',
  'abcdef',
  'abcdefgh',
  'qazwsx',
  'zaq12wsx',
  '1q2w3e4r',
  '1q2w3e4r5t',
  'congan',
  'conganxa',
  'conganphuong',
  'congantinh',
  'bocongan',
  'bca',
  'cand',
  'canhsat',
  'giaoban',
  'baocao',
  'vietnam',
  'hanoi',
  'saigon',
  'hochiminh',
  '123456',
  '12345678',
  '123456789',
  '1234567890',
  '111111',
  '000000',
  '123123',
  '654321',
  '88888888',
];

export type PasswordViolationCode =
  | 'too_short'
  | 'too_long'
  | 'missing_upper'
  | 'missing_lower'
  | 'missing_digit'
  | 'missing_special'
  | 'contains_username'
  | 'blocklisted'
  | 'reused';

export interface PasswordViolation {
  code: PasswordViolationCode;
  messageVi: string;
  messageEn: string;
}

export interface PasswordPolicy {
  /** In characters (code points), after NFC normalisation. */
  minLength: number;
  /** Bounds the argon2 input; long passphrases stay allowed. */
  maxLength: number;
  requireUpper: boolean;
  requireLower: boolean;
  requireDigit: boolean;
  requireSpecial: boolean;
  /** How many previous passwords may not be reused (the common government setting is 5). */
  historySize: number;
  /** Replaces COMMON_PASSWORDS when given; entries are folded the same way as the password. */
  blocklist: readonly string[];
  /** Maximum age in days before a change is forced; null for none. Auditors still ask for 90. */
  maxAgeDays: number | null;
}

export const DEFAULT_PASSWORD_POLICY: Readonly<PasswordPolicy> = Object.freeze({
  minLength: 12,
  maxLength: 128,
  requireUpper: true,
  requireLower: true,
  requireDigit: true,
  requireSpecial: true,
  historySize: 5,
  blocklist: COMMON_PASSWORDS,
  maxAgeDays: 90,
});

export interface PasswordCheckOptions extends Partial<PasswordPolicy> {
  username?: string;
  /** Hashes of the account's previous passwords, newest first (the current one included). */
  recentHashes?: readonly string[];
}

/** Lower case, diacritics removed (đ → d), only letters and digits kept. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const LEET: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '3': 'e',
  '1': 'i',
  '!': 'i',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
};

function unleet(text: string): string {
  return text.replace(/[@4310!$57]/g, (c) => LEET[c] ?? c);
}

/**
 * The forms of a password compared with the blocklist: as typed, without the non-letters at either end
 * ("Matkhau@123" → "matkhau"), and each with common substitutions undone ("P@$$w0rd" → "password").
 * Undoing every substitution can only turn weak passwords into listed words.
 */
function blocklistKeys(password: string): Set<string> {
  const core = password.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const keys = new Set([fold(password), fold(core), fold(unleet(password)), fold(unleet(core))]);
  keys.delete('');
  return keys;
}

const MESSAGES: Record<PasswordViolationCode, (p: PasswordPolicy) => [string, string]> = {
  too_short: (p) => [
    `Mật khẩu phải có ít nhất ${p.minLength} ký tự.`,
    `The password must be at least ${p.minLength} characters long.`,
  ],
  too_long: (p) => [
    `Mật khẩu không được dài quá ${p.maxLength} ký tự.`,
    `The password must be at most ${p.maxLength} characters long.`,
  ],
  missing_upper: () => [
    'Mật khẩu phải có ít nhất một chữ hoa.',
    'The password must contain an upper-case letter.',
  ],
  missing_lower: () => [
    'Mật khẩu phải có ít nhất một chữ thường.',
    'The password must contain a lower-case letter.',
  ],
  missing_digit: () => ['Mật khẩu phải có ít nhất một chữ số.', 'The password must contain a digit.'],
  missing_special: () => [
    'Mật khẩu phải có ít nhất một ký tự đặc biệt (ví dụ ! @ # $ %).',
    'The password must contain a special character (for example ! @ # $ %).',
  ],
  contains_username: () => [
    'Mật khẩu không được trùng hoặc chứa tên đăng nhập.',
    'The password must not be or contain the user name.',
  ],
  blocklisted: () => [
    'Mật khẩu quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.',
    'The password is too common and easy to guess. Choose another one.',
  ],
  reused: (p) => [
    `Không được dùng lại ${p.historySize} mật khẩu gần nhất.`,
    `The password must differ from the last ${p.historySize} passwords.`,
  ],
};

function violation(code: PasswordViolationCode, policy: PasswordPolicy): PasswordViolation {
  const [messageVi, messageEn] = MESSAGES[code](policy);
  return { code, messageVi, messageEn };
}

function resolvePolicy(options: PasswordCheckOptions): PasswordPolicy {
  const policy: PasswordPolicy = { ...DEFAULT_PASSWORD_POLICY };
  for (const key of Object.keys(policy) as (keyof PasswordPolicy)[]) {
    if (options[key] !== undefined) Object.assign(policy, { [key]: options[key] });
  }
  return policy;
}

/**
 * The rules that need no stored hash: length, composition, user name and blocklist.
 * Returns every violation, in a stable order, so a form can list them all at once.
 */
export function checkPasswordRules(
  password: string,
  options: PasswordCheckOptions = {},
): PasswordViolation[] {
  const policy = resolvePolicy(options);
  const text = normalize(password);
  const length = [...text].length;
  const found: PasswordViolation[] = [];
  if (length < policy.minLength) found.push(violation('too_short', policy));
  if (length > policy.maxLength) found.push(violation('too_long', policy));
  if (policy.requireUpper && !/\p{Lu}/u.test(text)) found.push(violation('missing_upper', policy));
  if (policy.requireLower && !/\p{Ll}/u.test(text)) found.push(violation('missing_lower', policy));
  if (policy.requireDigit && !/\p{Nd}/u.test(text)) found.push(violation('missing_digit', policy));
  if (policy.requireSpecial && !/[^\p{L}\p{N}]/u.test(text)) found.push(violation('missing_special', policy));
  const user = options.username === undefined ? '' : fold(options.username);
  // Very short user names would match by accident inside unrelated passwords.
  if (user.length >= 3 && fold(text).includes(user)) found.push(violation('contains_username', policy));
  const blocked = new Set(policy.blocklist.map(fold));
  for (const key of blocklistKeys(text)) {
    if (blocked.has(key)) {
      found.push(violation('blocklisted', policy));
      break;
    }
  }
  return found;
}

/**
 * All the rules, including "not one of the last `historySize` passwords" (each recent hash is verified,
 * so this costs one argon2 run per hash). An empty list means the password is acceptable.
 */
export async function checkPasswordPolicy(
  password: string,
  options: PasswordCheckOptions = {},
): Promise<PasswordViolation[]> {
  const policy = resolvePolicy(options);
  const found = checkPasswordRules(password, options);
  const recent = (options.recentHashes ?? []).slice(0, policy.historySize);
  for (const stored of recent) {
    if (await verifyPassword(stored, password)) {
      found.push(violation('reused', policy));
      break;
    }
  }
  return found;
}

const DAY_MS = 86_400_000;

/** True when a password set at `changedAt` must be changed at `now` under `maxAgeDays` (null: never). */
export function isPasswordExpired(changedAt: Date, now: Date, maxAgeDays: number | null): boolean {
  if (maxAgeDays === null) return false;
  return now.getTime() >= changedAt.getTime() + maxAgeDays * DAY_MS;
}
