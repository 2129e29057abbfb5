/**
 * Load test of the data-entry API: many officers, each signed in to their own commune, saving figures at once over
 * loopback. Prints throughput and latency percentiles; fails if any request errs. Bounded in time and rate.
 *
 * Usage: node --import tsx bench/load.ts [--seconds 15] [--rate 800] [--connections 64]
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { openApp } from '../src/app/context.ts';
import { hashPassword } from '../src/auth/passwords.ts';
import { generateSessionToken } from '../src/auth/sessions.ts';
import { loadDemo } from '../src/demo/load.ts';
import { buildServer } from '../src/server/app.ts';
import { SESSION_COOKIE } from '../src/server/session.ts';
import { FixedClock } from '../src/shared/clock.ts';
import { insertUser } from '../src/users/repository.ts';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(String(process.argv[i]).replace(/^--/, ''), String(process.argv[i + 1]));
const SECONDS = Number(args.get('seconds') ?? 15);
const RATE = Number(args.get('rate') ?? 800);
const CONNECTIONS = Number(args.get('connections') ?? 64);
const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, 'bench-output');

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, 'load.sqlite');
  for (const s of ['', '-wal', '-shm']) rmSync(`${file}${s}`, { force: true });
  const template = join(OUT, 'load-template.sqlite');
  const clock = new FixedClock('2026-11-29');
  const referenceDataDir = join(ROOT, 'reference-data', 'admin-units');
  {
    const ctx = await openApp({ databaseUrl: `sqlite:${template}`, clock, referenceDataDir });
    await loadDemo(ctx, { scale: 'small' });
    ctx.store.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
    await ctx.close();
  }
  copyFileSync(template, file);
  const ctx = await openApp({ databaseUrl: `sqlite:${file}`, clock, referenceDataDir });
  const today = clock.today();
  const province = ctx.graph.findByCode('37', today);
  if (!province) throw new Error('province 37 missing');
  const communes = ctx.graph.childrenOn(province.id, today).map((id) => ctx.graph.require(id));
  const passwordHash = await hashPassword('Tai-khoan-tai-2026!');
  for (const c of communes) {
    await ctx.store.write((trx) =>
      insertUser(trx, {
        username: `load.${c.code}`,
        displayName: c.code,
        passwordHash,
        role: 'officer',
        unitId: c.id,
        clearance: 'none',
        mustChangePassword: false,
        at: clock.now().toISOString(),
      }),
    );
  }
  const server = await buildServer(ctx, { secureCookies: false, logLevel: 'silent' });
  const address = await server.listen({ port: 0, host: '127.0.0.1' });
  // Sessions are opened directly: the sign-in route is rate-limited per address, and this measures data entry.
  const sessions: Array<{ cookie: string; csrf: string; unit: string }> = [];
  for (const c of communes) {
    const user = await ctx.store.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', `load.${c.code}`)
      .executeTakeFirstOrThrow();
    const { token, tokenHash } = generateSessionToken();
    const csrf = randomBytes(32).toString('base64url');
    const now = clock.now().toISOString();
    await ctx.store.write((trx) =>
      trx
        .insertInto('user_session')
        .values({
          token_hash: tokenHash,
          user_id: user.id,
          created_at: now,
          last_seen_at: now,
          csrf_token: csrf,
          second_factor_done: 1,
          ip: null,
          user_agent: 'load',
          authenticated_at: now,
          pending_totp_secret: null,
        })
        .execute(),
    );
    sessions.push({ cookie: `${SESSION_COOKIE}=${token}`, csrf, unit: c.code });
  }
  console.log(
    `${sessions.length} officers with open sessions; ${CONNECTIONS} connections, ${RATE} requests/s for ${SECONDS} s against ${address}`,
  );
  let next = 0;
  const result = await autocannon({
    url: `${address}/api/values`,
    connections: CONNECTIONS,
    duration: SECONDS,
    overallRate: RATE,
    method: 'PUT',
    requests: [
      {
        setupRequest: (request) => {
          const session = sessions[next++ % sessions.length] as (typeof sessions)[number];
          const value = next % 50;
          return {
            ...request,
            method: 'PUT',
            path: '/api/values',
            headers: {
              'content-type': 'application/json',
              cookie: session.cookie,
              'x-csrf-token': session.csrf,
            },
            body: JSON.stringify({
              form: 'BC-THANG',
              unit: session.unit,
              period: '2026-12',
              cells: [
                { indicator: 'crime.occurred', option: null, value },
                { indicator: 'drug.cases', option: null, value: value % 7 },
                { indicator: 'drug.suspects', option: null, value: value % 9 },
              ],
            }),
          };
        },
      },
    ],
  });
  await server.close();
  await ctx.close();
  const errors = result.errors + result.non2xx + result.timeouts;
  if (errors > 0) console.log('status codes:', JSON.stringify(result.statusCodeStats));
  console.table({
    requests: result.requests.total,
    'throughput req/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p90 ms': result.latency.p90,
    'p99 ms': result.latency.p99,
    'max ms': result.latency.max,
    errors,
  });
  for (const s of ['', '-wal', '-shm']) rmSync(`${file}${s}`, { force: true });
  if (errors > 0) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
