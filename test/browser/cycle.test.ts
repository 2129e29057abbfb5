/// <reference lib="dom" />
// The cycle between people: warnings met while typing and explained, a return that says why, by whom and when,
// the report's whole history, and the approver's desk with lateness, open warnings and approval of many at once.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { completeness, transition } from '../../src/submissions/service.ts';
import { saveFormValues } from '../../src/values/service.ts';
import {
  type LaunchedBrowser,
  launchBrowser,
  openAs,
  type RunningApp,
  screenshotPath,
  skipWithoutChromium,
  useBrowserSuite,
} from './support.ts';

const COMMUNE = '13285'; // Phủ Lý ward, Ninh Bình; the tests' today is 29/11/2026, inside December's window
const PERIOD = '2026-12';
const FORM = 'BC-THANG';

let app: RunningApp;
let browser: LaunchedBrowser;
let officer: Page;
let approver: Page;
let approverBrowser: LaunchedBrowser;
// Other communes of the province: one submitted clean, one with a warning left open, one that was late.
let clean: { code: string; name: string };
let flagged: { code: string; name: string };
let late: { code: string; name: string };

useBrowserSuite(
  [
    { username: 'canbo.phuly', role: 'officer', unitCode: COMMUNE },
    { username: 'pheduyet.ninhbinh', role: 'approver', unitCode: '37' },
  ],
  async (suite) => {
    ({ app, browser } = suite);
    const { ctx } = app.testApp;
    const actor = { id: null, name: 'thiết lập' };
    const missing = async (period: string) =>
      (await completeness(ctx, { form: FORM, unit: '37', period })).units
        .filter((u) => u.timeliness === 'missing' && u.unit !== COMMUNE)
        .map((u) => ({ code: u.unit, name: u.unitName }));
    [clean, flagged] = (await missing(PERIOD)) as [typeof clean, typeof flagged];
    // October's demo reports include some sent after the deadline.
    late = (await completeness(ctx, { form: FORM, unit: '37', period: '2026-10' })).units
      .filter((u) => u.timeliness === 'late')
      .map((u) => ({ code: u.unit, name: u.unitName }))[0] as typeof late;
    await transition(ctx, { form: FORM, unit: clean.code, period: PERIOD, action: 'submit', actor });
    await saveFormValues(ctx, {
      form: FORM,
      unit: flagged.code,
      period: PERIOD,
      actor,
      source: 'api',
      cells: [
        { indicator: 'drug.cases', option: null, value: 2 },
        { indicator: 'drug.suspects', option: null, value: 0 },
      ],
    });
    await transition(ctx, { form: FORM, unit: flagged.code, period: PERIOD, action: 'submit', actor });
    officer = await openAs(browser, app, 'canbo.phuly');
    approverBrowser = await launchBrowser();
    approver = await openAs(approverBrowser, app, 'pheduyet.ninhbinh');
  },
);

after(async () => {
  await approverBrowser?.close();
});

const reportUrl = () => `${app.origin}/bao-cao/${FORM}?unit=${COMMUNE}&period=${PERIOD}`;
const text = async (page: Page, selector: string) => (await page.locator(selector).textContent()) ?? '';

test('warnings show while typing, from the server’s rules and the commune’s history, and must be fixed or explained', {
  skip: skipWithoutChromium,
}, async () => {
  await officer.goto(reportUrl());
  const cell = (key: string) => officer.locator(`.entry-input[data-key="${key}"]`);
  await cell('crime.occurred').waitFor();
  // 60 crimes against a history of 0–1, and a drug case without a suspect: both said before any submit.
  await cell('crime.occurred').fill('60');
  await cell('drug.cases').fill('1');
  await cell('drug.suspects').fill('0');
  await cell('drug.suspects').press('Tab');
  await officer.locator('.findings-panel').waitFor();
  const findings = await text(officer, '.findings-panel');
  assert.match(findings, /Số vụ phạm tội về trật tự xã hội xảy ra.*Bất thường: gấp 60 lần trung vị 12 tháng/);
  assert.match(findings, /Số đối tượng phạm tội về ma túy ít hơn số vụ/);
  assert.match(findings, /Cảnh báo chưa sửa hoặc chưa giải trình: 2/);

  // Submitting with a warning open is refused in the page, with the count.
  await officer.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await officer.getByText('Cảnh báo chưa sửa hoặc chưa giải trình: 2').nth(1).waitFor();
  // Fixing one figure clears its warning; explaining the other leaves it noted with its explanation.
  await cell('drug.suspects').fill('1');
  await officer
    .getByRole('textbox', { name: /Giải trình: Số vụ phạm tội về trật tự xã hội xảy ra/ })
    .fill('Triệt phá đường dây đánh bạc, 58 vụ nhỏ');
  await officer.waitForFunction(() =>
    /chưa giải trình: 0/.test(document.querySelector('.findings-panel')?.textContent ?? ''),
  );
  assert.doesNotMatch(await text(officer, '.findings-panel'), /ma túy ít hơn/);

  // Blank cells are confirmed as "không phát sinh" or filled; going back lands on the first blank cell.
  await officer.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await officer.getByText(/Còn ô để trống: \d+/).waitFor();
  await officer.getByRole('button', { name: 'Quay lại nhập' }).click();
  assert.equal(await officer.evaluate(() => document.activeElement?.hasAttribute('data-blank')), true);
  await officer.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await officer.getByRole('button', { name: 'Xác nhận không phát sinh và gửi' }).click();
  // December's window runs to 14/12/2026: submitting on 29/11 is asked about.
  await officer.getByText(/Kỳ báo cáo chưa kết thúc: số liệu tính đến hết ngày 14\/12\/2026/).waitFor();
  await officer.getByRole('button', { name: 'Vẫn gửi' }).click();
  await officer.getByText('Đã gửi báo cáo').first().waitFor();
  assert.equal(await cell('traffic.accidents').inputValue(), '0', 'a confirmed blank is saved as 0');

  // The approver sees the warning with its explanation, flagged figures first.
  await approver.goto(reportUrl());
  await approver.locator('.findings-panel').waitFor();
  const seen = await text(approver, '.findings-panel');
  assert.match(seen, /Bất thường: gấp 60 lần.*Giải trình: Triệt phá đường dây đánh bạc, 58 vụ nhỏ/);
  await approver.screenshot({ path: screenshotPath('cycle-review'), fullPage: false });
});

test('a return needs a reason; the officer sees why, by whom and when, and the whole history', {
  skip: skipWithoutChromium,
}, async () => {
  await approver.goto(reportUrl());
  const actions = approver.locator('.review-actions');
  await actions.waitFor();
  await actions.getByRole('button', { name: 'Trả lại' }).click();
  await actions.getByText('Cần nêu lý do trả lại').waitFor();
  await actions
    .getByRole('textbox', { name: 'Lý do trả lại' })
    .fill('Đề nghị rà soát lại số vụ trật tự xã hội');
  await actions.getByRole('button', { name: 'Trả lại' }).click();
  await approver.locator('.history-list li', { hasText: 'Trả lại' }).waitFor();

  // The header says there is something new; the inbox says what, and leads to the report.
  await officer.goto(`${app.origin}/bao-cao?unit=${COMMUNE}&period=${PERIOD}`);
  await officer.getByRole('link', { name: 'Thông báo: 1 chưa đọc' }).click();
  const item = officer.locator('.inbox-item.unread[data-kind="report_returned"]');
  await item.waitFor();
  assert.match(
    (await item.textContent()) ?? '',
    /bị trả lại.*Lý do: Đề nghị rà soát lại số vụ trật tự xã hội/,
  );
  // Each user chooses what reaches them.
  await officer.getByLabel('Qua thư điện tử: Báo cáo được phê duyệt').uncheck();
  await officer.getByRole('button', { name: 'Lưu', exact: true }).click();
  await officer.getByText('Đã lưu lựa chọn.').waitFor();
  await item.getByRole('button').click();
  await officer.waitForURL(/\/bao-cao\/BC-THANG/);
  await officer.getByRole('link', { name: 'Thông báo', exact: true }).waitFor();
  const notice = officer.locator('.returned-notice');
  await notice.waitFor();
  const said = (await notice.textContent()) ?? '';
  assert.match(said, /Báo cáo bị trả lại:/);
  assert.match(said, /pheduyet\.ninhbinh/);
  assert.match(said, /\d{2}\/\d{2}\/\d{4}/);
  assert.match(said, /Lý do: Đề nghị rà soát lại số vụ trật tự xã hội/);

  // Resubmitted, approved from the review screen, then reopened for a correction.
  await officer.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await officer.getByRole('button', { name: 'Vẫn gửi' }).click();
  await officer.getByText('Đã gửi báo cáo').first().waitFor();
  await approver.reload();
  await approver.locator('.review-actions').getByRole('button', { name: 'Phê duyệt' }).click();
  await approver.locator('.history-list li', { hasText: 'Phê duyệt' }).waitFor();
  const user = app.testApp.ctx;
  await transition(user, {
    form: FORM,
    unit: COMMUNE,
    period: PERIOD,
    action: 'reopen',
    reason: 'Bổ sung số liệu cháy',
    actor: { id: null, name: 'thiết lập' },
  });
  await officer.reload();
  await officer.locator('.history-list').waitFor();
  const items = await officer.locator('.history-list li').allTextContents();
  assert.deepEqual(
    items.map((item) => item.split(' · ')[1]),
    ['Gửi báo cáo', 'Trả lại', 'Gửi lại', 'Phê duyệt', 'Mở lại'],
  );
  assert.match(items[1] ?? '', /pheduyet\.ninhbinh.*Lý do: Đề nghị rà soát/);
  assert.match(items[4] ?? '', /Lý do: Bổ sung số liệu cháy/);
  assert.match(await text(officer, '.returned-notice'), /Bổ sung số liệu cháy/);
  await officer.screenshot({ path: screenshotPath('cycle-history'), fullPage: true });
});

test('the approver’s desk shows open warnings and lateness, filters, and approves many at once where none is open', {
  skip: skipWithoutChromium,
}, async () => {
  await approver.goto(`${app.origin}/bao-cao?unit=37&period=${PERIOD}`);
  const desk = approver.locator('.approvals-desk');
  await desk.locator('tr', { hasText: clean.name }).waitFor();
  const flaggedRow = desk.locator('tr', { hasText: flagged.name });
  assert.match((await flaggedRow.locator('td.num').textContent()) ?? '', /[1-9]/);
  assert.equal(await flaggedRow.getByRole('checkbox').isDisabled(), true);
  await desk.getByRole('button', { name: 'Chọn các báo cáo không còn cảnh báo' }).click();
  await desk.getByRole('button', { name: 'Phê duyệt các báo cáo đã chọn (1)' }).click();
  await desk.getByText('Số báo cáo đã phê duyệt: 1').waitFor();
  await desk.getByLabel('Hiển thị').selectOption('all');
  await desk.locator('tr', { hasText: clean.name }).getByText('Đã phê duyệt').waitFor();
  assert.match((await flaggedRow.textContent()) ?? '', /Đã gửi/);
  await desk.getByLabel('Hiển thị').selectOption('warnings');
  assert.deepEqual(await desk.locator('tbody th').allTextContents(), [flagged.name]);

  // October's late reports are marked; the notice about December's approvals does not follow to October.
  await approver.goto(`${app.origin}/bao-cao?unit=37&period=2026-10`);
  await approver.locator('.approvals-desk .heading-period', { hasText: '10/2026' }).waitFor();
  assert.equal(await desk.getByText('Số báo cáo đã phê duyệt').count(), 0);
  await desk.getByLabel('Hiển thị').selectOption('late');
  const row = desk.locator('tr', { hasText: late.name });
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', /Nộp muộn/);
  await approver.screenshot({ path: screenshotPath('cycle-desk'), fullPage: false });
});
