// Switching month on the national dashboard: the cards change first, and the province map is not taken down while
// the next month's ranking loads (building its outlines again is the page's heaviest work); it is recoloured with
// the new month's figures when they come.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page, Route } from 'playwright-core';
import {
  type LaunchedBrowser,
  openAs,
  outlineReads,
  type RunningApp,
  skipWithoutChromium,
  useBrowserSuite,
} from './support.ts';

let app: RunningApp;
let browser: LaunchedBrowser;
let page: Page;
const CARD = '.card[data-indicator="drug.cases"][data-option=""] .card-value';

useBrowserSuite([{ username: 'analyst.map', role: 'analyst', unitCode: 'BCA' }], async (suite) => {
  ({ app, browser } = suite);
  page = await openAs(browser, app, 'analyst.map');
});

test('a switch of month keeps the map drawn while the ranking loads, then recolours it', {
  skip: skipWithoutChromium,
}, async () => {
  await page.goto(`${app.origin}/tong-hop?unit=BCA&period=2026-09`);
  await page.locator(CARD).waitFor();
  await page.locator('.map-chart svg path').first().waitFor();
  await page.locator('.ranking-table tbody tr').first().waitFor();
  const september = await page.locator(CARD).textContent();
  const fills = () =>
    page.$$eval('.map-chart svg path', (paths) => paths.map((p) => p.getAttribute('fill') ?? '').join(','));
  const before = await fills();
  await page.$eval('.map-chart', (el) => {
    (el as HTMLElement).dataset.kept = 'yes';
  });
  // October's ranking is held back until released, so that the page is seen while it waits.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const hold = async (route: Route) => {
    await held;
    await route.continue();
  };
  await page.route('**/api/aggregates/ranking?*period=2026-10*', hold);
  await page.evaluate(() => {
    history.pushState(null, '', '/tong-hop?unit=BCA&period=2026-10');
    window.dispatchEvent(new Event('giaoban:route'));
  });
  await page.waitForFunction(
    ([selector, old]) => document.querySelector(selector as string)?.textContent !== old,
    [CARD, september],
  );
  await page.waitForTimeout(300);
  assert.equal(
    (await page.locator('.map-chart[data-kept="yes"] svg path').count()) > 0,
    true,
    'the map stayed',
  );
  assert.equal(await page.locator('.map-placeholder').count(), 0, 'no loading placeholder in its place');
  release();
  await page.locator('.ranking-table tbody tr').first().waitFor();
  // Recoloured with October's figures, on the same map.
  await page.waitForFunction(
    (old) =>
      [...document.querySelectorAll('.map-chart svg path')]
        .map((p) => p.getAttribute('fill') ?? '')
        .join(',') !== old,
    before,
  );
  assert.equal(await page.locator('.map-chart[data-kept="yes"]').count(), 1);
  await page.unroute('**/api/aggregates/ranking?*period=2026-10*', hold);
});

test('the outlines are read once for each era: months of the same era ask for none, the reform for the other', {
  skip: skipWithoutChromium,
}, async () => {
  // A new tab of the browser signed in above, listened to before it opens anything: a tab signed in anew lands on
  // the home dashboard, whose map of today's era, drawn after its cards, could be asked for once listened to.
  const fresh = await browser.context.newPage();
  const asked = outlineReads(fresh);
  const showMonth = async (period: string) => {
    await fresh.evaluate((p) => {
      history.pushState(null, '', `/tong-hop?unit=BCA&period=${p}`);
      window.dispatchEvent(new Event('giaoban:route'));
    }, period);
    await fresh.locator(`.ranking-table[data-period="${period}"] tbody tr`).first().waitFor();
    await fresh.locator('.map-chart svg path').first().waitFor();
  };
  await fresh.goto(`${app.origin}/tong-hop?unit=BCA&period=2025-03`);
  await fresh.locator(CARD).waitFor();
  for (const period of ['2025-04', '2025-05', '2025-06']) await showMonth(period);
  assert.deepEqual(asked, ['/api/geo/provinces/63'], 'four months before the reform: one read');
  for (const period of ['2025-07', '2025-08', '2025-06']) await showMonth(period);
  assert.deepEqual(asked, ['/api/geo/provinces/63', '/api/geo/provinces/34'], 'after it: one more, once');
  // The 34-province map is drawn with the 34 provinces' outlines.
  await showMonth('2025-09');
  assert.equal((await fresh.locator('.map-chart svg path').count()) >= 34, true);
  await fresh.close();
});
