/**
 * Load test of the API with the load generator and the server in separate processes: the server is the product's
 * own `giaoban serve` started as a child process on loopback, and autocannon runs here, so client and server never
 * share an event loop. Two phases, each bounded in time and in number of requests:
 *   - save mix: officers, each signed in to their own commune, saving three figures at an offered rate;
 *   - read mix: 200 users (commune officers and ministry analysts) reading dashboard cards (aggregates with
 *     comparisons), the briefing pack of a meeting, and tasks, as fast as the server answers.
 * Prints throughput and latency percentiles; exits non-zero if any request errs.
 *
 * Usage: npm run bench:load -- [--backend sqlite|postgres] [--seconds 15] [--rate 1000] [--connections 64]
 *        [--read-seconds 10] [--warmup 3] [--users 200] [--max-requests 60000] [--only read|save] [--json FILE]
 * Each mix is measured after `--warmup` seconds of the same mix, reported on their own.
 * With SLOW_REQUEST_MS=N the server logs requests taking N ms or more, and each mix ends with what they waited on.
 * PostgreSQL uses a scratch database on BENCH_DATABASE_URL_POSTGRES (or TEST_DATABASE_URL_POSTGRES).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { type AppContext, openApp } from '../src/app/context.ts';
import { hashPassword } from '../src/auth/passwords.ts';
import type { Role } from '../src/auth/roles.ts';
import { generateSessionToken } from '../src/auth/sessions.ts';
import { loadConfig } from '../src/config/env.ts';
import { loadDemo } from '../src/demo/load.ts';
import { SESSION_COOKIE } from '../src/server/session.ts';
import { FixedClock } from '../src/shared/clock.ts';
import { insertUser } from '../src/users/repository.ts';
import { durability, parseArgs, writeBenchJson } from './results.ts';

const args = parseArgs(process.argv);
const BACKEND = args.get('backend') ?? 'sqlite';
const SECONDS = Number(args.get('seconds') ?? 15);
const RATE = Number(args.get('rate') ?? 1000);
const CONNECTIONS = Number(args.get('connections') ?? 64);
const READ_SECONDS = Number(args.get('read-seconds') ?? 10);
const WARMUP = Number(args.get('warmup') ?? 3);
const USERS = Number(args.get('users') ?? 200);
const MAX_REQUESTS = Number(args.get('max-requests') ?? 60_000);
const JSON_FILE = args.get('json');
/** `--only read` or `--only save` runs one mix (to profile it alone); both run by default. */
const ONLY = args.get('only') ?? 'both';
// The read mix asks as a browser does, for brotli or gzip (`--accept-encoding identity`: uncompressed answers).
const ACCEPT_ENCODING = args.get('accept-encoding') ?? 'gzip, deflate, br';
if (!['both', 'read', 'save'].includes(ONLY)) throw new Error('--only must be read or save');
const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, 'bench-output');
const TODAY = '2026-11-29';
const PERIOD = '2026-10';
const config = loadConfig();

interface Session {
  cookie: string;
  csrf: string;
  unit: string;
  role: Role;
}

async function prepareDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const clock = new FixedClock(TODAY);
  const referenceDataDir = join(ROOT, 'reference-data', 'admin-units');
  if (BACKEND === 'sqlite') {
    const template = join(OUT, 'load-template.sqlite');
    const file = join(OUT, 'load.sqlite');
    for (const s of ['', '-wal', '-shm']) rmSync(`${file}${s}`, { force: true });
    const ctx = await openApp({ databaseUrl: `sqlite:${template}`, clock, referenceDataDir });
    await loadDemo(ctx, { scale: 'small' });
    ctx.store.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
    await ctx.close();
    copyFileSync(template, file);
    return {
      url: `sqlite:${file}`,
      drop: async () => {
        for (const s of ['', '-wal', '-shm']) rmSync(`${file}${s}`, { force: true });
      },
    };
  }
  const base = process.env.BENCH_DATABASE_URL_POSTGRES ?? config.testPostgresUrl;
  if (!base)
    throw new Error('set BENCH_DATABASE_URL_POSTGRES or TEST_DATABASE_URL_POSTGRES for --backend postgres');
  const name = `load_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const ctx = await openApp({ databaseUrl: url.toString(), clock, referenceDataDir });
  await loadDemo(ctx, { scale: 'small' });
  // What autovacuum and the checkpointer would do after loading the demo, done before any mix is timed, as a server
  // that has been running has it: otherwise they run during the mixes on the same two cores, at random moments.
  await ctx.store.pool?.query('VACUUM (ANALYZE)');
  await ctx.store.pool?.query('CHECKPOINT');
  await ctx.close();
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Accounts with sessions opened directly: sign-in is rate-limited per address, and this measures the work after. */
async function openSessions(ctx: AppContext): Promise<{ officers: Session[]; readers: Session[] }> {
  const clock = ctx.clock;
  const today = clock.today();
  const province = ctx.graph.findByCode('37', today);
  if (!province) throw new Error('province 37 missing');
  const communes = ctx.graph.childrenOn(province.id, today).map((id) => ctx.graph.require(id));
  const passwordHash = await hashPassword('Tai-khoan-tai-2026!');
  const now = clock.now().toISOString();
  const open = async (username: string, role: Role, unitId: number, unit: string): Promise<Session> => {
    const userId = await ctx.store.write((trx) =>
      insertUser(trx, {
        username,
        displayName: username,
        passwordHash,
        role,
        unitId,
        clearance: role === 'officer' ? 'none' : 'mat',
        mustChangePassword: false,
        at: now,
      }),
    );
    const { token, tokenHash } = generateSessionToken();
    const csrf = randomBytes(32).toString('base64url');
    await ctx.store.write((trx) =>
      trx
        .insertInto('user_session')
        .values({
          token_hash: tokenHash,
          user_id: userId,
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
    return { cookie: `${SESSION_COOKIE}=${token}`, csrf, unit, role };
  };
  const officers: Session[] = [];
  for (const c of communes) officers.push(await open(`load.${c.code}`, 'officer', c.id, c.code));
  // The read mix: the officers, then analysts at the ministry up to USERS in all.
  const readers = [...officers.slice(0, USERS)];
  const ministry = ctx.graph.root(today);
  for (let i = 0; readers.length < USERS; i++)
    readers.push(await open(`load.analyst.${i}`, 'analyst', ministry.id, ministry.code));
  return { officers, readers };
}

function startServer(url: string): Promise<{ child: ChildProcess; address: string }> {
  const child = spawn(
    process.execPath,
    [
      // LOAD_CPU_PROFILE=DIR writes the server's CPU profile there when it stops (open it in Chrome's DevTools).
      ...(process.env.LOAD_CPU_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.LOAD_CPU_PROFILE] : []),
      '--import',
      'tsx',
      join(ROOT, 'src/cli/main.ts'),
      'serve',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, GIAOBAN_NOW: TODAY, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    let rest = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /running at (\S+)/.exec(out);
      if (m?.[1]) resolve({ child, address: m[1].replace('localhost', '127.0.0.1') });
      // SLOW_REQUEST_MS=N: the server logs requests slower than N ms with what they waited on.
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.includes('"slow request"')) continue;
        try {
          slowRequests.push(JSON.parse(line) as SlowRequest);
        } catch {
          // not a log line
        }
      }
      if (out.length > 10_000) out = out.slice(-1000);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening`)));
  });
}

interface SlowRequest {
  route: string;
  ms: number;
  writes: number;
  writeLockMs: number;
  writeMs: number;
  flushMs: number;
}
const slowRequests: SlowRequest[] = [];

/** What the slow requests of a mix waited on, by route: their time in the write lock, the write and the flush. */
function summariseSlow(label: string, from: number): void {
  if (!process.env.SLOW_REQUEST_MS) return;
  const slow = slowRequests.slice(from);
  const byRoute = new Map<string, SlowRequest[]>();
  for (const r of slow) byRoute.set(r.route, [...(byRoute.get(r.route) ?? []), r]);
  const sum = (list: SlowRequest[], f: (r: SlowRequest) => number) => list.reduce((a, r) => a + f(r), 0);
  console.log(`${label}: ${slow.length} requests at or over ${process.env.SLOW_REQUEST_MS} ms`);
  if (slow.length === 0) return;
  console.table(
    Object.fromEntries(
      [...byRoute].map(([route, list]) => {
        const total = sum(list, (r) => r.ms);
        const share = (f: (r: SlowRequest) => number) => `${Math.round((100 * sum(list, f)) / total)}%`;
        return [
          route,
          {
            requests: list.length,
            'mean ms': Math.round(total / list.length),
            'max ms': Math.round(Math.max(...list.map((r) => r.ms))),
            'write lock': share((r) => r.writeLockMs),
            write: share((r) => r.writeMs),
            flush: share((r) => r.flushMs),
            'elsewhere (event loop, GC, own work)': share(
              (r) => r.ms - r.writeLockMs - r.writeMs - r.flushMs,
            ),
          },
        ];
      }),
    ),
  );
}

async function stopServer(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

type Result = autocannon.Result;

/** CPU time (user + system) the server process has used so far, in ms, from /proc (null elsewhere): on a shared
 * machine the CPU per request compares across runs where throughput and latency do not. */
function serverCpuMs(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

function cpuPerRequest(label: string, before: number | null, after: number | null, requests: number): void {
  if (before === null || after === null || requests === 0) return;
  console.log(
    `${label}: server CPU ${Math.round(after - before)} ms, ${((after - before) / requests).toFixed(1)} ms per request`,
  );
}

function summarise(label: string, result: Result): { errors: number } {
  const errors = result.errors + result.non2xx + result.timeouts;
  console.log(`\n${label}`);
  console.table({
    requests: result.requests.total,
    'throughput req/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p90 ms': result.latency.p90,
    'p99 ms': result.latency.p99,
    'max ms': result.latency.max,
    errors,
  });
  if (errors > 0) console.log('status codes:', JSON.stringify(result.statusCodeStats));
  return { errors };
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const { url, drop } = await prepareDatabase();
  let child: ChildProcess | null = null;
  try {
    const ctx = await openApp({
      databaseUrl: url,
      clock: new FixedClock(TODAY),
      referenceDataDir: join(ROOT, 'reference-data', 'admin-units'),
    });
    const { officers, readers } = await openSessions(ctx);
    const settings = await durability(ctx.store.pool);
    await ctx.close();
    if (settings) console.log(`PostgreSQL: ${settings}`);

    const server = await startServer(url);
    child = server.child;
    const { address } = server;
    if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(address)) throw new Error(`not a loopback address: ${address}`);

    const analyst = readers.find((r) => r.role === 'analyst') ?? readers[0];
    if (!analyst) throw new Error('no reader');
    const meetings = (await (
      await fetch(`${address}/api/meetings`, { headers: { cookie: analyst.cookie } })
    ).json()) as { meetings?: Array<{ id: number }> };
    const meetingId = meetings.meetings?.[0]?.id;
    if (meetingId === undefined) throw new Error('the demo has no meeting to read the pack of');

    console.log(
      `${BACKEND}: server pid ${child.pid} at ${address}; generator pid ${process.pid}; ${officers.length} officers saving, ${readers.length} users reading; ${CONNECTIONS} connections`,
    );

    // 1. Save mix: offered at RATE requests/s (three figures each) for SECONDS, at most MAX_REQUESTS. A save names
    // the version of each figure it was read at (428 without it, 409 when stale), as the form does: each officer's
    // three figures change on every save, so each save that succeeds moves their version on by one. An officer with
    // a save in flight is skipped until it is answered (a connection answers its requests in order).
    const officerState = officers.map(() => ({ version: 0, busy: false }));
    let next = 0;
    const saveMix = (seconds: number) => {
      return autocannon({
        url: address,
        connections: CONNECTIONS,
        duration: seconds,
        overallRate: RATE,
        maxOverallRequests: MAX_REQUESTS,
        timeout: 10,
        requests: [
          {
            setupRequest: (request, context) => {
              let index = next++ % officers.length;
              for (let tries = 0; officerState[index]?.busy && tries < officers.length; tries++)
                index = next++ % officers.length;
              const session = officers[index] as Session;
              const state = officerState[index] as { version: number; busy: boolean };
              state.busy = true;
              const queue = context as { pending?: number[] };
              queue.pending ??= [];
              queue.pending.push(index);
              const value = state.version + 1;
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
                    { indicator: 'crime.occurred', option: null, value, version: state.version },
                    { indicator: 'drug.cases', option: null, value: value + 1, version: state.version },
                    {
                      indicator: 'drug.suspects',
                      option: null,
                      value: value + 2,
                      version: state.version,
                    },
                  ],
                }),
              };
            },
            onResponse: (status, _body, context) => {
              const index = (context as { pending?: number[] }).pending?.shift();
              const state = index === undefined ? undefined : officerState[index];
              if (!state) return;
              state.busy = false;
              if (status === 200) state.version++;
            },
          },
        ],
      });
    };
    // The first seconds after the server starts compile the code paths: reported on their own, as for reads.
    const firstSaves = ONLY === 'read' || WARMUP === 0 ? null : await saveMix(WARMUP);
    if (firstSaves) {
      summarise(`save mix, its first ${WARMUP} s after the server started (not counted below)`, firstSaves);
      // Saves cut off at the end of a run may have been committed unanswered: each officer's versions are read back.
      for (const [i, session] of officers.entries()) {
        const response = await fetch(
          `${address}/api/values?form=BC-THANG&unit=${encodeURIComponent(session.unit)}&period=2026-12`,
          { headers: { cookie: session.cookie } },
        );
        const body = (await response.json()) as { cells: Array<{ indicator: string; version: number }> };
        const cell = body.cells.find((c) => c.indicator === 'crime.occurred');
        officerState[i] = { version: cell?.version ?? 0, busy: false };
      }
    }
    const slowBeforeSaves = slowRequests.length;
    const saveCpu = serverCpuMs(child.pid);
    const saves = ONLY === 'read' ? null : await saveMix(SECONDS);
    const saveSummary = saves ? summarise(`save mix (${RATE} requests/s offered)`, saves) : { errors: 0 };
    if (saves) summariseSlow('save mix', slowBeforeSaves);
    if (saves) cpuPerRequest('save mix', saveCpu, serverCpuMs(child.pid), saves.requests.total);

    // 2. Read mix: each user in turn asks for their dashboard cards, then tasks; analysts also the briefing pack.
    const reads: Array<{ path: string; cookie: string }> = [];
    for (const user of readers) {
      reads.push({
        path: `/api/aggregates?unit=${encodeURIComponent(user.unit)}&period=${PERIOD}&compare=true`,
        cookie: user.cookie,
      });
      reads.push({ path: '/api/tasks?scope=mine', cookie: user.cookie });
      if (user.role === 'analyst')
        reads.push({ path: `/api/meetings/${meetingId}/pack`, cookie: user.cookie });
    }
    let cursor = 0;
    const readMix = (seconds: number) =>
      autocannon({
        url: address,
        connections: CONNECTIONS,
        duration: seconds,
        maxOverallRequests: MAX_REQUESTS,
        timeout: 10,
        requests: [
          {
            setupRequest: (request) => {
              const r = reads[cursor++ % reads.length] as (typeof reads)[number];
              return {
                ...request,
                method: 'GET',
                path: r.path,
                headers: { cookie: r.cookie, 'accept-encoding': ACCEPT_ENCODING },
              };
            },
          },
        ],
      });
    // The first seconds after the server starts compute every user's answers once and compile the code paths:
    // reported on their own, then the mix is measured as a server that has been running sees it.
    const firstReads = ONLY === 'save' || WARMUP === 0 ? null : await readMix(WARMUP);
    if (firstReads)
      summarise(`read mix, its first ${WARMUP} s after the server started (not counted below)`, firstReads);
    const slowBeforeReads = slowRequests.length;
    const readCpu = serverCpuMs(child.pid);
    const generatorBefore = process.cpuUsage();
    const readResult = ONLY === 'save' ? null : await readMix(READ_SECONDS);
    const generator = process.cpuUsage(generatorBefore);
    const readSummary = readResult
      ? summarise(`read mix (${readers.length} users: cards, pack, tasks)`, readResult)
      : { errors: 0 };
    if (readResult)
      console.log(
        `read mix: load generator CPU ${((generator.user + generator.system) / 1000 / readResult.requests.total).toFixed(2)} ms per request`,
      );
    if (readResult) cpuPerRequest('read mix', readCpu, serverCpuMs(child.pid), readResult.requests.total);
    if (readResult) summariseSlow('read mix', slowBeforeReads);

    const code = await stopServer(child);
    child = null;
    console.log(`server stopped on SIGTERM with exit code ${code}`);
    console.log(
      'targets (2 cores, 64 connections): 1,000 saves/s at p99 ≤ 100 ms; reads ≥ 1,000 requests/s at p99 ≤ 100 ms',
    );

    if (JSON_FILE) {
      writeBenchJson(JSON_FILE, {
        backend: BACKEND,
        scale: Number(args.get('scale') ?? 0),
        ...(saves
          ? {
              load_saves_per_s: saves.requests.average,
              load_p50_ms: saves.latency.p50,
              load_p99_ms: saves.latency.p99,
            }
          : {}),
        ...(readResult
          ? { read_req_per_s: readResult.requests.average, read_p99_ms: readResult.latency.p99 }
          : {}),
        durability: settings,
      });
      console.log(`written to ${JSON_FILE}`);
    }
    if (saveSummary.errors + readSummary.errors > 0) process.exitCode = 1;
  } finally {
    if (child) await stopServer(child);
    await drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
