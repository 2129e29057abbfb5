/// <reference lib="dom" />
// A commune on a weak connection: the page installs (manifest and service worker), figures typed while the network
// is gone are kept in the browser across a reload and sent once when it is back; a figure changed on the server
// meanwhile is put to the officer to decide.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { saveFormValues } from '../../src/values/service.ts';
import {
  type LaunchedBrowser,
  openAs,
  type RunningApp,
  screenshotPath,
  skipWithoutChromium,
  useBrowserSuite,
} from './support.ts';

const COMMUNE = '13285';
const PERIOD = '2026-12';

let app: RunningApp;
let browser: LaunchedBrowser;
let page: Page;

useBrowserSuite([{ username: 'canbo.phuly', role: 'officer', unitCode: COMMUNE }], async (suite) => {
  ({ app, browser } = suite);
  page = await openAs(browser, app, 'canbo.phuly');
});

const input = (key: string) => page.locator(`.entry-input[data-key="${key}"]`);

async function stored(indicator: string): Promise<{ value: number | null; version: number } | undefined> {
  const { ctx } = app.testApp;
  const unit = ctx.graph.findByCode(COMMUNE, '2026-12-14');
  const ind = ctx.catalogue.indicator(indicator);
  const row = await ctx.store.db
    .selectFrom('data_value')
    .select(['value', 'version'])
    .where('unit_id', '=', unit?.id ?? -1)
    .where('indicator_id', '=', ind?.id ?? -1)
    .where('period', '=', PERIOD)
    .executeTakeFirst();
  return row;
}

test('figures typed offline survive a reload and are saved exactly once when the network returns', {
  skip: skipWithoutChromium,
}, async () => {
  const manifest = await page.request.get(`${app.origin}/manifest.webmanifest`);
  assert.equal(manifest.status(), 200);
  assert.equal((await manifest.json()).display, 'standalone');

  await page.goto(`${app.origin}/bao-cao/BC-THANG?unit=${COMMUNE}&period=${PERIOD}`);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // Once the service worker controls the page, its reads are kept for offline use.
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await input('crime.occurred').waitFor();

  const puts: string[] = [];
  page.on('requestfinished', async (request) => {
    if (request.method() === 'PUT' && request.url().endsWith('/api/values')) {
      const response = await request.response();
      if (response?.ok()) puts.push(request.postData() ?? '');
    }
  });
  await input('crime.occurred').fill('2');
  await page.locator('.save-saved').waitFor();

  await browser.context.setOffline(true);
  await input('gambling.cases').fill('3');
  await input('gambling.suspects').fill('7');
  await input('gambling.suspects').press('Tab');
  await page.getByText('Mất kết nối: số liệu đã lưu trên máy này').waitFor();

  // The page comes back from the service worker, with what was typed.
  await page.reload();
  await input('gambling.cases').waitFor();
  assert.equal(await input('crime.occurred').inputValue(), '2');
  assert.equal(await input('gambling.cases').inputValue(), '3');
  assert.equal(await input('gambling.suspects').inputValue(), '7');
  assert.equal(await stored('gambling.cases'), undefined, 'nothing reached the server yet');

  await browser.context.setOffline(false);
  await page.locator('.save-saved').waitFor();
  await page.waitForFunction(async () => {
    const request = indexedDB.open('giaoban');
    const db = await new Promise<IDBDatabase>((resolve) => {
      request.onsuccess = () => resolve(request.result);
    });
    const count = await new Promise<number>((resolve) => {
      const r = db.transaction('drafts').objectStore('drafts').count();
      r.onsuccess = () => resolve(r.result);
    });
    db.close();
    return count === 0;
  });
  assert.deepEqual(await stored('crime.occurred'), { value: 2, version: 1 });
  assert.deepEqual(await stored('gambling.cases'), { value: 3, version: 1 });
  assert.deepEqual(await stored('gambling.suspects'), { value: 7, version: 1 });
  const sentGambling = puts.filter((body) => body.includes('gambling.cases'));
  assert.equal(sentGambling.length, 1, 'the offline figures were sent once');
});

test('a figure changed on the server while offline is put to the officer, who keeps theirs', {
  skip: skipWithoutChromium,
}, async () => {
  await browser.context.setOffline(true);
  await input('drug.cases').fill('4');
  await input('drug.cases').press('Tab');
  await page.getByText('Mất kết nối: số liệu đã lưu trên máy này').waitFor();
  // Meanwhile the figure is written on the server by someone else.
  await saveFormValues(app.testApp.ctx, {
    form: 'BC-THANG',
    unit: COMMUNE,
    period: PERIOD,
    actor: { id: null, name: 'tỉnh' },
    source: 'api',
    cells: [{ indicator: 'drug.cases', option: null, value: 6, version: 0 }],
  });
  await browser.context.setOffline(false);
  const panel = page.locator('.offline-conflicts');
  await panel.waitFor();
  assert.match((await panel.textContent()) ?? '', /số của bạn 4, số trên máy chủ 6/);
  await page.screenshot({ path: screenshotPath('offline-conflict') });
  await panel.getByRole('button', { name: 'Giữ số của tôi' }).click();
  await page.locator('.save-saved').waitFor();
  assert.deepEqual(await stored('drug.cases'), { value: 4, version: 2 });
  assert.equal(await input('drug.cases').inputValue(), '4');
});

test('signing out forgets the reads the page kept for use without a network', {
  skip: skipWithoutChromium,
}, async () => {
  await page.goto(`${app.origin}/bao-cao/BC-THANG?unit=${COMMUNE}&period=${PERIOD}`);
  await input('crime.occurred').waitFor();
  const keptPaths = () =>
    page.evaluate(async () =>
      (await caches.has('giaoban-reads-v1'))
        ? (await (await caches.open('giaoban-reads-v1')).keys()).map((r) => new URL(r.url).pathname)
        : [],
    );
  await page.waitForFunction(async () => {
    const cache = await caches.open('giaoban-reads-v1');
    return (await cache.match('/api/auth/me')) !== undefined;
  });
  assert.ok((await keptPaths()).includes('/api/values'), 'the form’s figures were kept');
  await page.locator('.user-menu-button').click();
  await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
  await page.getByLabel('Tên đăng nhập', { exact: true }).waitFor();
  await page.waitForFunction(async () => !(await caches.has('giaoban-reads-v1')));
  assert.deepEqual(await keptPaths(), []);
});
