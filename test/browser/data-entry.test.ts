// A commune officer enters the month's figures the Vietnamese way; they are saved as typed, without a button,
// and are there again after a reload.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  type LaunchedBrowser,
  openAs,
  type RunningApp,
  screenshotPath,
  skipWithoutChromium,
  useBrowserSuite,
} from './support.ts';

// Phủ Lý ward police, in the new Ninh Bình province (communes report on BC-THANG since July 2025).
const COMMUNE = '13285';
// The month being collected on the tests' "today" (29/11/2026): its window runs 15/11–14/12, so it is a draft.
const PERIOD = '2026-12';

let app: RunningApp;
let browser: LaunchedBrowser;
let page: Page;

useBrowserSuite([{ username: 'canbo.phuly', role: 'officer', unitCode: COMMUNE }], async (suite) => {
  ({ app, browser } = suite);
  page = await openAs(browser, app, 'canbo.phuly');
});

const input = (key: string) => page.locator(`.entry-input[data-key="${key}"]`);

test('an officer types figures the Vietnamese way and they autosave', {
  skip: skipWithoutChromium,
}, async () => {
  // The officer starts on the list of reports due and opens this month's form from it.
  await page.locator('.due-table').waitFor();
  await page.screenshot({ path: screenshotPath('reports-due') });
  const row = page
    .locator('.due-table tbody tr', { hasText: 'tháng 12/2026' })
    .filter({ hasText: 'BC-THANG' });
  await row.getByRole('link', { name: 'Mở' }).click();
  await input('drug.cases').waitFor();
  assert.match(page.url(), new RegExp(`/bao-cao/BC-THANG\\?.*unit=${COMMUNE}`));
  assert.match(page.url(), new RegExp(`period=${PERIOD}`));

  const saves: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PUT' && request.url().endsWith('/api/values'))
      saves.push(request.postData() ?? '');
  });

  // Enter moves to the next figure, as Tab does.
  await input('drug.cases').fill('3');
  await input('drug.cases').press('Enter');
  assert.equal(await page.locator(':focus').getAttribute('data-key'), 'drug.suspects');
  await page.keyboard.type('5');
  await input('drug.seized_kg/synthetic').fill('0,78');
  await input('drug.seized_tablets/synthetic').fill('1.250');
  // "1.5" could be one and a half or fifteen hundred: refused with a message, never guessed.
  await input('drug.seized_kg/heroin').fill('1.5');
  await input('drug.seized_kg/heroin').press('Tab');
  await page.getByText('Không rõ nghĩa').waitFor();
  assert.equal(await input('drug.seized_kg/heroin').getAttribute('aria-invalid'), 'true');
  await page.screenshot({ path: screenshotPath('data-entry-ambiguous') });
  await input('drug.seized_kg/heroin').fill('1,5');
  await input('drug.seized_kg/heroin').press('Tab');

  await page.locator('.save-saved').waitFor({ timeout: 10_000 });
  assert.match((await page.locator('.save-state').textContent()) ?? '', /Đã lưu lúc \d{2}:\d{2}/);
  const sent = saves.map(
    (body) =>
      JSON.parse(body) as { cells: Array<{ indicator: string; option: string | null; value: number }> },
  );
  const last = new Map(
    sent.flatMap((s) => s.cells).map((c) => [`${c.indicator}/${c.option ?? ''}`, c.value]),
  );
  assert.equal(last.get('drug.cases/'), 3);
  assert.equal(last.get('drug.seized_tablets/synthetic'), 1250);
  assert.equal(last.get('drug.seized_kg/synthetic'), 0.78);
  assert.equal(last.get('drug.seized_kg/heroin'), 1.5);
  // Typing is debounced: a handful of saves, not one per keystroke.
  assert.ok(saves.length <= 4, `${saves.length} saves`);
  await page.screenshot({ path: screenshotPath('data-entry-saved') });

  await page.reload();
  await input('drug.cases').waitFor();
  assert.equal(await input('drug.cases').inputValue(), '3');
  assert.equal(await input('drug.suspects').inputValue(), '5');
  assert.equal(await input('drug.seized_kg/synthetic').inputValue(), '0,78');
  assert.equal(await input('drug.seized_tablets/synthetic').inputValue(), '1.250');
  assert.equal(await input('drug.seized_kg/heroin').inputValue(), '1,5');
});
