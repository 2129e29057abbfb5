/**
 * Times the national monthly briefing report as .docx and as PDF on the demo data (median of 10 runs each, after
 * one warm-up): built from the analytics engine and rendered, then the same through the page's API route
 * (GET /api/reports/briefing: session, read gate, audit record). Targets: .docx ≤ 1,5 s, PDF ≤ 2 s. The machine may
 * be shared: the process's CPU time is printed beside the wall-clock time, as a figure that other load changes less.
 *
 * Usage: node --import tsx bench/report.ts [--scale full|small] [--period 2020-02] [--runs 10]
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { openApp } from '../src/app/context.ts';
import { generateSessionToken } from '../src/auth/sessions.ts';
import { loadDemo } from '../src/demo/load.ts';
import { renderBriefing } from '../src/reports/render.ts';
import { buildServer } from '../src/server/app.ts';
import { SESSION_COOKIE } from '../src/server/session.ts';
import { FixedClock } from '../src/shared/clock.ts';
import { insertUser } from '../src/users/repository.ts';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(String(process.argv[i]).replace(/^--/, ''), String(process.argv[i + 1]));
const SCALE = (args.get('scale') ?? 'full') as 'full' | 'small';
const PERIOD = args.get('period') ?? '2020-02';
const RUNS = Number(args.get('runs') ?? 10);
const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, 'bench-output');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `report-${SCALE}.sqlite`);
  const clock = new FixedClock('2026-11-29');
  const referenceDataDir = join(ROOT, 'reference-data', 'admin-units');
  if (!existsSync(file)) {
    const building = `${file}.tmp`;
    const started = performance.now();
    const ctx = await openApp({ databaseUrl: `sqlite:${building}`, clock, referenceDataDir });
    await loadDemo(ctx, { scale: SCALE });
    ctx.store.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
    await ctx.close();
    renameSync(building, file);
    process.stdout.write(
      `demo (${SCALE}) loaded in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
  }
  const ctx = await openApp({ databaseUrl: `sqlite:${file}`, clock, referenceDataDir });
  const target = { docx: 1500, pdf: 2000 } as Record<string, number>;
  const line = (what: string, format: string, wall: number[], cpu: number[]) => {
    const ms = median(wall);
    process.stdout.write(
      `${what} ${PERIOD} .${format}: median ${(ms / 1000).toFixed(2)} s of ${wall.length} (target ≤ ${((target[format] ?? 0) / 1000).toFixed(1)} s) ${ms <= (target[format] ?? 0) ? 'ok' : 'OVER'}; CPU ${(median(cpu) / 1000).toFixed(2)} s\n`,
    );
  };
  /** Runs `fn` once to warm up, then RUNS times; wall-clock and CPU milliseconds of each timed run. */
  const time = async (fn: () => Promise<void>) => {
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const c = process.cpuUsage();
      const t = performance.now();
      await fn();
      const used = process.cpuUsage(c);
      if (i > 0) {
        wall.push(performance.now() - t);
        cpu.push((used.user + used.system) / 1000);
      }
    }
    return { wall, cpu };
  };
  for (const format of ['docx', 'pdf'] as const) {
    const { wall, cpu } = await time(async () => {
      await renderBriefing(ctx, { unit: 'BCA', period: PERIOD, format, clearance: 'tuyet_mat' });
    });
    line('national report', format, wall, cpu);
  }

  // From the page: an analyst of the ministry with a session opened directly (sign-in is rate-limited and is not
  // what is measured); one account per format, as the route allows 20 documents a minute per account.
  const server = await buildServer(ctx, { secureCookies: false, logLevel: 'silent' });
  const bca = ctx.graph.findByCode('BCA', clock.today());
  if (!bca) throw new Error('BCA missing');
  const now = clock.now().toISOString();
  const session = async (format: string) => {
    const userId = await ctx.store.write((trx) =>
      insertUser(trx, {
        username: `bench.report.${format}.${randomBytes(4).toString('hex')}`,
        displayName: 'bench',
        passwordHash: 'x',
        role: 'analyst',
        unitId: bca.id,
        clearance: 'tuyet_mat',
        mustChangePassword: false,
        at: now,
      }),
    );
    const { token, tokenHash } = generateSessionToken();
    await ctx.store.write((trx) =>
      trx
        .insertInto('user_session')
        .values({
          token_hash: tokenHash,
          user_id: userId,
          created_at: now,
          last_seen_at: now,
          csrf_token: randomBytes(32).toString('base64url'),
          second_factor_done: 1,
          ip: null,
          user_agent: 'bench',
          authenticated_at: now,
          pending_totp_secret: null,
        })
        .execute(),
    );
    return `${SESSION_COOKIE}=${token}`;
  };
  for (const format of ['docx', 'pdf'] as const) {
    const cookie = await session(format);
    const { wall, cpu } = await time(async () => {
      const response = await server.inject({
        method: 'GET',
        url: `/api/reports/briefing?period=${PERIOD}&unit=BCA&format=${format}`,
        headers: { cookie },
      });
      if (response.statusCode !== 200)
        throw new Error(`GET /api/reports/briefing: ${response.statusCode} ${response.body.slice(0, 200)}`);
    });
    line('from the page (GET /api/reports/briefing)', format, wall, cpu);
  }
  await server.close();
  await ctx.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
