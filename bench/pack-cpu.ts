/**
 * CPU time of the national briefing pack and of the drill-down on the databases a benchmark run kept
 * (`BENCH_KEEP=1 npm run bench -- --scale S --years Y`): the same questions `bench/run.ts` times, asked one after the
 * other, with the process's CPU time (user + system) per question and, on PostgreSQL, the server's execution time
 * (pg_stat_statements, when the cluster loads it). On a shared machine CPU time is the steadier measure.
 *
 * Usage: node --import tsx bench/pack-cpu.ts [--backend sqlite|postgres] [--runs 20] [--what pack|drill]
 *        [--database FILE] (SQLite: the kept bench-output/bench.sqlite unless given)
 *        (PostgreSQL: BENCH_DATABASE_URL_POSTGRES, as for the benchmark)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { AnalyticsEngine, type AnalyticsSource } from '../src/analytics/engine.ts';
import { liveAnalyticsSource } from '../src/analytics/repository.ts';
import { openApp } from '../src/app/context.ts';
import { monthPeriod, parsePeriod } from '../src/periods/period.ts';
import { FixedClock } from '../src/shared/clock.ts';
import { parseArgs } from './results.ts';

const args = parseArgs(process.argv);
const BACKEND = args.get('backend') ?? 'sqlite';
const RUNS = Number(args.get('runs') ?? 20);
const WHAT = args.get('what') ?? 'pack';
const ROOT = new URL('..', import.meta.url).pathname;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

/** CPU time per SQL statement on SQLite (its reads run synchronously in the process). */
const sqlMs = new Map<string, { ms: number; calls: number; rows: number }>();
const proto = (BetterSqlite3 as unknown as { prototype: { prepare: (sql: string) => unknown } }).prototype;
const prepare = proto.prepare;
proto.prepare = function (this: unknown, text: string) {
  const stmt = prepare.call(this, text) as { all: (...a: unknown[]) => unknown[] };
  const all = stmt.all;
  stmt.all = (...a: unknown[]) => {
    const c0 = process.cpuUsage();
    const rows = all.apply(stmt, a);
    const c = process.cpuUsage(c0);
    const key = text
      .replace(/\s+/g, ' ')
      .replace(/\?(, \?)+/g, '?…')
      .slice(0, 150);
    const s = sqlMs.get(key) ?? { ms: 0, calls: 0, rows: 0 };
    s.ms += (c.user + c.system) / 1000;
    s.calls++;
    s.rows += rows.length;
    sqlMs.set(key, s);
    return rows;
  };
  return stmt;
};

/** CPU time (user + system, ms) of each PostgreSQL backend serving a database, from /proc (this machine only). */
function backendCpuMs(database: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      // Client backends only ("postgres: USER DATABASE HOST …"), not autovacuum workers of the same database.
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!command.startsWith('postgres: ') || command.split(' ')[2] !== database) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      out.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      // A process that ended meanwhile.
    }
  }
  return out;
}

/** The CPU time backends spent between two readings (a backend that ended meanwhile is not counted). */
function cpuBetween(before: Map<string, number>, after: Map<string, number>): number {
  let ms = 0;
  for (const [pid, t] of after) ms += t - (before.get(pid) ?? 0);
  return ms;
}

async function main(): Promise<void> {
  let url = `sqlite:${args.get('database') ?? join(ROOT, 'bench-output', 'bench.sqlite')}`;
  if (BACKEND === 'postgres') {
    const base = process.env.BENCH_DATABASE_URL_POSTGRES;
    if (!base) throw new Error('BENCH_DATABASE_URL_POSTGRES is not set');
    const u = new URL(base);
    u.pathname = '/giaoban_bench';
    url = u.toString();
  }
  const ctx = await openApp({
    databaseUrl: url,
    clock: new FixedClock('2026-12-20'),
    referenceDataDir: join(ROOT, 'reference-data', 'admin-units'),
  });
  try {
    const date = '2026-11-14';
    const root = ctx.graph.root(date).id;
    const provinces = ctx.graph.childrenOn(root, date);
    const province = provinces
      .map((id) => ({ id, n: ctx.graph.childrenOn(id, date).length }))
      .sort((a, b) => b.n - a.n)[0] as { id: number };
    const months = Array.from({ length: 24 }, (_, i) => monthPeriod(2026, 11 - 23 + i));
    // Time per read of the source (wall time: SQLite reads synchronously, so it is the process's CPU for them).
    const live = liveAnalyticsSource(ctx.store.readDb, () => ctx.graph);
    const readMs = new Map<string, number>();
    const timedSource = Object.fromEntries(
      Object.entries(live).map(([name, read]) => [
        name,
        async (q: unknown) => {
          const t0 = performance.now();
          try {
            return await (read as (q: unknown) => Promise<unknown>)(q);
          } finally {
            readMs.set(name, (readMs.get(name) ?? 0) + performance.now() - t0);
          }
        },
      ]),
    ) as unknown as AnalyticsSource;
    const engine = new AnalyticsEngine(ctx.graph, ctx.catalogue, timedSource);
    const ask =
      WHAT === 'drill'
        ? () => engine.drilldown({ unitId: province.id, indicator: 'drug.cases', option: null, months })
        : () =>
            engine.aggregateMany({
              unitIds: [root, ...provinces],
              period: parsePeriod('2025-12'),
              compare: true,
              coverage: false,
            });
    const pool = ctx.store.pool;
    const serverMs = async (): Promise<number | null> => {
      if (!pool) return null;
      try {
        const { rows } = await pool.query<{ t: number }>(
          "SELECT coalesce(sum(total_exec_time), 0)::float8 AS t FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'",
        );
        return Number(rows[0]?.t ?? 0);
      } catch {
        return null;
      }
    };
    if (pool) await pool.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements').catch(() => undefined);
    await ask();
    readMs.clear();
    sqlMs.clear();
    const backend0 = backendCpuMs('giaoban_bench');
    const cpu: number[] = [];
    const wall: number[] = [];
    const s0 = await serverMs();
    for (let i = 0; i < RUNS; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await ask();
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    const s1 = await serverMs();
    const server = s0 !== null && s1 !== null ? (s1 - s0) / RUNS : null;
    const backendCpu = pool ? cpuBetween(backend0, backendCpuMs('giaoban_bench')) / RUNS : null;
    console.log(
      `${BACKEND} ${WHAT}: median of ${RUNS} — process CPU ${median(cpu).toFixed(1)} ms (least ${Math.min(...cpu).toFixed(1)}), wall ${median(wall).toFixed(1)} ms` +
        (server !== null ? `, server execution ${server.toFixed(1)} ms (mean)` : '') +
        (backendCpu !== null ? `, server CPU ${backendCpu.toFixed(1)} ms (mean)` : '') +
        ` (load average ${loadavg()[0]?.toFixed(1)})`,
    );
    const reads = [...readMs].map(([name, t]) => `${name} ${(t / RUNS).toFixed(1)}`).join(', ');
    console.log(
      `  mean wall time per ${WHAT} of each read (overlapping; CPU per SQL statement below): ${reads} ms`,
    );
    for (const [text, s] of [...sqlMs].sort((a, b) => b[1].ms - a[1].ms))
      console.log(
        `  ${(s.ms / RUNS).toFixed(1).padStart(6)} ms ${String(s.calls / RUNS).padStart(3)}× ${String(s.rows / RUNS).padStart(7)} rows  ${text}`,
      );
  } finally {
    await ctx.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
