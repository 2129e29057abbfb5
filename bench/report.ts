/**
 * Times the national monthly briefing report as .docx and as PDF on the demo data (median of 10 runs each, after
 * one warm-up), as a user would get it from the page: built from the analytics engine and rendered.
 * Targets: .docx ≤ 1,5 s, PDF ≤ 2 s.
 *
 * Usage: node --import tsx bench/report.ts [--scale full|small] [--period 2020-02] [--runs 10]
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { openApp } from '../src/app/context.ts';
import { loadDemo } from '../src/demo/load.ts';
import { renderBriefing } from '../src/reports/render.ts';
import { FixedClock } from '../src/shared/clock.ts';

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
  const results: Record<string, number> = {};
  for (const format of ['docx', 'pdf'] as const) {
    const times: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const t = performance.now();
      await renderBriefing(ctx, { unit: 'BCA', period: PERIOD, format, clearance: 'tuyet_mat' });
      if (i > 0) times.push(performance.now() - t);
    }
    results[format] = median(times);
  }
  await ctx.close();
  const target = { docx: 1500, pdf: 2000 } as Record<string, number>;
  for (const [format, ms] of Object.entries(results))
    process.stdout.write(
      `national report ${PERIOD} .${format}: median ${(ms / 1000).toFixed(2)} s of ${RUNS} (target ≤ ${((target[format] ?? 0) / 1000).toFixed(1)} s) ${ms <= (target[format] ?? 0) ? 'ok' : 'OVER'}\n`,
    );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
