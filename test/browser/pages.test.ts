/// <reference lib="dom" />
// Smaller breaks, each fixed: the targets page follows the chosen period and does not call provinces without
// figures "chưa đạt"; the Tết page's numbers and ranking; the header's unit search; overdue wording and English
// statuses on the tasks page; the linked list of units not yet reported; the 404 page; the 63-province map's
// archipelagos.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  type LaunchedBrowser,
  openAs,
  outlineReads,
  type RunningApp,
  screenshotPath,
  skipWithoutChromium,
  useBrowserSuite,
} from './support.ts';

let app: RunningApp;
let browser: LaunchedBrowser;
let page: Page;

useBrowserSuite([{ username: 'tonghop.bca', role: 'analyst', unitCode: 'BCA' }], async (suite) => {
  ({ app, browser } = suite);
  page = await openAs(browser, app, 'tonghop.bca');
});

test('the targets page answers for the period chosen in the header and sets provinces without figures apart', {
  skip: skipWithoutChromium,
}, async () => {
  await page.goto(`${app.origin}/giao-ban/chi-tieu?unit=BCA&period=2020-06`);
  const target = page.locator('.target').first();
  // June 2020 is the 63-province era: its last data day is 14/06/2020.
  await target.locator('.target-bar').nth(62).waitFor();
  assert.equal(await page.getByLabel('Tính đến ngày').inputValue(), '2020-06-14');
  const values = await target.locator('.behind-table tbody td.num:nth-child(2)').allTextContents();
  assert.ok(
    values.every((v) => v !== '—'),
    'a province without figures is not listed as behind',
  );
  const noData = await target.locator('.target-bar.no-data').count();
  if (noData > 0) await target.locator('.target-no-data').waitFor();
  await page.screenshot({ path: screenshotPath('pages-targets'), fullPage: false });
});

test('the targets page draws its map on the outlines of the era, read once for the months of an era', {
  skip: skipWithoutChromium,
}, async () => {
  // A new tab of the browser signed in above, listened to before it opens anything: a tab signed in anew lands on
  // the home dashboard, whose map of today's era, drawn after its cards, could be asked for once listened to.
  const fresh = await browser.context.newPage();
  const asked = outlineReads(fresh);
  const showMonth = async (period: string) => {
    await fresh.evaluate((p) => {
      history.pushState(null, '', `/giao-ban/chi-tieu?unit=BCA&period=${p}`);
      window.dispatchEvent(new Event('giaoban:route'));
    }, period);
    await fresh.waitForFunction(
      (p) => (document.querySelector('input[type="date"]') as HTMLInputElement | null)?.value.startsWith(p),
      period,
    );
    await fresh.locator('.target .map-chart svg path').first().waitFor();
  };
  await fresh.goto(`${app.origin}/giao-ban/chi-tieu?unit=BCA&period=2020-06`);
  await fresh.locator('.target .map-chart svg path').first().waitFor();
  for (const period of ['2020-07', '2020-08']) await showMonth(period);
  assert.deepEqual(asked, ['/api/geo/provinces/63'], 'three months of the 63 provinces: one read');
  await showMonth('2025-08');
  assert.deepEqual(
    asked,
    ['/api/geo/provinces/63', '/api/geo/provinces/34'],
    'after the reform: the other era',
  );
  await fresh.close();
});

test('the Tết page writes changes the Vietnamese way, names what it ranks by and has no empty column', {
  skip: skipWithoutChromium,
}, async () => {
  await page.goto(`${app.origin}/giao-ban/dot-cao-diem?unit=BCA&period=2026-11`);
  await page.locator('.campaign-list a').first().click();
  const ranking = page.locator('.campaign-ranking');
  await ranking.locator('tbody tr').first().waitFor();
  assert.match((await page.locator('.campaign-summary h3').first().textContent()) ?? '', /xếp theo: \S/);
  const changes = await ranking.locator('tbody td:nth-child(5)').allTextContents();
  for (const text of changes) assert.match(text, /^(—|[+−]?\d{1,3}(\.\d{3})*(,\d{1,2})?%)$/, text);
  // Every column of the totals has at least one figure.
  const columns = await page
    .locator('.campaign-summary table')
    .first()
    .evaluate((table) => {
      const rows = Array.from(table.querySelectorAll('tbody tr'));
      const width = rows[0]?.children.length ?? 0;
      return Array.from({ length: width }, (_, i) =>
        rows.some((row) => !['', '—'].includes(row.children[i]?.textContent?.trim() ?? '')),
      );
    });
  assert.ok(columns.every(Boolean), JSON.stringify(columns));
});

test('unit search puts tỉnh Nghệ An first for "Nghệ"', { skip: skipWithoutChromium }, async () => {
  await page.goto(`${app.origin}/tong-hop?unit=BCA&period=2026-11`);
  await page.locator('.unit-button').click();
  await page.getByLabel('Tìm đơn vị theo tên hoặc mã').fill('Nghệ');
  await page.locator('.unit-options [role="option"] >> nth=0', { hasText: 'Nghệ An' }).waitFor();
  assert.match(
    (await page.locator('.unit-options [role="option"]').first().textContent()) ?? '',
    /^Công an tỉnh Nghệ An/,
  );
  await page.keyboard.press('Escape');
});

test('long overdue tasks read in years and months, and English mode names the statuses in English', {
  skip: skipWithoutChromium,
}, async () => {
  await page.goto(`${app.origin}/nhiem-vu?unit=BCA&period=2026-11&view=overdue`);
  await page.locator('.task-table tbody tr').first().waitFor();
  const text = (await page.locator('main').textContent()) ?? '';
  assert.doesNotMatch(text, /quá hạn \d{3,} ngày/);
  assert.match(text, /quá hạn \d+ năm( \d+ tháng)?/);
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await page.locator('html[lang="en"]').waitFor();
  const statuses = await page.locator('.task-status').allTextContents();
  assert.ok(statuses.length > 0);
  for (const status of statuses)
    assert.doesNotMatch(status, /[ạảãàáâầấậẩẫăằắặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]/i, status);
  assert.match((await page.locator('main').textContent()) ?? '', /\d+ years?( \d+ months?)? overdue/);
  await page.getByRole('button', { name: 'VI', exact: true }).click();
});

test('units not yet reported are a compact list of links; an unknown page says it does not exist', {
  skip: skipWithoutChromium,
}, async () => {
  await page.goto(`${app.origin}/tong-hop?unit=37&period=2026-11`);
  const panel = page.locator('.completeness');
  await panel.locator('details summary').click();
  const link = panel.locator('.missing-list li a').first();
  await link.waitFor();
  assert.match((await link.getAttribute('href')) ?? '', /^\/tong-hop\?unit=\d+&period=2026-11$/);

  await page.goto(`${app.origin}/khong-co-trang-nay`);
  await page.getByText('Trang này không tồn tại').waitFor();
  assert.doesNotMatch((await page.locator('main').textContent()) ?? '', /đang được hoàn thiện/);
});

test("before the completeness answers, the units not yet reported come linked from the figures' answer", {
  skip: skipWithoutChromium,
}, async () => {
  // The completeness service is held back: the list comes from the aggregates answer, stated there once per form.
  const held: Array<() => Promise<void>> = [];
  await page.route('**/api/completeness**', (route) => {
    held.push(() => route.abort());
  });
  try {
    await page.goto(`${app.origin}/tong-hop?unit=BCA&period=2026-10`);
    await page.reload();
    const panel = page.locator('.completeness');
    await panel.locator('details summary').click();
    const links = panel.locator('.missing-list li a');
    await links.first().waitFor();
    const answer = await page.evaluate(async () => {
      const res = await fetch('/api/aggregates?unit=BCA&period=2026-10&compare=true&ytd=false');
      return (await res.json()) as {
        missingUnits: Record<string, string[]>;
        rows: Array<{ coverage: { form: string } | null }>;
      };
    });
    // The monthly report's units, the form the completeness panel is about.
    assert.ok(answer.rows.some((r) => r.coverage?.form === 'BC-THANG'));
    const missing = answer.missingUnits['BC-THANG'] ?? [];
    assert.ok(missing.length > 0);
    assert.equal(await links.count(), Math.min(60, missing.length));
    const first = links.first();
    assert.equal(await first.textContent(), missing[0]);
    assert.equal((await first.getAttribute('href')) ?? '', `/tong-hop?unit=${missing[0]}&period=2026-10`);
  } finally {
    await page.unroute('**/api/completeness**');
    for (const release of held) await release().catch(() => undefined);
  }
});

test('the 63-province map carries Hoàng Sa and Trường Sa', { skip: skipWithoutChromium }, async () => {
  // A string, so that the page runs it as written (the test runner's transform would add helpers it lacks).
  const east = (await page.evaluate(`(async () => {
    const response = await fetch('/api/geo/provinces?period=2020-06');
    const body = await response.json();
    const max = (code) => {
      let m = -Infinity;
      const walk = (c) => {
        if (Array.isArray(c) && typeof c[0] === 'number') m = Math.max(m, c[0]);
        else if (Array.isArray(c)) for (const x of c) walk(x);
      };
      walk(body.geojson.features.find((f) => f.properties.code === code).geometry.coordinates);
      return m;
    };
    return { features: body.geojson.features.length, hoangSa: max('48'), truongSa: max('56') };
  })()`)) as { features: number; hoangSa: number; truongSa: number };
  assert.equal(east.features, 63);
  assert.ok(east.hoangSa > 112.7);
  assert.ok(east.truongSa > 117.8);
});
