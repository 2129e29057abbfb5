// The dashboard asks for the months next to the one shown, so that stepping to them is instant, but only for a
// reader without clearance: a cleared reader's answer may hold classified figures, which are sent, and their reading
// recorded, only for a month the reader opens.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { SYSTEM_ACTOR } from '../../src/audit/actor.ts';
import { setSecrecyDecision } from '../../src/secrecy/overrides.ts';
import {
  type LaunchedBrowser,
  openAs,
  type RunningApp,
  skipWithoutChromium,
  useBrowserSuite,
} from './support.ts';

let app: RunningApp;
let browser: LaunchedBrowser;
const CARD = '.card[data-indicator="drug.cases"][data-option=""] .card-value';

useBrowserSuite(
  [
    { username: 'analyst.open', role: 'analyst', unitCode: 'BCA', clearance: 'none' },
    { username: 'analyst.cleared', role: 'analyst', unitCode: 'BCA', clearance: 'mat' },
  ],
  (suite) => {
    ({ app, browser } = suite);
  },
);

/** The months whose figures the page asked for while it opened February 2020 and showed it for a few seconds (the
 * home view it comes from may still be answering). */
async function monthsAsked(page: Page): Promise<string[]> {
  const asked = new Set<string>();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === '/api/aggregates') asked.add(url.searchParams.get('period') ?? '');
  });
  await page.goto(`${app.origin}/tong-hop?unit=BCA&period=2020-02`);
  await page.locator(CARD).waitFor();
  await page.waitForTimeout(2500);
  return [...asked].sort();
}

test('a reader without clearance gets the months before and after asked for ahead', {
  skip: skipWithoutChromium,
}, async () => {
  const page = await openAs(browser, app, 'analyst.open');
  const asked = await monthsAsked(page);
  // February itself comes drawn by the server, with its answer (first-view.test.ts).
  for (const month of ['2020-01', '2020-03']) assert.ok(asked.includes(month), month);
  await page.close();
});

test('a cleared reader gets only the month opened: no classified figures of another month are read', {
  skip: skipWithoutChromium,
}, async () => {
  // A national figure classified Mật by decision: the nation's answer is then classified for this reader.
  const { ctx } = app.testApp;
  const nation = ctx.graph.findByCode('BCA', '2020-02-14');
  assert.ok(nation);
  await setSecrecyDecision(ctx, {
    indicator: 'drug.suspects',
    unitId: nation.id,
    level: 'mat',
    reason: 'Thử nghiệm: số liệu quốc gia được xác định là Mật',
    actor: SYSTEM_ACTOR,
  });
  const page = await openAs(browser, app, 'analyst.cleared');
  const asked = await monthsAsked(page);
  assert.deepEqual(
    asked.filter((month) => month.startsWith('2020-') && month !== '2020-02'),
    [],
    'no month next to February was asked for',
  );
  const reads = await ctx.store.db
    .selectFrom('audit_log')
    .select(['target'])
    .where('action', '=', 'read.classified')
    .where('actor_name', 'like', 'analyst.cleared (%')
    .execute();
  const months = reads.map((r) => r.target).filter((t) => t.startsWith('aggregates:BCA/'));
  // The month opened is classified for this reader (its figures include a Mật one) and recorded as read; no month
  // next to it, nor next to the home view it came from (November 2026), was read.
  assert.ok(months.includes('aggregates:BCA/2020-02'));
  const neighbours = ['2020-01', '2020-03', '2026-10', '2026-12'].map((m) => `aggregates:BCA/${m}`);
  assert.deepEqual(
    months.filter((m) => neighbours.includes(m)),
    [],
  );
  await page.close();
});
