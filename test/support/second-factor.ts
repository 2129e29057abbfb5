import { generateTotp, totpStep } from '../../src/auth/totp.ts';
import type { FixedClock } from '../../src/shared/clock.ts';

/**
 * The authenticator app of the test users: the TOTP secret each account enrolled and the last time step it used,
 * per test application (keyed by its clock, one per application). Codes are real TOTP codes for the server's
 * clock; nothing in the server is bypassed.
 */
interface Enrolled {
  secret: string;
  lastStep: number;
}
const apps = new WeakMap<FixedClock, Map<string, Enrolled>>();

function enrolledOf(clock: FixedClock): Map<string, Enrolled> {
  let map = apps.get(clock);
  if (!map) {
    map = new Map();
    apps.set(clock, map);
  }
  return map;
}

const STEP_MS = 30_000;

/**
 * The code to give next for `username`. The server refuses a step already used (replay), and a frozen test clock
 * does not move, so successive sign-ins use the next steps the server accepts (one either side of now); when
 * those run out the clock is moved on by the steps needed, as real time would have.
 */
function nextCode(
  clock: FixedClock,
  secret: string,
  lastStep: number | null,
): { code: string; step: number } {
  const now = totpStep(clock.now());
  const step = Math.max(now - 1, lastStep === null ? now - 1 : lastStep + 1);
  if (step > now + 1) clock.set(new Date(clock.now().getTime() + (step - now - 1) * STEP_MS));
  return { code: generateTotp(secret, new Date(step * STEP_MS)), step };
}

/** The first code for a secret being enrolled, recorded as this user's app. */
export function enrolmentCode(clock: FixedClock, username: string, secret: string): string {
  const { code, step } = nextCode(clock, secret, null);
  enrolledOf(clock).set(username, { secret, lastStep: step });
  return code;
}

/** The code for an enrolled user's sign-in; throws when the test never enrolled them. */
export function signInCode(clock: FixedClock, username: string, options: { spaced?: boolean } = {}): string {
  const enrolled = enrolledOf(clock).get(username);
  if (!enrolled) throw new Error(`${username} has a second factor this test did not enrol`);
  const { code, step } = nextCode(clock, enrolled.secret, enrolled.lastStep);
  enrolled.lastStep = step;
  return options.spaced ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

/** Records a secret enrolled outside the helpers (a test that drives enrolment itself). */
export function rememberSecret(clock: FixedClock, username: string, secret: string, lastStep: number): void {
  enrolledOf(clock).set(username, { secret, lastStep });
}
