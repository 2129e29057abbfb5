import { Secret, TOTP } from 'otpauth';

/**
 * TOTP second factor (RFC 6238) with the parameters every authenticator app supports: SHA-1, 6 digits,
 * 30-second steps. SHA-1 is sound inside HMAC; SHA-256 codes are silently wrong in some apps.
 */
export const TOTP_ISSUER = 'giaoban';
export const TOTP_PARAMS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
/** Steps accepted either side of the current one, for clock drift and slow typing. */
export const TOTP_WINDOW = 1;
/** RFC 4226 recommends 160 bits for SHA-1. */
const SECRET_BYTES = 20;

function totpFor(secret: Secret | string, accountName = ''): TOTP {
  return new TOTP({ issuer: TOTP_ISSUER, label: accountName, secret, ...TOTP_PARAMS });
}

/**
 * A new random secret for `accountName` (the user name shown in the authenticator app) and the
 * otpauth:// URL to show as a QR code. Store `secretBase32` only after the user has entered a valid code.
 */
export function createTotpSecret(accountName: string): { secretBase32: string; otpauthUrl: string } {
  const secret = new Secret({ size: SECRET_BYTES });
  return { secretBase32: secret.base32, otpauthUrl: totpFor(secret, accountName).toString() };
}

/** The time step containing `at`: what `lastUsedStep` stores. */
export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PARAMS.period);
}

/** The code valid at `at`; for enrolment screens and tests. */
export function generateTotp(secretBase32: string, at: Date): string {
  return totpFor(secretBase32).generate({ timestamp: at.getTime() });
}

export type TotpResult =
  | { ok: true; step: number }
  | { ok: false; reason: 'malformed' | 'invalid' | 'replayed'; messageVi: string; messageEn: string };

const FAIL = {
  malformed: ['Mã xác thực phải gồm 6 chữ số.', 'The code must be 6 digits.'],
  invalid: ['Mã xác thực không đúng hoặc đã hết hạn.', 'The code is wrong or has expired.'],
  replayed: [
    'Mã xác thực này đã được dùng. Vui lòng chờ mã mới.',
    'This code has already been used. Wait for a new one.',
  ],
} as const;

function fail(reason: keyof typeof FAIL): TotpResult {
  const [messageVi, messageEn] = FAIL[reason];
  return { ok: false, reason, messageVi, messageEn };
}

/**
 * Checks `token` at `at` within ±1 step. On success returns the matched step; the caller stores it as the
 * account's `lastUsedStep` and passes it back next time, and any code from that step or an earlier one is
 * then refused (a code seen over someone's shoulder cannot be used a second time).
 */
export function verifyTotp(
  secretBase32: string,
  token: string,
  at: Date,
  lastUsedStep: number | null = null,
): TotpResult {
  // Apps show "123 456"; people paste it with the space.
  const code = token.replace(/[\s-]/g, '');
  if (!/^\d{6}$/.test(code)) return fail('malformed');
  let delta: number | null;
  try {
    delta = totpFor(secretBase32).validate({ token: code, timestamp: at.getTime(), window: TOTP_WINDOW });
  } catch {
    // An unreadable stored secret is a failed check, never an exception on the sign-in path.
    return fail('invalid');
  }
  if (delta === null) return fail('invalid');
  const step = totpStep(at) + delta;
  if (isReplayedStep(step, lastUsedStep)) return fail('replayed');
  return { ok: true, step };
}

/** True when a code of `step` must be refused because that step, or a later one, was already used. */
export function isReplayedStep(step: number, lastUsedStep: number | null): boolean {
  return lastUsedStep !== null && step <= lastUsedStep;
}
