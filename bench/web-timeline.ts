/// <reference lib="dom" />
/**
 * Where the time of a first view goes, read from the browser's own timeline (Navigation, Resource and Paint Timing)
 * in the same set-up as the web benchmark (bench/web.ts): a fresh tab of a signed-in browser opens a view and waits
 * for it to show. Prints, per view, the median over the runs of each step's start and end, in milliseconds from the
 * moment the benchmark asks for the address: when the navigation starts, the page's answer, each script and style
 * sheet, each API request, when the page's script starts running, and when the view's first figures are in the page.
 *
 * Usage: node --import tsx bench/web-timeline.ts [--runs 10] [--database data/giaoban.sqlite|small] [--web DIR]
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { launchBrowser, openAs } from '../test/browser/support.ts';
import { BENCH_ANALYST, startBenchApp } from './full-demo.ts';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(String(process.argv[i]).replace(/^--/, ''), String(process.argv[i + 1]));
const RUNS = Number(args.get('runs') ?? 10);
const DATABASE = args.get('database') ?? 'data/giaoban.sqlite';
// Another build of the page (e.g. an earlier commit's), served against the same server and data.
const WEB_ROOT = args.get('web') === undefined ? undefined : resolve(String(args.get('web')));

/** One step of a view's timeline: its name and its start and end, from the moment the address was asked for. */
type Step = [name: string, start: number, end: number];

/**
 * Watches, from before the page's first script, for the selector to appear, and notes when (performance.now()).
 * A string, not a function: the TypeScript loader would wrap a function's inner names in a helper the page lacks.
 */
function watcher(selector: string): string {
  return `(() => {
    const check = () => {
      if (window.__shown === undefined && document.querySelector(${JSON.stringify(selector)})) window.__shown = performance.now();
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
    window.__frames = [];
    try {
      new PerformanceObserver((list) => window.__frames.push(...list.getEntries())).observe({ type: 'long-animation-frame', buffered: true });
    } catch {}
  })();`;
}

/** Reads the timeline in the page, as steps from the moment the address was asked for. */
function readTimeline(askedAt: number, doneAt: number): string {
  return `(() => {
    const offset = performance.timeOrigin - ${askedAt};
    const at = (t) => Math.round(t + offset);
    const out = [];
    const nav = performance.getEntriesByType('navigation')[0];
    out.push(['tab → navigation start', 0, at(0)]);
    if (nav) {
      if (nav.workerStart > 0) out.push(['  service worker start → fetch', at(nav.workerStart), at(nav.fetchStart)]);
      out.push(['document (fetch → response end)', at(nav.fetchStart), at(nav.responseEnd)]);
      out.push(['document: DOMContentLoaded', at(nav.domContentLoadedEventStart), at(nav.domContentLoadedEventEnd)]);
    }
    for (const r of performance.getEntriesByType('resource')) {
      const u = new URL(r.name);
      out.push([r.initiatorType + ' ' + (u.pathname + u.search).slice(0, 80) + ' (' + r.transferSize + ' B' + (r.workerStart > 0 ? ', via worker' : '') + (r.workerMatchedSourceType ? ', route ' + r.workerMatchedSourceType : '') + ')', at(r.startTime), at(r.responseEnd)]);
    }
    for (const p of performance.getEntriesByType('paint')) out.push([p.name, at(p.startTime), at(p.startTime)]);
    for (const m of performance.getEntriesByType('mark')) out.push(['mark ' + m.name, at(m.startTime), at(m.startTime)]);
    for (const f of window.__frames ?? []) {
      const scripts = f.scripts.map((x) => (x.invoker || x.invokerType).slice(0, 40) + ' ' + Math.round(x.duration) + (x.forcedStyleAndLayoutDuration ? '/layout ' + Math.round(x.forcedStyleAndLayoutDuration) : '')).join(', ');
      out.push(['  long frame: render ' + Math.round(f.startTime + f.duration - f.renderStart) + ' (style+layout ' + Math.round(f.startTime + f.duration - f.styleAndLayoutStart) + '); ' + scripts, at(f.startTime), at(f.startTime + f.duration)]);
    }
    if (window.__shown !== undefined) out.push(['selector in the page', at(window.__shown), at(window.__shown)]);
    out.push(['benchmark sees it', ${doneAt - askedAt}, ${doneAt - askedAt}]);
    return out;
  })()`;
}

async function timeline(
  context: Awaited<ReturnType<typeof launchBrowser>>['context'],
  url: string,
  selector: string,
): Promise<Step[]> {
  const fresh = await context.newPage();
  await fresh.addInitScript(watcher(selector));
  const asked = Date.now();
  await fresh.goto(url);
  await fresh.locator(selector).first().waitFor();
  const done = Date.now();
  const steps = (await fresh.evaluate(readTimeline(asked, done))) as Step[];
  await fresh.close();
  return steps;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function report(title: string, runs: Step[][]): void {
  const byName = new Map<string, { starts: number[]; ends: number[]; order: number }>();
  for (const run of runs)
    for (const [name, s, e] of run) {
      const key = name.replace(/-[A-Za-z0-9_]{8}\.(js|css)/, '.$1').replace(/\(\d+ B\)/, (m) => m);
      const entry = byName.get(key) ?? { starts: [], ends: [], order: s };
      entry.starts.push(s);
      entry.ends.push(e);
      byName.set(key, entry);
    }
  console.log(`\n${title} (medians of ${runs.length}, ms from the address being asked for)`);
  const rows = [...byName.entries()].sort((a, b) => median(a[1].starts) - median(b[1].starts));
  for (const [name, { starts, ends }] of rows)
    console.log(
      `  ${String(median(starts)).padStart(5)} → ${String(median(ends)).padStart(5)}  ${name}${starts.length < runs.length ? ` (in ${starts.length} runs)` : ''}`,
    );
}

async function main(): Promise<void> {
  const app = await startBenchApp(DATABASE, WEB_ROOT);
  const load = loadavg().map((n) => n.toFixed(2));
  const browser = await launchBrowser();
  await openAs(browser, app, BENCH_ANALYST.username);
  const views: [string, string, string][] = [
    [
      'dashboard',
      '#/tong-hop?unit=BCA&period=2020-02',
      '.card[data-indicator="drug.cases"][data-option=""] .card-value',
    ],
    ['pivot', '#/tong-hop/bang?unit=BCA&period=2020-02', '.pivot-table tbody tr'],
    ['tasks', '#/nhiem-vu?unit=BCA&period=2020-02&view=all', '.task-table tbody tr'],
  ];
  const results = new Map<string, Step[][]>(views.map(([name]) => [name, []]));
  for (let i = 0; i < RUNS; i++)
    for (const [name, route, selector] of views)
      results.get(name)?.push(await timeline(browser.context, `${app.origin}/${route}`, selector));
  console.log(
    `${DATABASE}${WEB_ROOT ? `, page from ${WEB_ROOT}` : ''}, ${RUNS} runs, load average at start ${load.join(' ')}, at end ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  for (const [name, runs] of results) report(name, runs);
  await browser.close();
  await app.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
