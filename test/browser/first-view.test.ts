// The views drawn by the server into the page it sends (src/server/first-view.ts), every one of `DRAWN_PATHS`: the
// same content the page draws itself, read through the same gate, never kept by a cache, and taken over by the
// page's code without reading again; the page's own addresses followed without reloading it, and addresses of the
// earlier form ("/#/…") still opening their view.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { SESSION_COOKIE } from '../../src/server/session.ts';
import { DRAWN_PATHS } from '../../web/src/first-reads.ts';
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
const DASHBOARD = '/tong-hop?unit=BCA&period=2020-02';
const CARD = '.card[data-indicator="drug.cases"][data-option=""] .card-value';
/** A drawn card's figure in the page's text (the style sheet inside a drawn page names the class too). */
const DRAWN_CARD = 'class="card-value"';

before(async () => {
  if (skipWithoutChromium) return;
  app = await startApp([
    { username: 'analyst.drawn', role: 'analyst', unitCode: 'BCA' },
    { username: 'analyst.hanoi', role: 'analyst', unitCode: '01' },
  ]);
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await signIn(page, app, 'analyst.drawn');
});

after(async () => {
  await browser?.close();
  await app?.close();
});

/** Every card of a dashboard: its measure and the figure, change and comparison lines as shown. */
async function cardsOf(tab: Page): Promise<string[]> {
  return tab
    .locator('.card')
    .evaluateAll((cards) =>
      cards.map(
        (card) =>
          `${card.getAttribute('data-indicator')}|${card.getAttribute('data-option')}|${(card.textContent ?? '').replace(/\s+/g, ' ').trim()}`,
      ),
    );
}

interface DrawnView {
  /** An address of the view with its unit and period. */
  address: string;
  /** The elements that carry the view's content (a card, a task's row). */
  items: string;
  /** The content as shown, element by element. */
  read: (tab: Page) => Promise<string[]>;
  /** The reads the page would make for the view, by path: none is asked for again once the view came drawn. */
  reads: string[];
}

/** What each drawn view shows; a path added to `DRAWN_PATHS` without its entry here fails the sweep below. */
const DRAWN_VIEWS: Record<string, DrawnView> = {
  '/tong-hop': {
    address: DASHBOARD,
    items: CARD,
    read: cardsOf,
    reads: ['/api/auth/me', '/api/indicators', '/api/forms', '/api/units/BCA', '/api/aggregates'],
  },
  '/tong-hop/bang': {
    address: '/tong-hop/bang?unit=BCA&period=2020-02',
    items: '.pivot-table tbody tr',
    read: (tab) =>
      tab
        .locator('main .pivot-table tr')
        .evaluateAll((rows) =>
          rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? '').trim()).join(' | ')),
        ),
    reads: ['/api/auth/me', '/api/indicators', '/api/forms', '/api/units/BCA', '/api/aggregates'],
  },
  '/nhiem-vu': {
    address: '/nhiem-vu?unit=BCA&period=2020-02&view=all',
    items: '.task-table tbody tr',
    read: (tab) =>
      tab
        .locator('main .task-summary, main .task-table tbody tr')
        .evaluateAll((rows) => rows.map((row) => (row.textContent ?? '').replace(/\s+/g, ' ').trim())),
    reads: ['/api/auth/me', '/api/indicators', '/api/forms', '/api/units/BCA', '/api/tasks'],
  },
};

test('every view the server draws has its entry in this sweep', { skip: skipWithoutChromium }, () => {
  assert.deepEqual(Object.keys(DRAWN_VIEWS).sort(), [...DRAWN_PATHS].sort());
});

/** A new tab, with the API paths it asks for and the errors it reports, as they come. */
async function watchedTab(): Promise<{ tab: Page; asked: string[]; errors: string[] }> {
  const tab = await browser.context.newPage();
  const asked: string[] = [];
  tab.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) asked.push(url.pathname);
  });
  const errors: string[] = [];
  tab.on('pageerror', (error) => errors.push(String(error)));
  tab.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { tab, asked, errors };
}

async function sessionCookie(): Promise<string> {
  const cookie = (await browser.context.cookies()).find((c) => c.name === SESSION_COOKIE);
  assert.ok(cookie, 'signed in');
  return `${SESSION_COOKIE}=${cookie.value}`;
}

for (const [path, view] of Object.entries(DRAWN_VIEWS)) {
  test(`with its scripts off, ${path} shows the same content the page draws itself`, {
    skip: skipWithoutChromium,
  }, async () => {
    // The page's own drawing: an address of the earlier form, which the server cannot see and the page draws.
    await page.goto(`${app.origin}/#${view.address}`);
    await page.locator(view.items).first().waitFor();
    await page.waitForURL(`${app.origin}${view.address}`);
    const drawnByPage = await view.read(page);
    assert.ok(drawnByPage.length > 2, `items drawn: ${drawnByPage.length}`);

    const noScripts = await launchBrowser({ javaScriptEnabled: false });
    try {
      await noScripts.context.addCookies(await browser.context.cookies());
      const tab = await noScripts.context.newPage();
      const response = await tab.goto(`${app.origin}${view.address}`);
      assert.equal(
        response?.headers()['cache-control'],
        'no-store',
        'the drawn view is never kept by a cache',
      );
      assert.deepEqual(await view.read(tab), drawnByPage);
    } finally {
      await noScripts.close();
    }
  });

  test(`the page takes ${path} over as drawn, without asking for its first reads again`, {
    skip: skipWithoutChromium,
  }, async () => {
    const { tab, asked, errors } = await watchedTab();
    await tab.goto(`${app.origin}${view.address}`);
    const drawn = await view.read(tab);
    // The element the server sent is kept by the page's render (a mark on it survives): the page's code, fetched
    // once the view was painted, has run when the network has long been quiet.
    await tab
      .locator(view.items)
      .first()
      .evaluate((el) => {
        (el as HTMLElement).dataset.sent = 'yes';
      });
    await tab.waitForLoadState('networkidle');
    assert.equal(await tab.locator(view.items).first().getAttribute('data-sent'), 'yes');
    assert.deepEqual(await view.read(tab), drawn);
    // Taken over: the header's language switch answers, and back.
    await tab.getByRole('button', { name: 'EN', exact: true }).click();
    await tab.waitForFunction(() => document.documentElement.lang === 'en');
    await tab.getByRole('button', { name: 'VI', exact: true }).click();
    await tab.waitForFunction(() => document.documentElement.lang === 'vi');
    await tab.locator(view.items).first().waitFor();
    assert.deepEqual(await view.read(tab), drawn);
    for (const read of view.reads)
      assert.ok(!asked.includes(read), `${read} was not asked for again: ${asked.join(', ')}`);
    assert.deepEqual(errors, []);
    await tab.close();
  });
}

test('over the drawn dashboard, the page follows its own links without reloading, and back', {
  skip: skipWithoutChromium,
}, async () => {
  const { tab, errors } = await watchedTab();
  await tab.goto(`${app.origin}${DASHBOARD}`);
  // Taken over once the page's code, fetched after the view was painted, has run: the network is long quiet then.
  await tab.waitForLoadState('networkidle');
  // A link of the page changes the view without loading the page again.
  await tab.evaluate(() => {
    (window as unknown as { samePage: boolean }).samePage = true;
  });
  await tab.locator('.main-nav a[href^="/nhiem-vu"]').click();
  await tab.waitForURL(/\/nhiem-vu\?unit=BCA&period=2020-02/);
  await tab.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await tab.evaluate(() => (window as unknown as { samePage?: boolean }).samePage), true);
  await tab.goBack();
  await tab.locator(CARD).waitFor();
  assert.equal(new URL(tab.url()).pathname, '/tong-hop');
  assert.deepEqual(errors, []);
  await tab.close();
});

test('the server draws only what the reader may read: a unit outside their scope gets the bare page', {
  skip: skipWithoutChromium,
}, async () => {
  const hanoi = await browser.context.newPage();
  await signIn(hanoi, app, 'analyst.hanoi');
  const cookie = await sessionCookie();
  const outside = await fetch(`${app.origin}${DASHBOARD}`, { headers: { cookie } });
  const outsideText = await outside.text();
  assert.equal(outside.status, 200);
  assert.ok(!outsideText.includes(DRAWN_CARD), 'no figure of the nation drawn for a province reader');
  assert.ok(!outsideText.includes('giaoban-first-answers'), 'no answer sent with the page');
  const own = await fetch(`${app.origin}/tong-hop?unit=01&period=2020-02`, { headers: { cookie } });
  assert.ok((await own.text()).includes(DRAWN_CARD), "the reader's own province is drawn");
  // Signed out, nothing is drawn either.
  const anonymous = await (await fetch(`${app.origin}${DASHBOARD}`)).text();
  assert.ok(!anonymous.includes(DRAWN_CARD));
  // The page then shows the refusal as for its own reads.
  await hanoi.goto(`${app.origin}${DASHBOARD}`);
  await hanoi.locator('.notice').first().waitFor();
  assert.equal(await hanoi.locator('.card').count(), 0);
  await hanoi.close();
  await signIn(page, app, 'analyst.drawn');
});

test("the service worker never keeps a drawn view: the page kept for use offline holds no reader's figures", {
  skip: skipWithoutChromium,
}, async () => {
  await page.goto(`${app.origin}${DASHBOARD}`);
  await page.locator(CARD).waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.locator(CARD).waitFor();
  const kept = await page.evaluate(async () => {
    const texts: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        if (response?.headers.get('content-type')?.includes('text/html')) texts.push(await response.text());
      }
    }
    return texts;
  });
  assert.ok(kept.length > 0, 'the bare page is kept for use offline');
  for (const text of kept) assert.ok(!text.includes(DRAWN_CARD), 'no drawn view in the cache');
});

/**
 * Opens the drawn dashboard of `address` in a new tab of a browser without a service worker (whose cache would answer
 * for the script), with the page's first script held back, and runs `act` on it: the view is on screen with no
 * handler on it yet until `act` calls `release`. The browser is closed afterwards, whatever happened.
 */
async function withScriptHeld(
  address: string,
  act: (tab: Page, release: () => Promise<void>) => Promise<void>,
): Promise<void> {
  const bare = await launchBrowser({ serviceWorkers: 'block' });
  try {
    const signInTab = await bare.context.newPage();
    await signIn(signInTab, app, 'analyst.drawn');
    const tab = await bare.context.newPage();
    const held: Array<() => Promise<void>> = [];
    await tab.route('**/assets/index-*.js', (route) => {
      held.push(() => route.continue());
    });
    await tab.goto(`${app.origin}${address}`);
    await tab.locator(CARD).waitFor();
    for (let waited = 0; held.length === 0 && waited < 5000; waited += 50) await tab.waitForTimeout(50);
    assert.equal(held.length, 1, "the page's first script was asked for once the view was painted");
    await act(tab, async () => {
      for (const release of held) await release();
    });
  } finally {
    await bare.close();
  }
}

test("a click on the drawn view before the page's code has taken it over is done once it has, not lost", {
  skip: skipWithoutChromium,
}, async () => {
  await withScriptHeld(DASHBOARD, async (tab, release) => {
    await tab.getByRole('button', { name: 'EN', exact: true }).click();
    assert.equal(await tab.locator('html').getAttribute('lang'), 'vi', 'nothing happened yet');
    await release();
    await tab.getByRole('heading', { name: /Ministry of Public Security/ }).waitFor();
    assert.equal(await tab.locator('html').getAttribute('lang'), 'en');
    await tab.getByRole('button', { name: 'VI', exact: true }).click();
    await tab.getByRole('heading', { name: /Bộ Công an/ }).waitFor();
  });
});

test("a move to the next month clicked before the page's code has taken the drawn view over shows that month", {
  skip: skipWithoutChromium,
}, async () => {
  await withScriptHeld(DASHBOARD, async (tab, release) => {
    await tab.getByRole('button', { name: 'Tháng sau' }).click();
    await release();
    // The click is done once the page has taken over, before its view follows the address: the address and the
    // view must both move to March.
    await tab.waitForURL(/period=2020-03/);
    await tab.getByRole('heading', { level: 1, name: /tháng 03\/2020/ }).waitFor();
    await tab.locator('.ranking-table[data-period="2020-03"] tbody tr').first().waitFor();
  });
});

test("a section opened on the drawn view before the page's code has taken it over stays open", {
  skip: skipWithoutChromium,
}, async () => {
  // October 2026: units not yet reported, listed in a section opened on demand.
  await withScriptHeld('/tong-hop?unit=BCA&period=2026-10', async (tab, release) => {
    const details = tab.locator('.completeness details');
    await details.locator('summary').click();
    assert.equal(
      await details.evaluate((el) => (el as HTMLDetailsElement).open),
      true,
      'opened by the browser',
    );
    await release();
    // Taken over once the page's code, fetched on release, has run: the network is long quiet then.
    await tab.waitForLoadState('networkidle');
    assert.equal(await details.evaluate((el) => (el as HTMLDetailsElement).open), true, 'still open');
  });
});

test("a choice made in a field of the drawn view before the page's code has taken it over is the one it acts on", {
  skip: skipWithoutChromium,
}, async () => {
  await withScriptHeld(DASHBOARD, async (tab, release) => {
    await tab.locator('.include-switch select').selectOption('draft');
    await release();
    await tab.waitForURL(/include=draft/);
    assert.equal(await tab.locator('.include-switch select').inputValue(), 'draft');
  });
});
