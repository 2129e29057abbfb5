// The monthly briefing cycle in the browser: the ministry office holds a meeting and assigns a directive to two
// provinces; one province reports its progress and completion and the office confirms it; once the deadline has
// passed, the other province's task shows as overdue on the tasks page and in the next meeting's pack.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  type LaunchedBrowser,
  type RunningApp,
  screenshotPath,
  signIn,
  skipWithoutChromium,
  useBrowserSuite,
} from './support.ts';

// An analyst of the ministry may manage meetings, assign tasks and confirm them; a province officer reports
// its own unit's tasks only.
const OFFICE = 'vanphong.bca';
const NGHE_AN = 'canbo.nghean';
const DIRECTIVE = 'Tổng kiểm tra, xử lý vi phạm trật tự an toàn giao thông dịp cuối năm';
const DEADLINE = '2026-12-05';

let app: RunningApp;
let browser: LaunchedBrowser;
let page: Page;
let meetingUrl = '';

useBrowserSuite(
  [
    { username: OFFICE, role: 'analyst', unitCode: 'BCA' },
    { username: NGHE_AN, role: 'officer', unitCode: '40' },
  ],
  async (suite) => {
    ({ app, browser } = suite);
    page = await browser.context.newPage();
  },
);

async function signOut(): Promise<void> {
  await page.locator('.user-menu-button').click();
  await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
  await page.getByLabel('Tên đăng nhập', { exact: true }).waitFor();
}

/** The row of this test's directive for one province, in the tables under `scope`. */
function taskRow(scope: string, unit: string) {
  return page.locator(`${scope} tr[data-unit="${unit}"]`, { hasText: DIRECTIVE });
}

test('the ministry office creates a meeting and assigns a directive to two provinces', {
  skip: skipWithoutChromium,
}, async () => {
  await signIn(page, app, OFFICE);
  await page.getByRole('link', { name: 'Giao ban', exact: true }).click();
  await page.getByRole('heading', { name: 'Hội nghị giao ban', level: 1 }).waitFor();
  const form = page.locator('form.meeting-form');
  await form.getByLabel('Kỳ', { exact: true }).fill('2026-11');
  assert.equal(await form.getByLabel('Ngày họp').inputValue(), '2026-11-29');
  await form.getByLabel('Chủ trì').fill('Đồng chí Bộ trưởng');
  await form.getByRole('button', { name: 'Tạo hội nghị' }).click();
  await page.waitForURL(/\/giao-ban\/\d+/);
  meetingUrl = page.url();
  await page.locator('.meeting-detail h1').waitFor();

  const directive = page.locator('form.directive-form');
  await directive.getByLabel('Nội dung', { exact: true }).fill(DIRECTIVE);
  // Units are picked by name: "Nghệ" finds Nghệ An's police first, ahead of communes named Nghê or Nghé.
  await directive.getByLabel('Đơn vị chủ trì').fill('Nghệ');
  const firstOption = directive.getByRole('option').first();
  await firstOption.waitFor();
  assert.match((await firstOption.textContent()) ?? '', /^Công an tỉnh Nghệ An/);
  await firstOption.click();
  await directive.getByLabel('Đơn vị phối hợp').fill('Thanh Hóa');
  await directive.getByRole('option', { name: /Công an tỉnh Thanh Hóa/ }).click();
  await directive.locator('.unit-chips', { hasText: 'Thanh Hóa' }).waitFor();
  await directive.getByLabel('Thời hạn').fill(DEADLINE);
  await directive.getByRole('button', { name: 'Thêm nội dung chỉ đạo' }).click();
  await directive.getByText('Đã thêm nội dung chỉ đạo').waitFor();
  await taskRow('.directive', '40').waitFor();
  await taskRow('.directive', '38').waitFor();
  assert.match((await taskRow('.directive', '40').textContent()) ?? '', /Nghệ An.*Chủ trì.*05\/12\/2026/);
  assert.match((await taskRow('.directive', '38').textContent()) ?? '', /Thanh Hóa.*Phối hợp.*Đã giao/);
  // Nobody has reported yet, so the office has nothing to confirm.
  assert.equal(await taskRow('.directive', '40').getByRole('button').count(), 0);

  // The minutes and the conclusion notice, which lists the directive with its units and deadline.
  await page.getByLabel('Nội dung biên bản').fill('Hội nghị đánh giá tình hình tháng 11/2026.');
  await page.getByRole('button', { name: 'Lưu biên bản' }).click();
  await page.getByText('Đã lưu biên bản.').waitFor();
  const conclusion = page.locator('form.conclusion-form');
  await conclusion.getByLabel('Số thông báo').fill('45/TB-BCA');
  assert.equal(await conclusion.getByLabel('Ngày ban hành').inputValue(), '2026-11-29');
  await conclusion.getByRole('button', { name: 'Ban hành thông báo kết luận' }).click();
  await page.locator('pre.conclusion').waitFor();
  const notice = (await page.locator('.conclusion-document').textContent()) ?? '';
  assert.match(notice, /45\/TB-BCA/);
  assert.ok(notice.includes(DIRECTIVE), notice);
  // Decree 30's head: the issuing body and number, the national heading and motto, the place and date.
  const head = (await page.locator('.conclusion-document .document-head').textContent()) ?? '';
  assert.match(
    head,
    /BỘ CÔNG AN.*Số: 45\/TB-BCA.*CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM.*Độc lập - Tự do - Hạnh phúc.*Hà Nội, ngày 29 tháng 11 năm 2026/,
  );
  // The briefing pack shows its figures, Vietnamese style.
  const figures = page.locator('.pack-figures tbody tr');
  await figures.first().waitFor();
  assert.ok((await figures.count()) > 10);
  assert.match((await page.locator('.pack-figures').textContent()) ?? '', /\d{1,3}(\.\d{3})+ vụ/);
  await page.screenshot({ path: screenshotPath('briefing-meeting'), fullPage: true });
  await signOut();
});

test('Nghệ An reports progress and completion of its own task only', {
  skip: skipWithoutChromium,
}, async () => {
  await signIn(page, app, NGHE_AN);
  await page.getByRole('link', { name: 'Nhiệm vụ', exact: true }).click();
  await page.getByRole('heading', { name: 'Theo dõi nhiệm vụ' }).waitFor();
  const row = taskRow('.task-table', '40');
  await row.waitFor();
  // Thanh Hóa's share of the directive is not Nghệ An's to see or report.
  assert.equal(await taskRow('.task-table', '38').count(), 0);

  await row.getByRole('button', { name: 'Cập nhật' }).click();
  // A province reports; confirming is for the office that assigned the task.
  assert.equal(await row.getByRole('button', { name: 'Xác nhận hoàn thành' }).count(), 0);
  await row.getByLabel('Nội dung báo cáo / lý do').fill('Đã ban hành kế hoạch, triển khai 12 tổ công tác');
  await row.getByRole('button', { name: 'Báo cáo tiến độ' }).click();
  await page.getByRole('status').filter({ hasText: 'Báo cáo tiến độ' }).waitFor();

  await row.getByRole('button', { name: 'Cập nhật' }).click();
  await row.getByLabel('Nội dung báo cáo / lý do').fill('Hoàn thành, xử lý 1.250 trường hợp vi phạm');
  await row.getByRole('button', { name: 'Báo cáo hoàn thành' }).click();
  await page.locator('.task-table tr[data-unit="40"][data-state="reported_done"]').waitFor();
  assert.match((await row.textContent()) ?? '', /chờ xác nhận/);
  await page.screenshot({ path: screenshotPath('briefing-province-report'), fullPage: true });
  await signOut();
});

test('the ministry office confirms the completed task on the meeting page', {
  skip: skipWithoutChromium,
}, async () => {
  await signIn(page, app, OFFICE);
  await page.goto(meetingUrl);
  const row = taskRow('.directive', '40');
  await row.waitFor();
  await row.getByRole('button', { name: 'Cập nhật' }).click();
  await row.getByRole('button', { name: 'Xác nhận hoàn thành' }).click();
  await page.locator('.directive tr[data-unit="40"][data-status="done_on_time"]').waitFor();
  assert.match((await row.textContent()) ?? '', /Hoàn thành đúng hạn/);
  assert.equal(await taskRow('.directive', '38').getAttribute('data-status'), 'not_started');
});

test('after the deadline Thanh Hóa’s task is overdue on the tasks page and in the next meeting’s pack', {
  skip: skipWithoutChromium,
}, async () => {
  // Eleven days on the session has lapsed, so the office signs in again on the new date.
  app.testApp.clock.set('2026-12-10');
  await signIn(page, app, OFFICE);

  await page.getByRole('link', { name: 'Nhiệm vụ', exact: true }).click();
  await page.getByRole('link', { name: 'Quá hạn', exact: true }).click();
  await page.waitForURL(/view=overdue/);
  await page.getByLabel('Mã đơn vị').fill('38');
  await page.getByRole('button', { name: 'Lọc', exact: true }).click();
  await page.waitForURL(/of=38/);
  const overdue = taskRow('.task-table', '38');
  await overdue.waitFor();
  assert.equal(await overdue.getAttribute('data-status'), 'overdue');
  assert.match((await overdue.textContent()) ?? '', /quá hạn 5 ngày/);
  const units = await page
    .locator('.task-table tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit')));
  assert.ok(
    units.every((u) => u === '38'),
    units.join(', '),
  );
  assert.match((await page.locator('.task-summary').textContent()) ?? '', /10\/12\/2026/);
  await page.screenshot({ path: screenshotPath('briefing-tasks-overdue'), fullPage: true });

  // The next meeting's pack follows up the previous conclusions.
  await page.getByRole('link', { name: 'Giao ban', exact: true }).click();
  const form = page.locator('form.meeting-form');
  await form.getByLabel('Kỳ', { exact: true }).fill('2026-12');
  assert.equal(await form.getByLabel('Ngày họp').inputValue(), '2026-12-10');
  await form.getByLabel('Chủ trì').fill('Đồng chí Bộ trưởng');
  await form.getByRole('button', { name: 'Tạo hội nghị' }).click();
  await page.waitForURL((url) => /\/giao-ban\/\d+/.test(url.pathname) && url.href !== meetingUrl);
  await page.getByRole('link', { name: 'Tài liệu hội nghị' }).click();
  const pack = page.locator('#tai-lieu');
  const packOverdue = pack.locator('.pack-overdue tr[data-unit="38"]', { hasText: DIRECTIVE });
  await packOverdue.waitFor();
  assert.match((await packOverdue.textContent()) ?? '', /quá hạn/);
  assert.equal(await pack.locator('.pack-overdue tr[data-unit="40"]', { hasText: DIRECTIVE }).count(), 0);
  // Follow-up of the previous meeting: Thanh Hóa's task is still open; Nghệ An's was confirmed on the meeting day.
  const followUp = pack.locator('.pack-follow-up');
  assert.equal(
    await followUp.locator('tr[data-unit="38"]', { hasText: DIRECTIVE }).getAttribute('data-status'),
    'overdue',
  );
  await pack.screenshot({ path: screenshotPath('briefing-next-pack') });
});

test('the office records a commendation for a campaign and sees the provinces behind a target', {
  skip: skipWithoutChromium,
}, async () => {
  await page.getByRole('link', { name: 'Giao ban', exact: true }).click();
  await page.getByRole('link', { name: 'Đợt cao điểm' }).click();
  await page.locator('.campaign-list a').first().click();
  await page.locator('.commendations').waitFor();
  const form = page.locator('form.commendation-form');
  await form.getByLabel('Đơn vị', { exact: true }).fill('Nghệ An');
  await form.getByRole('option', { name: /Công an tỉnh Nghệ An/ }).click();
  await form.getByLabel('Số quyết định').fill('1234/QĐ-BCA');
  await form.getByLabel('Ngày quyết định').fill('2026-12-10');
  await form.getByLabel('Thành tích').fill('Có thành tích xuất sắc trong đợt cao điểm');
  await form.getByRole('button', { name: 'Ghi nhận khen thưởng' }).click();
  await form.getByText('Đã ghi nhận khen thưởng.').waitFor();
  await page.locator('.commendation-table tr[data-unit="40"]', { hasText: '1234/QĐ-BCA' }).waitFor();

  await page.getByRole('link', { name: 'Giao ban', exact: true }).click();
  await page.getByRole('link', { name: 'Chỉ tiêu triển khai' }).click();
  await page.getByLabel('Tính đến ngày').fill('2020-06-30');
  await page.getByRole('button', { name: 'Xem', exact: true }).click();
  await page.waitForURL(/at=2020-06-30/);
  const target = page.locator('.target').first();
  // The page first shows today's 34 provinces; the 63 of 30/06/2020 arrive with the new answer.
  await target.locator('.target-bar').nth(62).waitFor();
  await target.locator('.behind-table tbody tr').first().waitFor();
  assert.ok((await target.locator('.target-bar').count()) >= 63);
  await target.locator('.map-chart svg path').first().waitFor();
  await page.screenshot({ path: screenshotPath('briefing-targets'), fullPage: true });
});
