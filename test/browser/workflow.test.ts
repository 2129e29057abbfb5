/// <reference lib="dom" />
// The monthly cycle in the page: a commune officer fills the month, meets a validation rule, explains and submits;
// the province's approver approves; the commune is counted on time in the province's completeness.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type LaunchedBrowser,
  launchBrowser,
  openAs,
  type RunningApp,
  screenshotPath,
  skipWithoutChromium,
  useBrowserSuite,
} from './support.ts';

// Phủ Lý ward police, in the new Ninh Bình province; the month being collected on the tests' "today" (29/11/2026).
const COMMUNE = '13285';
const PERIOD = '2026-12';

let app: RunningApp;
let browser: LaunchedBrowser;

useBrowserSuite(
  [
    { username: 'canbo.phuly', role: 'officer', unitCode: COMMUNE },
    { username: 'pheduyet.ninhbinh', role: 'approver', unitCode: '37' },
  ],
  async (suite) => {
    ({ app, browser } = suite);
  },
);

test('an officer submits after explaining a warning, the province approves, and the commune counts as on time', {
  skip: skipWithoutChromium,
}, async () => {
  const officer = await openAs(
    browser,
    app,
    'canbo.phuly',
    `/bao-cao/BC-THANG?unit=${COMMUNE}&period=${PERIOD}`,
  );
  const cell = (key: string) => officer.locator(`.entry-input[data-key="${key}"]`);
  await cell('drug.cases').waitFor();
  // Two drug cases and no suspect: the rule "each case has at least one suspect" warns.
  await cell('drug.cases').fill('2');
  await cell('drug.suspects').fill('0');
  await cell('crime.occurred').fill('5');
  await cell('crime.occurred').press('Tab');
  await officer.getByRole('button', { name: 'Gửi báo cáo' }).click();
  const warning = officer.locator('.row-issue').first();
  await warning.waitFor();
  assert.match((await officer.locator('main').textContent()) ?? '', /đối tượng/);
  await officer.screenshot({ path: screenshotPath('workflow-warning'), fullPage: true });

  // The officer explains on one of the figures of the rule, and the report goes.
  await officer
    .getByRole('textbox', { name: /Giải trình: .*ma túy/ })
    .first()
    .fill('Hai vụ tàng trữ, đối tượng bỏ trốn, đang truy bắt');
  // Five crimes against a median of one is unusual, and is explained too.
  await officer
    .getByRole('textbox', { name: /Giải trình: Số vụ phạm tội về trật tự xã hội xảy ra/ })
    .fill('Cao điểm cuối năm');
  await officer.getByRole('button', { name: 'Gửi báo cáo' }).click();
  // The cells left blank are confirmed as "không phát sinh", and the month has not closed yet: both are asked.
  await officer.getByRole('button', { name: 'Xác nhận không phát sinh và gửi' }).click();
  await officer.getByRole('button', { name: 'Vẫn gửi' }).click();
  await officer.getByText('Đã gửi báo cáo').first().waitFor();
  await officer.screenshot({ path: screenshotPath('workflow-submitted'), fullPage: true });
  await officer.close();

  // A browser of the approver's own, as on another desk: no cookie of the officer's.
  const second = await launchBrowser();
  const approver = await openAs(second, app, 'pheduyet.ninhbinh', `/bao-cao?unit=37&period=${PERIOD}`);
  const row = approver.locator('tr', { hasText: 'Phủ Lý' });
  await row.getByRole('button', { name: 'Phê duyệt' }).click();
  await approver.getByText(/Phủ Lý.*Đã phê duyệt/).waitFor();
  await approver.screenshot({ path: screenshotPath('workflow-approved'), fullPage: true });

  await approver.goto(`${app.origin}/tong-hop?unit=37&period=${PERIOD}`);
  const panel = approver.locator('.completeness');
  await panel.waitFor();
  await approver.waitForFunction(() =>
    /Đúng hạn: \d/.test(document.querySelector('.completeness')?.textContent ?? ''),
  );
  const text = (await panel.textContent()) ?? '';
  assert.match(text, /Đúng hạn: 1\b/);
  assert.equal(
    await panel.locator(`.missing-list li[data-unit="${COMMUNE}"]`).count(),
    0,
    'no longer missing',
  );
  await approver.screenshot({ path: screenshotPath('workflow-completeness'), fullPage: false });
  await second.close();
});
