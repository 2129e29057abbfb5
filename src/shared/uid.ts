import { createHash } from 'node:crypto';

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALPHANUMERIC = `${LETTERS}0123456789`;

/** DHIS2's identifier shape: 11 characters, a letter first, then letters and digits ("fbfJHSPpUQD"). */
export const UID_PATTERN = /^[A-Za-z][A-Za-z0-9]{10}$/;

export function isUid(text: string): boolean {
  return UID_PATTERN.test(text);
}

/**
 * A DHIS2-style uid derived from a seed, so that databases built from the same reference data agree on it:
 * `deriveUid('unit:15:2025-07-01')`. The same seed always gives the same uid.
 */
export function deriveUid(seed: string): string {
  const bytes = createHash('sha256').update(seed, 'utf8').digest();
  let uid = LETTERS[(bytes[0] as number) % LETTERS.length] as string;
  for (let i = 1; i < 11; i++) uid += ALPHANUMERIC[(bytes[i] as number) % ALPHANUMERIC.length];
  return uid;
}

/**
 * The uid for a seed that is not yet taken: the derived one, or on the (astronomically rare) collision the
 * derivation of "seed#1", "seed#2"… The chosen uid is added to `taken`.
 */
export function assignUid(seed: string, taken: Set<string>): string {
  let uid = deriveUid(seed);
  for (let n = 1; taken.has(uid); n++) uid = deriveUid(`${seed}#${n}`);
  taken.add(uid);
  return uid;
}

/** Seeds of the identities that carry uids: a unit is its code from the day it began (codes were reused in 2025). */
export const uidSeed = {
  unit: (code: string, validFrom: string) => `unit:${code}:${validFrom}`,
  indicator: (code: string) => `indicator:${code}`,
  option: (indicatorCode: string, optionCode: string) => `option:${indicatorCode}:${optionCode}`,
  form: (code: string) => `form:${code}`,
};
