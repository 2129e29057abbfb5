/// <reference lib="dom" />
/**
 * Speed of the web page on loopback with the demo data, in a real Chromium: the first view of the dashboard after
 * sign-in, switching period and unit, the pivot's first table and the tasks page. Prints medians and worst cases
 * over several runs, against the targets.
 *
 * The figures are those `npm start` loads (the full demo, about 1.1 million figures), in a SQLite file built once
 * with `DATABASE_URL=sqlite:./data/giaoban.sqlite npx giaoban demo --scale full`; the benchmark adds its own
 * analyst account to it when missing. `--database small` runs on the small demo of the browser tests instead.
 *
 * `--web DIR` serves another build of the page (e.g. an earlier commit's, built into DIR) against the same server and
 * data, so that two builds can be compared under the same load.
 *
 * `--service-worker block` runs the page without its service worker.
 *
 * `--cpu-slowdown N` runs every tab's page on a main thread N times slower (Chromium's CPU throttling), to see the
 * figures a slower machine than this one would give.
 *
 * Usage: node --import tsx bench/web.ts [--runs 20] [--database data/giaoban.sqlite|small] [--web DIR]
 *   [--service-worker allow|block] [--cpu-slowdown N]
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { launchBrowser, openAs } from '../test/browser/support.ts';
import { ROUTE_CHANGED } from '../web/src/router.ts';
import { startBenchApp } from './full-demo.ts';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(String(process.argv[i]).replace(/^--/, ''), String(process.argv[i + 1]));
const RUNS = Number(args.get('runs') ?? 20);
const DATABASE = args.get('database') ?? 'data/giaoban.sqlite';
const CARD = '.card[data-indicator="drug.cases"][data-option=""] .card-value';
const WEB_ROOT = args.get('web') === undefined ? undefined : resolve(String(args.get('web')));
// `--service-worker block`: the page without its service worker, to see what the worker costs or saves.
const SERVICE_WORKER = args.get('service-worker') === 'block' ? 'block' : 'allow';
const CPU_SLOWDOWN = Number(args.get('cpu-slowdown') ?? 1);
if (!(CPU_SLOWDOWN >= 1))
  throw new Error(`--cpu-slowdown: a number of at least 1 was expected, not ${args.get('cpu-slowdown')}`);

/** Slows the page's main thread as `--cpu-slowdown` asks, before it loads anything. */
async function throttle(page: Page): Promise<void> {
  if (CPU_SLOWDOWN === 1) return;
  const session = await page.context().newCDPSession(page);
  await session.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
}

function stats(samples: number[], target?: number): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  const verdict =
    target === undefined ? '' : ` (target ≤ ${target} ms: ${median <= target ? 'met' : 'not met'})`;
  return `median ${median.toFixed(0)} ms, worst ${sorted[sorted.length - 1]?.toFixed(0)} ms${verdict}`;
}

/** The console line (a `debug` message) by which a page tells the benchmark a watched selector was painted. */
const SHOWN = 'giaoban-bench:shown';

/**
 * Installed in every document the benchmark's browser opens, before the page's own scripts: at every frame, notes
 * for each watched selector the time of the frame after the one it first appeared in (by then painted), on the
 * document's own clock, whose zero is the navigation's start (Navigation Timing's `timeOrigin`: the moment the
 * browser began to fetch the address, before the server answered), and says so on the console. The benchmark only
 * listens: a driver that polls the page (Playwright's `waitForFunction`, `locator.waitFor`) first puts its own
 * helper script into each new tab and runs it on the page's main thread while the page loads, which would be timed.
 */
async function watchFirstFrames(args: { selectors: string[]; shown: string }): Promise<void> {
  const shownAt: Record<string, number> = {};
  const appeared = new Set<string>();
  // A loop over frames rather than a named callback: the TypeScript loader wraps named functions in a helper
  // (`__name`) the page does not have.
  for (;;) {
    await new Promise((next) => requestAnimationFrame(next));
    const now = performance.now();
    for (const selector of args.selectors) {
      if (selector in shownAt) continue;
      if (appeared.has(selector)) {
        shownAt[selector] = now;
        console.debug(`${args.shown} ${now} ${selector}`);
      } else if (document.querySelector(selector)) appeared.add(selector);
    }
  }
}

interface FreshTiming {
  /** From the driver's command to the painted frame, on the driver's clock. */
  driver: number;
  /** From the navigation's start to the painted frame, on the page's clock. */
  page: number;
}

/** Opens an address in a fresh tab and times until a selector shows, touching the page only once it has. */
async function timeFresh(
  context: Awaited<ReturnType<typeof launchBrowser>>['context'],
  url: string,
  selector: string,
): Promise<FreshTiming> {
  const fresh = await context.newPage();
  await throttle(fresh);
  const told = fresh.waitForEvent('console', {
    predicate: (message) => message.type() === 'debug' && message.text().endsWith(` ${selector}`),
    timeout: 30_000,
  });
  const t0 = performance.now();
  await fresh.goto(url, { waitUntil: 'commit' });
  const message = await told;
  const driver = performance.now() - t0;
  const page = Number(message.text().split(' ')[1]);
  await fresh.close();
  return { driver, page };
}

/**
 * Moves the open page to another address, as a click on a period or unit does (the page's router: the address
 * changes, then the page is told), and times on the page's own clock until the card's figure has changed and been
 * painted (the frame after the one that first shows it).
 */
async function timeSwitch(page: Page, address: string): Promise<number> {
  return page.evaluate(
    async ([wanted, selector, routeChanged]) => {
      const before = document.querySelector(selector)?.textContent;
      const t0 = performance.now();
      history.pushState(null, '', wanted);
      window.dispatchEvent(new Event(routeChanged));
      for (;;) {
        await new Promise((next) => requestAnimationFrame(next));
        const el = document.querySelector(selector);
        if (el !== null && el.textContent !== before) break;
      }
      await new Promise((next) => requestAnimationFrame(next));
      return performance.now() - t0;
    },
    [address, CARD, ROUTE_CHANGED] as const,
  );
}

const PIVOT_ROW = '.pivot-table tbody tr';
const TASK_ROW = '.task-table tbody tr';
/** The pause before each switch (see `settle`). */
const SETTLE_MS = 800;

async function main(): Promise<void> {
  const app = await startBenchApp(DATABASE, WEB_ROOT);
  const load = loadavg().map((n) => n.toFixed(2));
  const browser = await launchBrowser({ serviceWorkers: SERVICE_WORKER });
  await browser.context.addInitScript(watchFirstFrames, {
    selectors: [CARD, PIVOT_ROW, TASK_ROW, 'svg'],
    shown: SHOWN,
  });
  const page = await openAs(browser, app, 'analyst.bca');
  await throttle(page);
  const card = page.locator(CARD);

  // Each new tab opens once the previous one's later work is over (its panels below the cards are read and drawn
  // after the figures show): opened straight after, the server was still answering the previous tab's reads.
  const fresh = async (url: string, selector: string): Promise<FreshTiming> => {
    await page.waitForTimeout(SETTLE_MS);
    return timeFresh(browser.context, url, selector);
  };
  const first: FreshTiming[] = [];
  for (let i = 0; i < RUNS; i++)
    first.push(await fresh(`${app.origin}/tong-hop?unit=BCA&period=2020-02`, CARD));

  await page.goto(`${app.origin}/tong-hop?unit=BCA&period=2020-02`);
  await card.waitFor();
  const switches: FreshTiming[] = [];
  // Every switch to a month not shown before (from March 2019, four months apart, across the 2025 reform): a month
  // already shown is drawn from the page's own copy at once, and a list that came round again timed mostly those.
  const periods = Array.from({ length: RUNS }, (_, i) => {
    const month = 2019 * 12 + 2 + 4 * i;
    return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
  });
  // A person reads the month before choosing the next: each switch starts once the previous month's panels below
  // the cards (ranking, series, map, drawn after the figures) are done, not in the middle of them.
  const settle = () => page.waitForTimeout(SETTLE_MS);
  for (let i = 0; i < RUNS; i++) {
    const period = periods[i] as string;
    await settle();
    const t0 = performance.now();
    const onPage = await timeSwitch(page, `/tong-hop?unit=BCA&period=${period}`);
    switches.push({ driver: performance.now() - t0, page: onPage });
  }
  const unitSwitches: FreshTiming[] = [];
  for (const unit of ['40', '01', '79', '38', 'BCA', '37', '48']) {
    await settle();
    const t0 = performance.now();
    const onPage = await timeSwitch(page, `/tong-hop?unit=${unit}&period=2020-02`);
    unitSwitches.push({ driver: performance.now() - t0, page: onPage });
  }
  const pivot: FreshTiming[] = [];
  const tasks: FreshTiming[] = [];
  for (let i = 0; i < RUNS; i++) {
    pivot.push(await fresh(`${app.origin}/tong-hop/bang?unit=BCA&period=2020-02`, PIVOT_ROW));
    tasks.push(await fresh(`${app.origin}/nhiem-vu?unit=BCA&period=2020-02&view=all`, TASK_ROW));
  }
  // A static file of the same server (the page's icon, an SVG document) in a new tab, timed the same way: on the
  // page's clock it is what the browser itself takes to fetch and paint; on the driver's, the floor under every "new
  // tab" figure. Measured last: tabs opened in between made the period switches that follow them slower.
  const floor: FreshTiming[] = [];
  for (let i = 0; i < RUNS; i++) floor.push(await fresh(`${app.origin}/icon.svg`, 'svg'));
  console.log(
    `${DATABASE === 'small' ? 'small demo' : DATABASE}${WEB_ROOT ? `, page from ${WEB_ROOT}` : ''}${CPU_SLOWDOWN === 1 ? '' : `, page's main thread ${CPU_SLOWDOWN}× slower`}, ${RUNS} runs, load average at start ${load.join(' ')}, at end ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    "Times a person waits, on the page's clock (new tab: from the navigation's start; switch: from the address change), to the painted frame; then the driver's clock, which adds its own commands' round trips.",
  );
  const line = (label: string, samples: FreshTiming[], target?: number): void => {
    console.log(
      `${label}: ${stats(
        samples.map((s) => s.page),
        target,
      )}; driver's clock ${stats(samples.map((s) => s.driver))}`,
    );
  };
  line('a static file in a new tab (the browser alone)', floor);
  line('first view of the dashboard (new tab, figures shown)', first, 300);
  line('switching period', switches, 150);
  line('switching unit', unitSwitches);
  line('pivot, first table (new tab)', pivot, 500);
  line('tasks page (new tab, first rows)', tasks, 500);
  await browser.close();
  await app.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
