/**
 * National-scale benchmark. Generates a deterministic dataset — every commune police unit of the 34 provinces plus
 * the provinces, 60 indicator/option pairs, monthly over several years — loads it into SQLite (and PostgreSQL when
 * BENCH_DATABASE_URL_POSTGRES or TEST_DATABASE_URL_POSTGRES is set) through the same write path the product uses,
 * and measures:
 *   - import throughput (figures/s, roll-ups kept up to date included);
 *   - the national briefing pack: every indicator for the nation and each province with prev, yoy, ytd, ytd_prev;
 *   - a drill-down: one province's communes, one indicator, 24 months;
 *   - save-to-visible: saving one figure, then reading it in the national total.
 * The same queries run on DuckDB over the same data in the same run; ratios are ours / DuckDB's.
 *
 * Usage: npm run bench -- [--scale 0.05] [--years 8] [--factor 1] [--runs 20] [--warmup 10] [--backends sqlite,postgres]
 *        [--json FILE] [--reuse 1]
 * With --json, the figures are merged into FILE under stable keys (see bench/results.ts). `--factor 2` (or 4) runs
 * 2× (4×) the national dataset: the same units over twice (four times) the years, ending at the same month; its
 * record's `scale` is scale × factor. `--reuse 1` measures the reads again on the databases a run with the same
 * scale and years kept (BENCH_KEEP=1), without importing: no import figure is written. On PostgreSQL the import also
 * reports the WAL bytes and server CPU per figure; BENCH_IMPORT_ONLY=1 stops after the import.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type DuckDBAppender, DuckDBInstance } from '@duckdb/node-api';
import { sql } from 'kysely';
import pg from 'pg';
import { AnalyticsEngine } from '../src/analytics/engine.ts';
import { liveAnalyticsSource } from '../src/analytics/repository.ts';
import { type AppContext, openApp } from '../src/app/context.ts';
import { loadConfig } from '../src/config/env.ts';
import { migrate, openStore } from '../src/db/store.ts';
import { SeededRandom } from '../src/demo/random.ts';
import { FORMS, INDICATORS } from '../src/indicators/catalogue.ts';
import type { Indicator, ReportForm } from '../src/indicators/model.ts';
import { NO_OPTION } from '../src/indicators/registry.ts';
import { syncCatalogue } from '../src/indicators/repository.ts';
import { monthPeriod, type Period, parsePeriod } from '../src/periods/period.ts';
import { FixedClock } from '../src/shared/clock.ts';
import { BEGINNING, OPEN_END, type ParentLink, type Unit } from '../src/units/model.ts';
import { buildReferenceData } from '../src/units/reference-data.ts';
import { saveReferenceUnits } from '../src/units/repository.ts';
import type { ValueInput } from '../src/values/model.ts';
import { writeValues } from '../src/values/repository.ts';
import { durability, parseArgs, writeBenchJson } from './results.ts';

const args = parseArgs(process.argv);
const JSON_FILE = args.get('json');
const SCALE = Number(args.get('scale') ?? 1);
const FACTOR = Number(args.get('factor') ?? 1);
const YEARS = Number(args.get('years') ?? 8) * FACTOR;
const RUNS = Number(args.get('runs') ?? 20);
// Untimed runs of each read before its timed ones (`--warmup N`).
const WARMUP = Number(args.get('warmup') ?? 10);
const REUSE = args.get('reuse') === '1';
const config = loadConfig();
const postgresUrl = process.env.BENCH_DATABASE_URL_POSTGRES ?? config.testPostgresUrl;
const BACKENDS = (args.get('backends') ?? (postgresUrl ? 'sqlite,postgres' : 'sqlite')).split(',');
const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, 'bench-output');
const LAST = { year: 2026, month: 11 };

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function ms(n: number): string {
  return `${n.toFixed(1)} ms`;
}

/**
 * The bench organisation: the 34 provinces and their commune police units as of today, made valid over the whole
 * benchmark span, so that every month rolls up nationally (the real two-era tree is exercised by the test suite).
 */
function benchUnits(): { units: Unit[]; links: ParentLink[]; provinces: number[]; communes: number[] } {
  const real = buildReferenceData(join(ROOT, 'reference-data', 'admin-units'));
  const today = '2026-01-01';
  const validOn = (u: { validFrom: string; validTo: string }) => u.validFrom <= today && today <= u.validTo;
  const rng = new SeededRandom(2026);
  const keep = new Set<number>();
  const units: Unit[] = [];
  const links: ParentLink[] = [];
  for (const u of real.units) {
    if (!validOn(u) || (u.kind !== 'ministry' && u.kind !== 'province' && u.kind !== 'commune')) continue;
    if (u.kind === 'commune' && rng.next() > SCALE) continue;
    keep.add(u.id);
    const current = u.versions[u.versions.length - 1];
    if (!current) continue;
    units.push({
      ...u,
      validFrom: BEGINNING,
      validTo: OPEN_END,
      versions: [{ ...current, validFrom: BEGINNING, validTo: OPEN_END }],
    });
  }
  for (const l of real.links) {
    if (keep.has(l.unitId) && keep.has(l.parentId) && validOn(l))
      links.push({ ...l, validFrom: BEGINNING, validTo: OPEN_END });
  }
  return {
    units,
    links,
    provinces: units.filter((u) => u.kind === 'province').map((u) => u.id),
    communes: units.filter((u) => u.kind === 'commune').map((u) => u.id),
  };
}

/** 60 indicator/option pairs: the product's catalogue plus extra counts to reach the ministry's usual breadth. */
function benchCatalogue(): { indicators: Indicator[]; forms: ReportForm[] } {
  const base = INDICATORS.filter((i) => i.aggregation.kind === 'sum');
  const pairs = base.reduce((n, i) => n + Math.max(1, i.options.length), 0);
  const extra: Indicator[] = [];
  for (let i = 1; pairs + extra.length < 60; i++) {
    extra.push({
      ...(base[0] as Indicator),
      code: `bench.count${String(i).padStart(2, '0')}`,
      nameVi: `Chỉ tiêu thử ${i}`,
      nameEn: `Bench count ${i}`,
      options: [],
      secrecy: 'none',
    });
  }
  const indicators = [...INDICATORS, ...extra];
  const form: ReportForm = {
    code: 'BENCH',
    nameVi: 'Biểu đo hiệu năng',
    nameEn: 'Benchmark form',
    periodType: 'month',
    reporters: [{ from: BEGINNING, kinds: ['province', 'commune'] }],
    indicators: [...base, ...extra].map((i) => i.code),
    deadline: { workingDaysAfterWindowEnd: { commune: 1, province: 3 } },
    secrecy: 'none',
  };
  return { indicators, forms: [...FORMS, form] };
}

function months(): Array<Period & { type: 'month' }> {
  const out: Array<Period & { type: 'month' }> = [];
  for (let i = YEARS * 12 - 1; i >= 0; i--) out.push(monthPeriod(LAST.year, LAST.month - i));
  return out;
}

interface Pair {
  indicatorId: number;
  optionId: number;
  code: string;
  option: string | null;
}

function monthValues(unitIds: number[], pairs: Pair[], period: string, formId: number): ValueInput[] {
  const rng = new SeededRandom(Number(period.replace('-', '')));
  const out: ValueInput[] = [];
  for (const unitId of unitIds) {
    for (const p of pairs) {
      out.push({
        formId,
        unitId,
        indicatorId: p.indicatorId,
        optionId: p.optionId,
        period,
        value: rng.int(0, 40),
        comment: null,
      });
    }
  }
  return out;
}

function appendToDuck(appender: DuckDBAppender, values: ValueInput[]): void {
  for (const v of values) {
    appender.appendVarchar(v.period);
    appender.appendInteger(v.indicatorId);
    appender.appendInteger(v.optionId);
    appender.appendInteger(v.unitId);
    appender.appendDouble(v.value as number);
    appender.endRow();
  }
}

async function openBenchApp(
  backend: string,
): Promise<{ ctx: AppContext; url: string; drop: () => Promise<void> }> {
  let url: string;
  let drop: () => Promise<void>;
  if (backend === 'sqlite') {
    mkdirSync(OUT, { recursive: true });
    const file = join(OUT, 'bench.sqlite');
    if (REUSE && !existsSync(file)) throw new Error(`--reuse: no kept database at ${file}`);
    if (!REUSE) for (const s of ['', '-wal', '-shm']) rmSync(`${file}${s}`, { force: true });
    url = `sqlite:${file}`;
    drop = async () => {
      for (const s of ['', '-wal', '-shm']) rmSync(`${file}${s}`, { force: true });
    };
  } else {
    if (!postgresUrl) throw new Error('no PostgreSQL URL');
    const name = 'giaoban_bench';
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    if (!REUSE) {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name}`);
    }
    await admin.end();
    const u = new URL(postgresUrl);
    u.pathname = `/${name}`;
    url = u.toString();
    drop = async () => {
      const c = new pg.Client({ connectionString: postgresUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  if (!REUSE) {
    const store = await openStore(url);
    await migrate(store);
    const org = benchUnits();
    await saveReferenceUnits(store, { units: org.units, links: org.links, lineage: [] });
    const catalogue = benchCatalogue();
    await syncCatalogue(store, catalogue.indicators, catalogue.forms);
    await store.close();
  }
  const ctx = await openApp({
    databaseUrl: url,
    clock: new FixedClock('2026-12-20'),
    referenceDataDir: join(ROOT, 'reference-data', 'admin-units'),
  });
  return { ctx, url, drop };
}

/**
 * What the PostgreSQL server has spent so far: WAL position (bytes) and CPU seconds of the postmaster's children,
 * live and exited (read from /proc: null when the server is on another machine or another user's).
 */
async function serverCost(ctx: AppContext): Promise<{ wal: bigint; cpu: number | null } | null> {
  if (!ctx.store.pool) return null;
  const { rows } = await ctx.store.pool.query<{ lsn: string; pid: number }>(
    "SELECT pg_current_wal_lsn() - '0/0' AS lsn, pg_backend_pid() AS pid",
  );
  const row = rows[0];
  if (!row) return null;
  const wal = BigInt(String(row.lsn).split('.')[0] as string);
  const stat = (pid: number | string): string[] | null => {
    try {
      const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return text.slice(text.lastIndexOf(')') + 2).split(' ');
    } catch {
      return null;
    }
  };
  const mine = stat(row.pid);
  const postmaster = mine ? Number(mine[1]) : null;
  const parent = postmaster === null ? null : stat(postmaster);
  if (!parent || postmaster === null) return { wal, cpu: null };
  const tick = 100;
  // Fields after the command: utime 11, stime 12, cutime 13, cstime 14 (0-based from the state field).
  let ticks = Number(parent[13]) + Number(parent[14]);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const f = stat(entry);
    if (f && Number(f[1]) === postmaster) ticks += Number(f[11]) + Number(f[12]);
  }
  return { wal, cpu: ticks / tick };
}

/**
 * Several engines are measured one after the other, each in a process of its own (this script again, for one
 * engine, with DuckDB loaded beside it): one engine's run leaves no heap, caches or compiled code to the next's.
 */
function runEachEngineApart(): boolean {
  if (BACKENDS.length < 2) return false;
  const rest = [...args]
    .filter(([name]) => name !== 'backends')
    .flatMap(([name, value]) => [`--${name}`, value]);
  for (const backend of BACKENDS) {
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, String(process.argv[1]), ...rest, '--backends', backend],
      {
        stdio: 'inherit',
      },
    );
    if (child.status !== 0)
      throw new Error(`the ${backend} benchmark failed (exit ${child.status ?? child.signal})`);
  }
  return true;
}

async function main(): Promise<void> {
  if (runEachEngineApart()) return;
  const org = benchUnits();
  const periodList = months();
  console.log(
    `giaoban benchmark — scale ${SCALE}: ${org.provinces.length} provinces, ${org.communes.length} communes, 60 indicator/option pairs, ${periodList.length} months = ${(
      (org.provinces.length + org.communes.length) * 60 * periodList.length
    ).toLocaleString(
      'en',
    )} figures; ${RUNS} runs per query after ${WARMUP} untimed; machine: ${process.arch}, node ${process.version}`,
  );

  // DuckDB reference: the same figures, the same tree, the same questions.
  const duck = await (await DuckDBInstance.create(':memory:')).connect();
  await duck.run(
    'CREATE TABLE v (period VARCHAR, indicator_id INTEGER, option_id INTEGER, unit_id INTEGER, value DOUBLE)',
  );
  await duck.run('CREATE TABLE anc (unit_id INTEGER, ancestor_id INTEGER)');
  let duckLoaded = false;
  const results: Array<Record<string, string>> = [];

  for (const backend of BACKENDS) {
    const { ctx, drop } = await openBenchApp(backend);
    try {
      const form = ctx.catalogue.form('BENCH');
      if (!form) throw new Error('bench form missing');
      const pairs: Pair[] = [];
      for (const code of form.indicators) {
        const indicator = ctx.catalogue.indicator(code);
        if (!indicator) continue;
        if (indicator.options.length === 0)
          pairs.push({ indicatorId: indicator.id, optionId: NO_OPTION, code, option: null });
        else
          for (const o of indicator.options)
            pairs.push({
              indicatorId: indicator.id,
              optionId: indicator.optionIds.get(o.code) as number,
              code,
              option: o.code,
            });
      }
      const reporters = [...org.provinces, ...org.communes];
      const duckAppender = duckLoaded ? null : await duck.createAppender('v');

      // 1. Import: one change set per month, through writeValues (history, versions and roll-ups included).
      let imported = 0;
      let importMs = 0;
      const costBefore = REUSE ? null : await serverCost(ctx);
      let clientCpu = 0;
      for (const period of periodList) {
        const values = monthValues(reporters, pairs, period.id, form.id);
        if (REUSE) {
          // The kept database holds these figures already: only DuckDB is loaded.
          imported += values.length;
          if (duckAppender) appendToDuck(duckAppender, values);
          continue;
        }
        const t0 = performance.now();
        const cpu0 = process.cpuUsage();
        await writeValues(ctx.store, ctx.graph, values, {
          at: new Date().toISOString(),
          userId: null,
          source: 'import',
          reason: 'bench',
        });
        importMs += performance.now() - t0;
        const cpu1 = process.cpuUsage(cpu0);
        clientCpu += cpu1.user + cpu1.system;
        imported += values.length;
        // Reports as a running cycle leaves them: closed months approved, the last one submitted but for one unit
        // in twenty still in draft (outside the timed import).
        const isLast = period.id === periodList[periodList.length - 1]?.id;
        await ctx.store.db
          .updateTable('submission')
          .set({ status: isLast ? 'submitted' : 'approved' })
          .where('period', '=', period.id)
          .where('form_id', '=', form.id)
          .$if(isLast, (q) => q.where(sql`unit_id % 20`, '<>', 0))
          .execute();
        if (duckAppender) appendToDuck(duckAppender, values);
        process.stderr.write(`\r  ${backend}: ${period.id} ${imported.toLocaleString('en')} figures`);
      }
      process.stderr.write('\n');
      if (duckAppender) {
        duckAppender.closeSync();
        const anc = await duck.createAppender('anc');
        const date = '2026-11-14';
        for (const u of [ctx.graph.root(date).id, ...org.provinces, ...org.communes]) {
          for (const a of [u, ...ctx.graph.ancestorsOn(u, date)]) {
            anc.appendInteger(u);
            anc.appendInteger(a);
            anc.endRow();
          }
        }
        anc.closeSync();
        duckLoaded = true;
      }
      const throughput = REUSE ? null : imported / (importMs / 1000);
      const costAfter = costBefore ? await serverCost(ctx) : null;
      if (costBefore && costAfter) {
        const wal = Number(costAfter.wal - costBefore.wal) / imported;
        const cpu =
          costBefore.cpu === null || costAfter.cpu === null
            ? 'unknown'
            : `${(((costAfter.cpu - costBefore.cpu) * 1e6) / imported).toFixed(2)} µs`;
        console.log(
          `  import: ${Math.round(throughput ?? 0).toLocaleString('en')} figures/s; WAL ${wal.toFixed(1)} bytes, server CPU ${cpu} and client CPU ${(clientCpu / imported).toFixed(2)} µs per figure`,
        );
      }
      // BENCH_IMPORT_ONLY=1: the import alone, e.g. to compare two versions of the write path back to back.
      if (process.env.BENCH_IMPORT_ONLY === '1') continue;
      if (ctx.store.pool && !REUSE) {
        // What autovacuum does after a bulk load, done at once so that reads are timed in the steady state (index-only
        // scans need the visibility map), and the import's pages written out by a checkpoint (otherwise the
        // checkpointer writes gigabytes, spread over minutes, while the reads are timed); not counted in the import.
        const t0 = performance.now();
        await ctx.store.pool.query('VACUUM (ANALYZE) data_value');
        await ctx.store.pool.query('VACUUM (ANALYZE) value_rollup');
        await ctx.store.pool.query('CHECKPOINT');
        console.log(`  vacuum, analyze and checkpoint after the import: ${ms(performance.now() - t0)}`);
      }

      // 2. National briefing pack: nation + every province, every indicator, with comparisons (December: full YTD).
      // 3. Drill-down: the biggest province's communes, one indicator, 24 months.
      // Each run of ours is followed by DuckDB's run of the same question over the leaves, so that both are timed
      // under the same load (on a shared machine the load moves within seconds): the ratios compare like with like.
      const root = ctx.graph.root('2026-11-14').id;
      const packPeriod = parsePeriod(`${LAST.year - 1}-12`);
      const packUnits = [root, ...org.provinces];
      // The computation is timed, not the answer cache around it (which would answer every run after the first).
      const engine = new AnalyticsEngine(
        ctx.graph,
        ctx.catalogue,
        liveAnalyticsSource(ctx.store.readDb, () => ctx.graph),
      );
      const pack = () =>
        engine.aggregateMany({ unitIds: packUnits, period: packPeriod, compare: true, coverage: false });
      const province = org.provinces
        .map((id) => ({ id, n: ctx.graph.childrenOn(id, '2026-11-14').length }))
        .sort((a, b) => b.n - a.n)[0] as { id: number; n: number };
      const last24 = periodList.slice(-24);
      const drill = () =>
        engine.drilldown({ unitId: province.id, indicator: 'drug.cases', option: null, months: last24 });
      const drug = ctx.catalogue.indicator('drug.cases');
      if (!drug) throw new Error('drug.cases missing');
      const ytdMonths = (year: number) =>
        Array.from({ length: 12 }, (_, i) => `'${year}-${String(i + 1).padStart(2, '0')}'`).join(',');
      const packSql = `SELECT a.ancestor_id, v.indicator_id, v.option_id, v.period, sum(v.value) AS value
        FROM v JOIN anc a ON a.unit_id = v.unit_id
        WHERE a.ancestor_id IN (${packUnits.join(',')}) AND v.period IN (${ytdMonths(LAST.year - 1)}, ${ytdMonths(LAST.year - 2)})
        GROUP BY ALL`;
      const children = ctx.graph.childrenOn(province.id, '2026-11-14');
      const drillSql = `SELECT a.ancestor_id, v.period, sum(v.value) FROM v JOIN anc a ON a.unit_id = v.unit_id
        WHERE a.ancestor_id IN (${children.join(',')}) AND v.indicator_id = ${drug.id} AND v.period IN (${last24.map((m) => `'${m.id}'`).join(',')})
        GROUP BY ALL`;
      const timed = async (fn: () => Promise<unknown>, into: number[]) => {
        const t0 = performance.now();
        await fn();
        into.push(performance.now() - t0);
      };
      // Untimed first runs on both sides: a server answers the same questions all day, and V8 compiles the engine's
      // code over its first few calls (the first dozen drill-downs cost 10–45 ms, later ones about 2 ms).
      for (let i = 0; i < WARMUP; i++) {
        await pack();
        await duck.runAndReadAll(packSql);
      }
      const packSamples: number[] = [];
      const duckPack: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        await timed(pack, packSamples);
        await timed(() => duck.runAndReadAll(packSql), duckPack);
      }
      for (let i = 0; i < WARMUP; i++) {
        await drill();
        await duck.runAndReadAll(drillSql);
      }
      const drillSamples: number[] = [];
      const duckDrill: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        await timed(drill, drillSamples);
        await timed(() => duck.runAndReadAll(drillSql), duckDrill);
      }

      // 4. Save-to-visible: one figure saved by a commune, then the national total read back.
      const commune = org.communes[0] ?? org.provinces[0] ?? root;
      const visibleSamples: number[] = [];
      for (let i = 0; i < Math.max(RUNS, 30); i++) {
        const t0 = performance.now();
        await writeValues(
          ctx.store,
          ctx.graph,
          [
            {
              formId: form.id,
              unitId: commune,
              indicatorId: drug.id,
              optionId: NO_OPTION,
              period: `${LAST.year}-${String(LAST.month).padStart(2, '0')}`,
              value: 1000 + i,
              comment: null,
            },
          ],
          { at: new Date().toISOString(), userId: null, source: 'api', reason: 'bench' },
        );
        const [row] = await ctx.engine.aggregate({
          unitId: root,
          period: parsePeriod(`${LAST.year}-${String(LAST.month).padStart(2, '0')}`),
          indicators: ['drug.cases'],
          coverage: false,
          // The commune's report is still a draft: its unit's own view counts drafts.
          include: 'draft',
        });
        visibleSamples.push(performance.now() - t0);
        if (row?.value === null || row?.value === undefined) throw new Error('saved figure not visible');
      }

      const row = {
        backend,
        'import figures/s':
          throughput === null ? 'not measured' : Math.round(throughput).toLocaleString('en'),
        'pack p50': ms(percentile(packSamples, 50)),
        'pack p99': ms(percentile(packSamples, 99)),
        'pack / DuckDB': `${(percentile(packSamples, 50) / percentile(duckPack, 50)).toFixed(2)}×`,
        'drill p50': ms(percentile(drillSamples, 50)),
        'drill / DuckDB': `${(percentile(drillSamples, 50) / percentile(duckDrill, 50)).toFixed(2)}×`,
        'save→visible p50': ms(percentile(visibleSamples, 50)),
        'save→visible p99': ms(percentile(visibleSamples, 99)),
        'DuckDB pack p50': ms(percentile(duckPack, 50)),
        'DuckDB drill p50': ms(percentile(duckDrill, 50)),
        // The 1-minute load average when the reads were done: on a shared machine, figures compare only with those
        // measured under a similar load.
        load: loadavg()[0]?.toFixed(1) ?? '',
      };
      results.push(row);
      console.log(row);
      const settings = await durability(ctx.store.pool);
      if (settings && !/fsync=on .*synchronous_commit=on/.test(settings))
        console.log(
          `warning: PostgreSQL runs without durable settings (${settings}); production figures need both on`,
        );
      if (JSON_FILE) {
        writeBenchJson(JSON_FILE, {
          backend,
          scale: SCALE * FACTOR,
          figures: imported,
          ...(throughput === null ? {} : { import_per_s: throughput }),
          pack_p50_ms: percentile(packSamples, 50),
          pack_p99_ms: percentile(packSamples, 99),
          pack_vs_duckdb: percentile(packSamples, 50) / percentile(duckPack, 50),
          drill_p50_ms: percentile(drillSamples, 50),
          drill_vs_duckdb: percentile(drillSamples, 50) / percentile(duckDrill, 50),
          save_visible_p50_ms: percentile(visibleSamples, 50),
          durability: settings,
        });
        console.log(`written to ${JSON_FILE}`);
      }
    } finally {
      await ctx.close();
      if (process.env.BENCH_KEEP !== '1') await drop();
    }
  }
  console.log('\nsummary');
  console.table(results);
  console.log(
    'targets (full scale, 2 cores; PostgreSQL durable): PostgreSQL import ≥ 300,000 figures/s; pack p50 ≤ 50 ms on SQLite, ≤ 100 ms on PostgreSQL; drill-down ≤ 1× DuckDB on both',
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
