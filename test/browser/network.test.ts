// The page must work on a closed network: every request it makes, from sign-in through the dashboard with its
// charts and map, goes to the server that served it (CSP allows nothing else; this checks nothing tries).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type LaunchedBrowser,
  type RunningApp,
  signIn,
  skipWithoutChromium,
  useBrowserSuite,
} from './support.ts';

let app: RunningApp;
let browser: LaunchedBrowser;

useBrowserSuite([{ username: 'analyst.net', role: 'analyst', unitCode: 'BCA' }], async (suite) => {
  ({ app, browser } = suite);
});

test('sign-in and the dashboard request nothing from other hosts', {
  skip: skipWithoutChromium,
}, async () => {
  const requested: string[] = [];
  browser.context.on('request', (request) => requested.push(request.url()));
  const violations: string[] = [];
  const page = await browser.context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      violations.push(message.text());
  });
  await signIn(page, app, 'analyst.net');
  await page.goto(`${app.origin}/tong-hop?unit=BCA&period=2020-02`);
  await page.locator('.card-value').first().waitFor();
  await page.locator('.map-chart svg path').first().waitFor();
  await page.locator('.chart-panel svg').first().waitFor();
  await page.goto(`${app.origin}/tong-hop/bang?unit=BCA&period=2020-02`);
  await page.locator('.pivot-table').waitFor();

  const origin = new URL(app.origin).origin;
  const foreign = requested.filter(
    (url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin,
  );
  assert.deepEqual(foreign, [], `requests to other hosts: ${foreign.join(', ')}`);
  assert.ok(
    requested.some((url) => url.includes('/api/aggregates')),
    'the dashboard was loaded',
  );
  assert.deepEqual(violations, [], 'no Content-Security-Policy violation');
});
