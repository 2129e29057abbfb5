// What makes the first view and a switch of month quick, checked without timing anything (timings are the web
// benchmark's, bench/web.ts): the page's reads leave together instead of one after another, and a month already
// seen is drawn again at once, without a "loading" state in between.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page, Route } from 'playwright-core';
import {
  type LaunchedBrowser,
  launchBrowser,
  type RunningApp,
  signIn,
  skipWithoutChromium,
  startApp,
} from './support.ts';

let app: RunningApp;
let browser: LaunchedBrowser;
let page: Page;
const CARD = '.card[data-indicator="drug.cases"][data-option=""] .card-value';

before(async () => {
  if (skipWithoutChromium) return;
  app = await startApp([{ username: 'analyst.speed', role: 'analyst', unitCode: 'BCA' }]);
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await signIn(page, app, 'analyst.speed');
});

after(async () => {
  await browser?.close();
  await app?.close();
});

/** Opens an address in a new tab whose session check answers only after a second, noting when reads leave. */
async function openWithSlowSession(
  url: string,
  shown: string,
): Promise<{ sent: Map<string, number>; me: number }> {
  const fresh = await browser.context.newPage();
  const sent = new Map<string, number>();
  let me = Number.POSITIVE_INFINITY;
  // On the context, so that the service worker's own request (it keeps a copy of the session) is held too.
  const slow = async (route: Route) => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const response = await route.fetch();
    me = Math.min(me, Date.now());
    await route.fulfill({ response });
  };
  await browser.context.route('**/api/auth/me', slow);
  fresh.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (!sent.has(path)) sent.set(path, Date.now());
  });
  await fresh.goto(url);
  await fresh.locator(shown).first().waitFor();
  await fresh.close();
  await browser.context.unroute('**/api/auth/me', slow);
  assert.ok(Number.isFinite(me), 'the session check was held back');
  return { sent, me };
}

test('the dashboard the page draws (an address of the earlier form) asks for its figures, the catalogue and the unit while the session is being checked', {
  skip: skipWithoutChromium,
}, async () => {
  // The server draws the dashboard at its own address (first-view.test.ts); at the earlier form's the page does.
  const { sent, me } = await openWithSlowSession(`${app.origin}/#/tong-hop?unit=BCA&period=2020-02`, CARD);
  for (const path of ['/api/aggregates', '/api/indicators', '/api/forms', '/api/units/BCA'])
    assert.ok((sent.get(path) ?? Number.POSITIVE_INFINITY) < me, `${path} left before the session answered`);
});

test('the pivot and the tasks page the page draws ask for their table before the session answers', {
  skip: skipWithoutChromium,
}, async () => {
  // The server draws both at their own addresses (first-view.test.ts); at the earlier form's the page does.
  const pivot = await openWithSlowSession(
    `${app.origin}/#/tong-hop/bang?unit=BCA&period=2020-02`,
    '.pivot-table tbody tr',
  );
  assert.ok((pivot.sent.get('/api/aggregates') ?? Number.POSITIVE_INFINITY) < pivot.me);
  const tasks = await openWithSlowSession(
    `${app.origin}/#/nhiem-vu?unit=BCA&period=2020-02&view=all`,
    '.task-table tbody tr',
  );
  assert.ok((tasks.sent.get('/api/tasks') ?? Number.POSITIVE_INFINITY) < tasks.me);
});

test("the first view's reads leave while the page is read, before any of its scripts has arrived", {
  skip: skipWithoutChromium,
}, async () => {
  // Without a service worker or a cached copy every script comes from the network, where it can be held back.
  const bare = await launchBrowser({ serviceWorkers: 'block' });
  try {
    const signInTab = await bare.context.newPage();
    await signIn(signInTab, app, 'analyst.speed');
    // The scripts the sign-in loaded must come from the network again, where they are held.
    await (await bare.context.newCDPSession(signInTab)).send('Network.clearBrowserCache');
    const tab = await bare.context.newPage();
    const refused: string[] = [];
    tab.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) refused.push(message.text());
    });
    const held: Route[] = [];
    await tab.route('**/assets/*.js', (route) => {
      held.push(route);
    });
    const figures = tab.waitForRequest((request) => request.url().includes('/api/aggregates?'), {
      timeout: 10_000,
    });
    // The pivot at an address of the earlier form, which the page draws (at its own the server draws it).
    await tab.goto(`${app.origin}/#/tong-hop/bang?unit=BCA&period=2020-02`, { waitUntil: 'commit' });
    const request = await figures;
    // The scripts, asked for alongside, are still held: none of the page's code had run.
    for (let waited = 0; held.length === 0 && waited < 5000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(held.length > 0, "the page's scripts were asked for and held back");
    assert.match(request.url(), /unit=BCA&period=2020-02/);
    for (const route of held) await route.continue();
    await tab.unroute('**/assets/*.js');
    await tab.locator('.pivot-table tbody tr').first().waitFor();
    assert.deepEqual(refused, [], "the page's inline script is allowed by the Content-Security-Policy");
  } finally {
    await bare.close();
  }
});

test('going back to a month already seen redraws the same cards at once, asking the server nothing', {
  skip: skipWithoutChromium,
}, async () => {
  await page.goto(`${app.origin}/tong-hop?unit=BCA&period=2020-02`);
  await page.locator(CARD).waitFor();
  const february = await page.locator(CARD).textContent();
  await page.evaluate(() => {
    history.pushState(null, '', '/tong-hop?unit=BCA&period=2020-03');
    window.dispatchEvent(new Event('giaoban:route'));
  });
  // March's card, not the moment between (March not seen before may show "loading" with no card).
  await page.waitForFunction(
    ([selector, old]) => {
      const card = document.querySelector(selector as string);
      return card !== null && card.textContent !== old;
    },
    [CARD, february],
  );
  // The card element is marked; a "loading" state in between would unmount it and the mark would be lost.
  await page.evaluate((selector) => {
    (document.querySelector(selector) as HTMLElement).dataset.seen = 'yes';
  }, CARD);
  const asked: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/aggregates?')) asked.push(request.url());
  });
  await page.evaluate(() => {
    history.pushState(null, '', '/tong-hop?unit=BCA&period=2020-02');
    window.dispatchEvent(new Event('giaoban:route'));
  });
  await page.waitForFunction(
    ([selector, value]) => document.querySelector(selector as string)?.textContent === value,
    [CARD, february],
  );
  assert.equal(await page.locator(CARD).getAttribute('data-seen'), 'yes', 'the cards stayed mounted');
  assert.deepEqual(
    asked.filter((url) => url.includes('period=2020-02&')),
    [],
    'February came from the page, not the server',
  );
});

test('the first view of the dashboard loads only the shell’s and the dashboard’s code before its cards', {
  skip: skipWithoutChromium,
}, async () => {
  const fresh = await browser.context.newPage();
  // When the cards first appear is noted from before the page's first script runs.
  await fresh.addInitScript(() => {
    const w = window as unknown as { cardsAt?: number };
    new MutationObserver(() => {
      if (document.querySelector('.card') && w.cardsAt === undefined) w.cardsAt = performance.now();
    }).observe(document, { childList: true, subtree: true });
  });
  // The dashboard as the page draws it (the server draws it at its own address: first-view.test.ts).
  await fresh.goto(`${app.origin}/#/tong-hop?unit=BCA&period=2020-02`);
  await fresh.locator(CARD).waitFor();
  const seen = await fresh.evaluate(() => {
    const w = window as unknown as { cardsAt?: number };
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((r) => new URL(r.name).pathname.endsWith('.js') && r.startTime < (w.cardsAt ?? 0))
      .map((r) => ({ path: new URL(r.name).pathname, size: r.decodedBodySize }));
    return { scripts };
  });
  await fresh.close();
  const names = seen.scripts.map((s) => s.path.replace(/^\/assets\/|-[\w-]{8}\.js$/g, ''));
  for (const other of ['data-entry', 'meetings', 'admin', 'documents', 'charts'])
    assert.ok(!names.includes(other), `${other}'s code was not loaded before the cards: ${names.join(', ')}`);
  const bytes = seen.scripts.reduce((sum, s) => sum + s.size, 0);
  assert.ok(
    bytes < 120_000,
    `the scripts before the cards weigh ${bytes} bytes (the single bundle was 199 kB)`,
  );
});

test('a new tab whose answers come in time draws the view in its first frame, with no "checking" or "loading" before it', {
  skip: skipWithoutChromium,
}, async (t) => {
  // The dashboard as the page draws it (the server draws it at its own address: first-view.test.ts).
  const url = `${app.origin}/#/tong-hop?unit=BCA&period=2020-02`;
  // Once for the server's answers to be at hand, as a dashboard opened again during the day finds them.
  const warm = await browser.context.newPage();
  await warm.goto(url);
  await warm.locator(CARD).waitFor();
  await warm.close();
  const fresh = await browser.context.newPage();
  // What the page first puts in its root, noted as it happens (before any of the page's scripts runs).
  await fresh.addInitScript(() => {
    const w = window as unknown as { first?: { at: number; cards: boolean; text: string } };
    new MutationObserver(() => {
      const root = document.getElementById('app');
      if (w.first || !root || root.childElementCount === 0) return;
      w.first = {
        at: performance.now(),
        cards: root.querySelector('.card') !== null,
        text: (root.textContent ?? '').slice(0, 80),
      };
    }).observe(document, { childList: true, subtree: true });
  });
  await fresh.goto(url);
  await fresh.locator(CARD).waitFor();
  const seen = await fresh.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      ...(window as unknown as { first: { at: number; cards: boolean; text: string } }).first,
      documentAt: nav.responseEnd,
    };
  });
  await fresh.close();
  // The page waits at most 300 ms after its script starts (which is after the document has arrived): a first content
  // without the cards sooner than that is a frame drawn before the view was ready.
  const after = Math.round(seen.at - seen.documentAt);
  if (after < 300)
    assert.ok(seen.cards, `the first content of the page (${after} ms after the document) is "${seen.text}"`);
  else t.diagnostic(`the answers came later than the first frame waits (${after} ms): nothing to check`);
});
