// The full demo database the web benchmarks read, opened on the tests' "today" with the benchmark's analyst.
import { existsSync } from 'node:fs';
import { type AppContext, openApp } from '../src/app/context.ts';
import { buildServer } from '../src/server/app.ts';
import { FixedClock } from '../src/shared/clock.ts';
import { findUserByName } from '../src/users/repository.ts';
import { ensureWebBuilt, PASSWORD, type RunningApp, startApp } from '../test/browser/support.ts';
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

/**
 * The server the web benchmarks open the page on: over the full demo file, or over a copy of the small demo
 * (`database` "small"), serving the built page or another build of it (`webRoot`, e.g. an earlier commit's).
 */
export async function startBenchApp(database: string, webRoot?: string): Promise<RunningApp> {
  if (database === 'small') return startApp([BENCH_ANALYST]);
  ensureWebBuilt();
  const ctx = await openFullDemo(database, PASSWORD);
  const server = await buildServer(ctx, {
    secureCookies: false,
    logLevel: 'silent',
    // As `giaoban start` serves: answers are held to their schemas in tests, not re-checked on every request.
    strictResponses: false,
    ...(webRoot ? { webRoot } : {}),
  });
  const origin = await server.listen({ port: 0, host: '127.0.0.1' });
  return {
    testApp: { ctx, clock: ctx.clock as FixedClock, dbFile: database, close: () => ctx.close() },
    server,
    origin,
    close: async () => {
      await server.close();
      await ctx.close();
    },
  };
}
