import type { AppContext } from '../../src/app/context.ts';
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
  /** The test clock's time when that step was used: a clock wound back since then is noticed. */
  usedAt: number;
}
const apps = new WeakMap<FixedClock, Map<string, Enrolled>>();
const contexts = new WeakMap<FixedClock, AppContext>();

/** Called by createTestApp: the application whose clock this is. */
export function registerTestClock(clock: FixedClock, ctx: AppContext): void {
  contexts.set(clock, ctx);
}

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
 * The code to give next. The server refuses a step already used (replay), and a frozen test clock does not move,
 * so successive sign-ins use the next steps the server accepts (one either side of now); when those run out the
 * clock is moved on by the steps needed, as real time would have.
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
  enrolledOf(clock).set(username, { secret, lastStep: step, usedAt: clock.now().getTime() });
  return code;
}

/**
 * The code for an enrolled user's sign-in; throws when the test never enrolled them. A test that winds its clock
 * back (to a date before a sign-in it made) has made every code of its "today" a replay of the future, which no
 * real clock does: the step the server last accepted is then forgotten in the test's database.
 */
export async function signInCode(
  clock: FixedClock,
  username: string,
  options: { spaced?: boolean } = {},
): Promise<string> {
  const enrolled = enrolledOf(clock).get(username);
  if (!enrolled) throw new Error(`${username} has a second factor this test did not enrol`);
  let last: number | null = enrolled.lastStep;
  if (clock.now().getTime() < enrolled.usedAt) {
    const ctx = contexts.get(clock);
    if (!ctx) throw new Error(`the clock was wound back after ${username} signed in`);
    await ctx.store.write((trx) =>
      trx.updateTable('app_user').set({ totp_last_step: null }).where('username', '=', username).execute(),
    );
    last = null;
  }
  const { code, step } = nextCode(clock, enrolled.secret, last);
  enrolled.lastStep = step;
  enrolled.usedAt = clock.now().getTime();
  return options.spaced ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}
