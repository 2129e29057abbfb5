// The full demo database the web benchmarks read, opened on the tests' "today" with the benchmark's analyst.
import { existsSync } from 'node:fs';
import { type AppContext, openApp } from '../src/app/context.ts';
import { FixedClock } from '../src/shared/clock.ts';
import { findUserByName } from '../src/users/repository.ts';
import { createUser, REFERENCE_DIR, TEST_TODAY } from '../test/support/app.ts';

export const BENCH_ANALYST = { username: 'analyst.bca', role: 'analyst', unitCode: 'BCA' } as const;

/**
 * Opens the full demo file, adding the benchmark's analyst (cleared Mật) once. Its second factor is cleared on every
 * run: each run enrols afresh, as its authenticator lives in that run's process.
 */
export async function openFullDemo(database: string, password: string): Promise<AppContext> {
  if (!existsSync(database))
    throw new Error(
      `${database} not found: build the full demo first (DATABASE_URL=sqlite:./${database} npx giaoban demo --scale full)`,
    );
  const ctx = await openApp({
    databaseUrl: `sqlite:${database}`,
    clock: new FixedClock(TEST_TODAY),
    referenceDataDir: REFERENCE_DIR,
  });
  if (!(await findUserByName(ctx.store.db, BENCH_ANALYST.username)))
    await createUser(ctx, { ...BENCH_ANALYST, clearance: 'mat', password });
  await ctx.store.write((trx) =>
    trx
      .updateTable('app_user')
      .set({ totp_secret: null, totp_last_step: null })
      .where('username', '=', BENCH_ANALYST.username)
      .execute(),
  );
  return ctx;
}
