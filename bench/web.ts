/// <reference lib="dom" />
/**
 * Speed of the web page on loopback with the demo data, in a real Chromium: the first view of the dashboard after
 * sign-in, and switching period and unit. Prints medians and worst cases over several runs.
 *
 * Usage: node --import tsx bench/web.ts [--runs 7]
 */
import { performance } from 'node:perf_hooks';
import { launchBrowser, signIn, startApp } from '../test/browser/support.ts';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(String(process.argv[i]).replace(/^--/, ''), String(process.argv[i + 1]));
const RUNS = Number(args.get('runs') ?? 7);

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)} ms, worst ${sorted[sorted.length - 1]?.toFixed(0)} ms`;
}

async function main(): Promise<void> {
  const app = await startApp([{ username: 'analyst.bca', role: 'analyst', unitCode: 'BCA' }]);
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  await signIn(page, app.origin, 'analyst.bca');
  const card = page.locator('.card[data-indicator="drug.cases"][data-option=""] .card-value');

  const first: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const fresh = await browser.context.newPage();
    const t0 = performance.now();
    await fresh.goto(`${app.origin}/#/tong-hop?unit=BCA&period=2020-02`);
    await fresh.locator('.card[data-indicator="drug.cases"][data-option=""] .card-value').waitFor();
    first.push(performance.now() - t0);
    await fresh.close();
  }

  await page.goto(`${app.origin}/#/tong-hop?unit=BCA&period=2020-02`);
  await card.waitFor();
  const switches: number[] = [];
  const periods = ['2020-03', '2021-02', '2024-11', '2025-08', '2026-10', '2019-06', '2022-12'];
  for (let i = 0; i < RUNS; i++) {
    const period = periods[i % periods.length] as string;
    const before = await card.textContent();
    const t0 = performance.now();
    await page.evaluate((p) => {
      location.hash = `#/tong-hop?unit=BCA&period=${p}`;
    }, period);
    await page.waitForFunction(
      ([selector, old]) => {
        const el = document.querySelector(selector as string);
        return el !== null && el.textContent !== old;
      },
      ['.card[data-indicator="drug.cases"][data-option=""] .card-value', before],
    );
    switches.push(performance.now() - t0);
  }
  const unitSwitches: number[] = [];
  for (const unit of ['40', '01', '79', '38', 'BCA', '37', '48']) {
    const before = await card.textContent();
    const t0 = performance.now();
    await page.evaluate((u) => {
      location.hash = `#/tong-hop?unit=${u}&period=2020-02`;
    }, unit);
    await page.waitForFunction(
      ([selector, old]) => {
        const el = document.querySelector(selector as string);
        return el !== null && el.textContent !== old;
      },
      ['.card[data-indicator="drug.cases"][data-option=""] .card-value', before],
    );
    unitSwitches.push(performance.now() - t0);
  }
  console.log(`first view of the dashboard (new tab, figures shown): ${stats(first)}`);
  console.log(`switching period: ${stats(switches)}`);
  console.log(`switching unit: ${stats(unitSwitches)}`);
  await browser.close();
  await app.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
