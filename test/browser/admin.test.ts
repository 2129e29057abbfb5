// An administrator's first sign-in enrols a second factor; the account they create starts with a temporary
// password that its owner must replace before anything else; the audit log records it all and its hash chain
// checks out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { generateTotp } from '../../src/auth/totp.ts';
import { createUser } from '../support/app.ts';
import {
  type LaunchedBrowser,
  PASSWORD,
  type RunningApp,
  screenshotPath,
  skipWithoutChromium,
  useBrowserSuite,
} from './support.ts';

const ADMIN = 'quantri.bca';
const OFFICER = 'canbo.moi';
const NEW_PASSWORD = 'Phu-Ly@2026-mat-khau';

let app: RunningApp;
let browser: LaunchedBrowser;
let page: Page;
let secret = '';
let temporary = '';

useBrowserSuite([], async (suite) => {
  ({ app, browser } = suite);
  await createUser(app.testApp.ctx, {
    username: ADMIN,
    role: 'admin',
    unitCode: 'BCA',
    clearance: 'tuyet_mat',
    password: PASSWORD,
  });
  page = await browser.context.newPage();
});

/** The password step only: what follows depends on the account. */
async function enterPassword(username: string, password: string): Promise<void> {
  await page.goto(`${app.origin}/`);
  await page.getByLabel('Tên đăng nhập', { exact: true }).fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByLabel('Mật khẩu', { exact: true }).press('Enter');
}

/** The server's clock is frozen in tests, so codes are computed for its time rather than the wall clock's. */
function currentCode(): string {
  return generateTotp(secret, app.testApp.clock.now());
}

async function signOut(): Promise<void> {
  await page.locator('.user-menu-button').click();
  await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
  await page.getByLabel('Tên đăng nhập', { exact: true }).waitFor();
}

test('an administrator enrols a second factor at the first sign-in', {
  skip: skipWithoutChromium,
}, async () => {
  await enterPassword(ADMIN, PASSWORD);
  await page.getByRole('heading', { name: 'Đăng ký xác thực hai lớp' }).waitFor();
  await page.getByText('nhập khóa này vào ứng dụng xác thực', { exact: false }).waitFor();
  const shown = (await page.locator('.totp-secret').textContent()) ?? '';
  // The key is shown in groups of four, as authenticator apps print it.
  assert.match(shown, /^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
  secret = shown.replace(/\s/g, '');
  await page.screenshot({ path: screenshotPath('admin-totp-enrol') });

  // A wrong code is refused and the step stays.
  await page.getByLabel('Mã xác thực').fill('000000');
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('alert').waitFor();
  assert.match((await page.getByRole('alert').textContent()) ?? '', /Mã xác thực không đúng/);

  await page.getByLabel('Mã xác thực').fill(currentCode());
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.locator('.app-header').waitFor();
  assert.match(page.url(), /\/quan-tri/);
  await page.locator('.users-table').waitFor();
  assert.equal(await page.locator(`.users-table tr[data-username="${ADMIN}"]`).count(), 1);
});

test('the administrator creates an officer account and reads its temporary password once', {
  skip: skipWithoutChromium,
}, async () => {
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  const form = page.locator('form.admin-form');
  await form.getByLabel('Tên đăng nhập', { exact: true }).fill(OFFICER);
  await form.getByLabel('Họ và tên').fill('Nguyễn Văn An');
  await form.getByLabel('Vai trò').selectOption('officer');
  await form.getByLabel('Đơn vị', { exact: true }).fill('13285');
  await form.getByLabel('Độ mật được tiếp cận').selectOption('none');
  await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await page.locator('.temp-password').waitFor();
  temporary = ((await page.locator('.temp-password').textContent()) ?? '').trim();
  assert.ok(temporary.length >= 12, temporary);
  const row = page.locator(`.users-table tr[data-username="${OFFICER}"]`);
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', /Cán bộ nhập liệu.*13285.*Thường.*Chưa đổi mật khẩu tạm/);
  await page.screenshot({ path: screenshotPath('admin-user-created'), fullPage: true });
  await page.getByRole('button', { name: 'Đã ghi nhận' }).click();
  assert.equal(await page.locator('.temp-password').count(), 0);
  await signOut();
});

test('the new officer must replace the temporary password before reaching the app', {
  skip: skipWithoutChromium,
}, async () => {
  await enterPassword(OFFICER, temporary);
  await page.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor();
  assert.equal(await page.locator('.app-header').count(), 0);

  // A password breaking the policy is refused with every rule it breaks.
  await page.getByLabel('Mật khẩu hiện tại').fill(temporary);
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill('ngan');
  await page.getByLabel('Nhập lại mật khẩu mới').fill('ngan');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await page.locator('.issue-list li').first().waitFor();
  assert.match((await page.locator('.issue-list').textContent()) ?? '', /ít nhất 12 ký tự/);
  await page.screenshot({ path: screenshotPath('password-policy') });

  await page.getByLabel('Mật khẩu mới', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Nhập lại mật khẩu mới').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await page.locator('.app-header').waitFor();
  await page.locator('.due-table, .panel').first().waitFor();
  assert.match(page.url(), /\/bao-cao\?.*unit=13285/);
  // Officers have no administration to reach.
  assert.equal(await page.locator('.admin-link').count(), 0);
  await signOut();

  // The new password is the one that works from now on.
  await enterPassword(OFFICER, NEW_PASSWORD);
  await page.locator('.app-header').waitFor();
  await signOut();
});

test('the audit log lists the account creation and its hash chain is intact', {
  skip: skipWithoutChromium,
}, async () => {
  // A code is accepted once: the next sign-in comes a time step later.
  app.testApp.clock.set(new Date(app.testApp.clock.now().getTime() + 60_000));
  await enterPassword(ADMIN, PASSWORD);
  await page.getByRole('heading', { name: 'Xác thực hai lớp' }).waitFor();
  await page.getByLabel('Mã xác thực').fill(currentCode());
  await page.getByLabel('Mã xác thực').press('Enter');
  await page.locator('.app-header').waitFor();

  await page.getByRole('tab', { name: 'Nhật ký hệ thống' }).click();
  await page.locator('.audit-table').waitFor();
  const created = page.locator('.audit-table tr[data-action="users.create"]');
  assert.equal(await created.count(), 1);
  assert.match((await created.textContent()) ?? '', new RegExp(`${ADMIN}.*users\\.create.*${OFFICER}`));
  // Human labels, the account's name rather than "user:N", and details in words rather than JSON.
  const row = (await created.textContent()) ?? '';
  assert.match(row, /Tạo tài khoản/);
  await page.waitForFunction(
    () =>
      !/user:\d/.test(
        document.querySelector('.audit-table tr[data-action="users.create"]')?.textContent ?? 'user:1',
      ),
  );
  assert.doesNotMatch((await created.textContent()) ?? '', /[{}"]/);
  const signIn = page.locator('.audit-table tr[data-action="auth.sign_in"]').first();
  assert.match((await signIn.textContent()) ?? '', /Đăng nhập/);
  // Times are written dd/mm/yyyy HH:mm in Vietnam time (the test clock stands at 08:01 on 29/11/2026).
  assert.match((await created.locator('td').nth(1).textContent()) ?? '', /^29\/11\/2026 08:0\d$/);
  for (const action of ['auth.second_factor_enrolled', 'auth.password_changed', 'auth.sign_in']) {
    assert.ok((await page.locator(`.audit-table tr[data-action="${action}"]`).count()) > 0, action);
  }

  // Filtering by action keeps the filter in the address.
  await page.getByLabel('Thao tác', { exact: true }).fill('users');
  await page.getByRole('button', { name: 'Lọc', exact: true }).click();
  await page.waitForURL(/action=users/);
  await page.locator('.audit-table tr[data-action="users.create"]').waitFor();
  const actions = await page
    .locator('.audit-table tbody tr')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action') ?? ''));
  assert.ok(actions.length > 0 && actions.every((a) => a.startsWith('users.')), actions.join(', '));

  await page.getByRole('button', { name: 'Kiểm tra toàn vẹn' }).click();
  await page.getByText('Nhật ký toàn vẹn').waitFor();
  await page.screenshot({ path: screenshotPath('admin-audit'), fullPage: true });
});
