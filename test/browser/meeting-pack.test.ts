// A province approver opens the ministry's meeting: the page does not ask for the briefing pack it may not read
// (the nation's figures) and says so plainly, while the ministry's analyst reads the pack on the same page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listMeetings } from '../../src/meetings/service.ts';
import {
  type LaunchedBrowser,
  openAs,
  type RunningApp,
  screenshotPath,
  skipWithoutChromium,
  useBrowserSuite,
} from './support.ts';

let app: RunningApp;
let browser: LaunchedBrowser;
let route = '';

useBrowserSuite(
  [
    { username: 'pheduyet.nghean', role: 'approver', unitCode: '40' },
    { username: 'tonghop.bca', role: 'analyst', unitCode: 'BCA' },
  ],
  async (suite) => {
    ({ app, browser } = suite);
    const meetings = await listMeetings(app.testApp.ctx);
    const latest = [...meetings].sort((a, b) => b.heldOn.localeCompare(a.heldOn))[0];
    assert.ok(latest, 'the demo has meetings');
    route = `/giao-ban/${latest.id}`;
  },
);

test('a province approver is told the pack is not theirs to view, with no error and no request for it', {
  skip: skipWithoutChromium,
}, async () => {
  const page = await openAs(browser, app, 'pheduyet.nghean');
  const packRequests: string[] = [];
  page.on('request', (r) => {
    if (/\/api\/meetings\/\d+\/pack/.test(r.url())) packRequests.push(r.url());
  });
  await page.goto(`${app.origin}${route}`);
  const notice = page.locator('#tai-lieu .notice-info');
  await notice.waitFor();
  assert.match((await notice.textContent()) ?? '', /không có quyền xem tài liệu hội nghị/);
  assert.equal(await page.locator('.notice-error').count(), 0);
  assert.equal(await page.locator('.pack').count(), 0);
  assert.deepEqual(packRequests, []);
  await page.screenshot({ path: screenshotPath('meeting-pack-not-permitted'), fullPage: true });
  await page.close();
});

test('the ministry analyst reads the pack on the same page', { skip: skipWithoutChromium }, async () => {
  const page = await openAs(browser, app, 'tonghop.bca', route);
  await page.locator('.pack').waitFor();
  assert.equal(await page.locator('#tai-lieu .notice-info').count(), 0);
  assert.equal(await page.locator('.notice-error').count(), 0);
  await page.close();
});
