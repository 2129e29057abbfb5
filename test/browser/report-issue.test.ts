// Issuing the briefing report from the page (issue 14.4, issue 15): the office is asked to confirm what it issues,
// an empty draft is refused, the issued PDF is signed and its signature checked on the page, a withdrawal needs a
// reason and leaves the old version readable; the register of notable events takes a note.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { SYSTEM_ACTOR } from '../../src/audit/actor.ts';
import { configureSigning } from '../../src/reports/issue.ts';
import { saveDocumentSetting } from '../../src/reports/settings.ts';
import { OUTPUT_DIR } from '../support/app.ts';
import { throwawayKey } from '../support/signing.ts';
import {
  type LaunchedBrowser,
  type RunningApp,
  screenshotPath,
  signIn,
  skipWithoutChromium,
  useBrowserSuite,
} from './support.ts';

const OFFICE = 'vanphong.banhanh';
let app: RunningApp;
let browser: LaunchedBrowser;
let page: Page;

useBrowserSuite([{ username: OFFICE, role: 'analyst', unitCode: 'BCA' }], async (suite) => {
  ({ app, browser } = suite);
  const dir = join(OUTPUT_DIR, 'signing-browser');
  mkdirSync(dir, { recursive: true });
  const key = throwawayKey('Bộ Công an', 'Bộ Công an');
  writeFileSync(join(dir, 'BCA.p12'), key.p12);
  configureSigning({ dir, passphrase: key.passphrase });
  const bca = app.testApp.ctx.graph.findByCode('BCA', '2026-11-29');
  assert.ok(bca);
  await saveDocumentSetting(
    app.testApp.ctx,
    bca.id,
    {
      symbol: null,
      signers: [
        { authority: 'KT. BỘ TRƯỞNG', position: 'THỨ TRƯỞNG', rank: 'Thượng tướng', name: 'Lê Văn Ký' },
      ],
    },
    SYSTEM_ACTOR,
    0,
  );
  page = await browser.context.newPage();
});

after(async () => {
  configureSigning({});
});

test('issuing asks for confirmation, refuses an empty draft, signs, verifies and withdraws with a reason', {
  skip: skipWithoutChromium,
}, async () => {
  await signIn(page, app, OFFICE);
  await page.getByRole('link', { name: 'Văn bản', exact: true }).click();
  await page.getByRole('heading', { name: 'Phần do người viết' }).waitFor();
  // Nothing is issued by one click: the confirmation names the report.
  await page.getByRole('button', { name: 'Ban hành…' }).click();
  const confirm = page.getByRole('button', { name: /^Xác nhận ban hành BCA\/\d{4}-\d{2}$/ });
  await confirm.waitFor();
  await confirm.click();
  await page.getByText(/Bản thảo còn trống/).waitFor();
  await page.getByRole('button', { name: 'Hủy', exact: true }).click();

  await page.getByLabel('Tình hình chung').fill('Tình hình an ninh, trật tự cơ bản ổn định.');
  await page.getByRole('button', { name: 'Lưu bản thảo' }).click();
  await page.getByText('Đã lưu bản thảo.').waitFor();
  await page.getByRole('button', { name: 'Ban hành…' }).click();
  await page.getByLabel('Người ký').waitFor();
  assert.match((await page.getByLabel('Người ký').textContent()) ?? '', /Lê Văn Ký/);
  await page.getByRole('button', { name: /^Xác nhận ban hành BCA\// }).click();
  await page.getByText(/Đã ban hành phiên bản 1, đã ký số\./).waitFor();
  await page.getByRole('button', { name: 'Kiểm tra chữ ký' }).click();
  await page.getByText(/Chữ ký hợp lệ, tệp toàn vẹn — Bộ Công an/).waitFor();

  await page.getByRole('button', { name: 'Thu hồi…' }).click();
  await page.getByPlaceholder('Lý do thu hồi').fill('Thu hồi để bổ sung đánh giá');
  await page.getByRole('button', { name: /^Thu hồi BCA\// }).click();
  await page.getByText('Đã thu hồi văn bản.').waitFor();
  await page.getByText(/Đã thu hồi, ký Thượng tướng Lê Văn Ký/).waitFor();
  // The old version is still a link to its signed file.
  assert.equal(await page.getByRole('link', { name: 'Phiên bản 1' }).count(), 1);
  await page.screenshot({ path: screenshotPath('report-issue'), fullPage: true });
});
