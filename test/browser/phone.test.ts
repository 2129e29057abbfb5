/// <reference lib="dom" />
// An officer on a phone (390×844): the header stays compact, the grid is one card per figure with last period's and
// last year's figures and the explanation beside it, nothing scrolls sideways, and every figure can be reached.
import assert from 'node:assert/strict';
import { test } from 'node:test';
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

useBrowserSuite(
  [{ username: 'canbo.phuly', role: 'officer', unitCode: COMMUNE }],
  async (suite) => {
    ({ app, browser } = suite);
  },
  { viewport: { width: 390, height: 844 } },
);

test('at 390×844 the form fits the screen, shows prior figures in each card and reaches every input', {
  skip: skipWithoutChromium,
}, async () => {
  const page = await openAs(
    browser,
    app,
    'canbo.phuly',
    `/bao-cao/BC-THANG?unit=${COMMUNE}&period=${PERIOD}`,
  );
  await page.locator('.entry-input').first().waitFor();
  const width = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
    header: document.querySelector('.app-header')?.getBoundingClientRect().height ?? 0,
  }));
  assert.ok(width.scroll <= width.viewport, `scrollWidth ${width.scroll} > ${width.viewport}`);
  assert.ok(width.header <= 0.2 * 844, `the header takes ${width.header}px`);

  // A card: the figure's name, its input, last period's and last year's figures, and the explanation.
  const card = page.locator('tr:has(.entry-input[data-key="gambling.suspects"])');
  const text = (await card.textContent()) ?? '';
  assert.match(text, /Kỳ trước\s*\d/);
  assert.match(text, /Cùng kỳ năm trước\s*\d/);
  const box = await card.boundingBox();
  assert.ok(box && box.x >= 0 && box.x + box.width <= 390, JSON.stringify(box));

  const inputs = page.locator('.entry-input');
  const count = await inputs.count();
  assert.ok(count > 30);
  for (let i = 0; i < count; i++) {
    const input = inputs.nth(i);
    await input.scrollIntoViewIfNeeded();
    const b = await input.boundingBox();
    assert.ok(b && b.x >= 0 && b.x + b.width <= 390 && b.width >= 60, `input ${i}: ${JSON.stringify(b)}`);
  }
  // Typing on the phone works as at a desk.
  await inputs.first().fill('3');
  await inputs.first().press('Enter');
  assert.equal(
    await page.evaluate(() => document.activeElement === document.querySelectorAll('.entry-input')[1]),
    true,
  );
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath('phone-entry') });
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390);
});
