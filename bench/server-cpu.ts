/**
 * Server time per request behind each view the web benchmark times (bench/web.ts), on the same full demo file: the
 * requests each view sends before it shows, sent over loopback HTTP to the real server (routes, read gate, audit) with
 * an analyst's session, one by one. Prints per request the median wall-clock time and the median CPU time of
 * the process (user + system), and per view their sums: on a shared machine CPU time is the steadier measure.
 *
 * Usage: node --import tsx bench/server-cpu.ts [--runs 20] [--database data/giaoban.sqlite] [--cpu-prof-dir DIR]
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { buildServer } from '../src/server/app.ts';
import type { FixedClock } from '../src/shared/clock.ts';
import { PASSWORD } from '../test/support/canary.ts';
import { ApiClient } from '../test/support/http.ts';
import { BENCH_ANALYST, openFullDemo } from './full-demo.ts';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(String(process.argv[i]).replace(/^--/, ''), String(process.argv[i + 1]));
const RUNS = Number(args.get('runs') ?? 20);
const DATABASE = args.get('database') ?? 'data/giaoban.sqlite';
const USER = BENCH_ANALYST;

/** The requests each view waits for before it shows (what the page sends, in the order it sends them). */
function views(period: string): Record<string, string[]> {
  const at = `${period}-14`;
  return {
    'dashboard first cards': [
      '/api/auth/me',
      '/api/indicators',
      '/api/forms',
      `/api/units/BCA?at=${at}`,
      `/api/aggregates?unit=BCA&period=${period}&compare=true&ytd=false`,
    ],
    'period switch': [
      `/api/units/BCA?at=${at}`,
      `/api/aggregates?unit=BCA&period=${period}&compare=true&ytd=false`,
    ],
    'pivot first table': [
      '/api/auth/me',
      '/api/indicators',
      '/api/forms',
      `/api/units/BCA?at=${at}`,
      `/api/aggregates?unit=BCA&period=${period}&compare=true&ytd=false`,
    ],
    // What the dashboard asks for once its cards show (the next view waits behind it on a busy server).
    'dashboard after cards': [
      '/api/notifications',
      `/api/completeness?form=BC-THANG&unit=BCA&period=${period}`,
      `/api/aggregates/ranking?unit=BCA&period=${period}&indicator=drug.cases&compare=true`,
      `/api/aggregates/series?unit=BCA&indicator=drug.cases&to=${period}&months=24`,
      `/api/geo/provinces?period=${period}`,
    ],
    'tasks page': [
      '/api/auth/me',
      '/api/indicators',
      '/api/forms',
      `/api/units/BCA?at=${at}`,
      '/api/tasks?scope=all',
    ],
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const ctx = await openFullDemo(DATABASE, PASSWORD);
  // As `giaoban start` serves (see bench/web.ts).
  const server = await buildServer(ctx, { secureCookies: false, logLevel: 'silent', strictResponses: false });
  const origin = await server.listen({ port: 0, host: '127.0.0.1' });
  const client = new ApiClient(server, ctx.clock as FixedClock);
  await client.signIn(USER.username, PASSWORD);

  const periods = ['2020-02', '2020-03', '2021-02', '2024-11', '2025-08', '2026-10', '2019-06', '2022-12'];
  const samples = new Map<string, { wall: number[]; cpu: number[]; bytes: number }>();
  const time = async (url: string) => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    // Over loopback HTTP, as the browser asks; the answer is read as bytes, not parsed, so that the process's CPU
    // time is the server's work (and the few bytes' reading).
    const res = await fetch(`${origin}${url}`, { headers: { cookie: client.cookie } });
    const body = await res.arrayBuffer();
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${Buffer.from(body).toString()}`);
    return { wall, cpu: (cpu.user + cpu.system) / 1000, bytes: body.byteLength };
  };
  // One pass to warm the process (JIT, SQLite's page cache), as a running server is.
  for (const urls of Object.values(views('2020-02'))) for (const url of urls) await time(url);
  const load = loadavg().map((n) => n.toFixed(2));
  for (let run = 0; run < RUNS; run++) {
    const period = periods[run % periods.length] as string;
    for (const [view, urls] of Object.entries(views(period))) {
      for (const url of urls) {
        const key = `${view}\t${url
          .replace(period, 'P')
          .replace(`${period}-14`, 'P-14')
          .replace(/\d{4}-\d{2}-14/, 'P-14')}`;
        const s = await time(url);
        const entry = samples.get(key) ?? { wall: [], cpu: [], bytes: 0 };
        entry.wall.push(s.wall);
        entry.cpu.push(s.cpu);
        entry.bytes = Math.max(entry.bytes, s.bytes);
        samples.set(key, entry);
      }
    }
  }
  console.log(
    `${DATABASE}, ${RUNS} runs, load average at start ${load.join(' ')}, at end ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  const totals = new Map<string, { wall: number; cpu: number }>();
  for (const [key, s] of samples) {
    const [view = '', url = ''] = key.split('\t');
    const wall = median(s.wall);
    const cpu = median(s.cpu);
    const total = totals.get(view) ?? { wall: 0, cpu: 0 };
    totals.set(view, { wall: total.wall + wall, cpu: total.cpu + cpu });
    console.log(
      `  ${view.padEnd(22)} ${url.padEnd(60)} wall ${wall.toFixed(1).padStart(7)} ms  CPU ${cpu.toFixed(1).padStart(7)} ms  ${(s.bytes / 1024).toFixed(1)} KiB`,
    );
  }
  for (const [view, t] of totals)
    console.log(
      `${view}: server wall ${t.wall.toFixed(1)} ms, server CPU ${t.cpu.toFixed(1)} ms (sum of medians)`,
    );
  await server.close();
  await ctx.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
