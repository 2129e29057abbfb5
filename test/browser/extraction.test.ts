// A commune officer pastes a sentence of the monthly report into the form: the figures are marked in the text,
// proposed beside their cells, accepted, saved with the words they were read from, and still there on reload.
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

// Phủ Lý ward police; on the tests' "today" (29/11/2026) the month being collected is December.
const COMMUNE = '13285';
const PERIOD = '2026-12';
const TEXT =
  'Trong tháng, Công an xã phát hiện, bắt giữ 2 vụ - 3 đối tượng phạm tội về ma túy, thu giữ 12,5 gam ma túy tổng hợp.';

let app: RunningApp;
let browser: LaunchedBrowser;
let page: Page;

useBrowserSuite([{ username: 'canbo.phuly', role: 'officer', unitCode: COMMUNE }], async (suite) => {
  ({ app, browser } = suite);
  page = await openAs(browser, app, 'canbo.phuly');
});

const input = (key: string) => page.locator(`.entry-input[data-key="${key}"]`);
const proposal = (key: string) => page.locator(`.proposal-row[data-key="${key}"] .proposal`);

interface SentCell {
  indicator: string;
  option: string | null;
  value: number;
  source?: { document: string | null; excerpt: string; span: [number, number] };
}

test('figures read from pasted text are proposed, accepted, saved and keep their source', {
  skip: skipWithoutChromium,
}, async () => {
  await page.goto(`${app.origin}/bao-cao/BC-THANG?unit=${COMMUNE}&period=${PERIOD}`);
  await input('drug.cases').waitFor();
  const saves: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PUT' && request.url().endsWith('/api/values'))
      saves.push(request.postData() ?? '');
  });

  // The panel is folded away until wanted.
  await page.getByText('Đọc từ văn bản báo cáo', { exact: true }).click();
  await page.getByLabel('Văn bản báo cáo', { exact: true }).fill(TEXT);
  await page.getByRole('button', { name: 'Đọc số liệu' }).click();
  await page.locator('.figure-mark').first().waitFor();
  const marks = await page.locator('.extract-text .figure-mark').allTextContents();
  assert.deepEqual(marks, ['2 vụ', '3 đối tượng', '12,5 gam']);
  // All three match a cell of this form, so none is greyed out.
  assert.equal(await page.locator('.extract-text .figure-unmatched').count(), 0);

  assert.match((await proposal('drug.cases').textContent()) ?? '', /Đề xuất:\s*2 vụ/);
  assert.match((await proposal('drug.suspects').textContent()) ?? '', /Đề xuất:\s*3 đối tượng/);
  // Grams are proposed in the indicator's kilograms, the figure as written alongside.
  const kg = proposal('drug.seized_kg/synthetic');
  assert.match((await kg.textContent()) ?? '', /Đề xuất:\s*0,0125 kg\s*\(12,5 g\)/);
  // The catalogue keeps kilograms to three decimals, and the proposal says so before anything is saved.
  assert.match((await kg.textContent()) ?? '', /sẽ lưu là 0,013/);

  // A proposal points at the words it came from.
  await kg.locator('.proposal-value').click();
  assert.equal(await page.locator('.extract-text .figure-mark.is-active').textContent(), '12,5 gam');
  await page.screenshot({ path: screenshotPath('extraction-proposals'), fullPage: true });

  await proposal('drug.cases').getByRole('button', { name: 'Nhận' }).click();
  await proposal('drug.suspects').getByRole('button', { name: 'Nhận' }).click();
  await kg.getByRole('button', { name: 'Nhận' }).click();
  assert.equal(await input('drug.cases').inputValue(), '2');
  assert.equal(await input('drug.suspects').inputValue(), '3');
  assert.equal(await input('drug.seized_kg/synthetic').inputValue(), '0,0125');
  assert.equal(await page.locator('.proposal-accepted').count(), 3);
  assert.equal(await page.locator('.extract-text .figure-accepted').count(), 3);

  await page.locator('.save-saved').waitFor({ timeout: 10_000 });
  await page.screenshot({ path: screenshotPath('extraction-accepted'), fullPage: true });
  const sent = new Map(
    saves
      .flatMap((body) => (JSON.parse(body) as { cells: SentCell[] }).cells)
      .map((c) => [`${c.indicator}/${c.option ?? ''}`, c]),
  );
  assert.equal(sent.get('drug.cases/')?.value, 2);
  assert.deepEqual(sent.get('drug.cases/')?.source, { document: null, excerpt: '2 vụ', span: [43, 47] });
  assert.equal(sent.get('drug.suspects/')?.source?.excerpt, '3 đối tượng');
  assert.equal(sent.get('drug.seized_kg/synthetic')?.value, 0.0125);
  assert.equal(sent.get('drug.seized_kg/synthetic')?.source?.excerpt, '12,5 gam');

  await page.reload();
  await input('drug.cases').waitFor();
  assert.equal(await input('drug.cases').inputValue(), '2');
  assert.equal(await input('drug.suspects').inputValue(), '3');
  // Stored to the indicator's three decimals.
  assert.equal(await input('drug.seized_kg/synthetic').inputValue(), '0,013');
  const marker = (key: string) =>
    page.locator(`tr:has(.entry-input[data-key="${key}"]) .source-marker`).getAttribute('title');
  assert.match((await marker('drug.cases')) ?? '', /«2 vụ»/);
  assert.match((await marker('drug.suspects')) ?? '', /«3 đối tượng»/);
  assert.match((await marker('drug.seized_kg/synthetic')) ?? '', /«12,5 gam»/);
  // Figures typed by hand carry no marker.
  assert.equal(await page.locator('.source-marker').count(), 3);
  await page.screenshot({ path: screenshotPath('extraction-saved-source') });
});

test('“Nhận tất cả” fills the blank cells and leaves a figure already there for the officer to decide', {
  skip: skipWithoutChromium,
}, async () => {
  await page.goto(`${app.origin}/bao-cao/BC-THANG?unit=${COMMUNE}&period=${PERIOD}`);
  await input('drug.cases').waitFor();
  // The officer has typed 4 suspects; the report says 7.
  await input('drug.suspects').fill('4');
  await page.getByText('Đọc từ văn bản báo cáo', { exact: true }).click();
  await page
    .getByLabel('Văn bản báo cáo', { exact: true })
    .fill('Trong tháng, bắt giữ 5 vụ - 7 đối tượng phạm tội về ma túy. Xảy ra 4 vụ tai nạn giao thông.');
  await page.getByRole('button', { name: 'Đọc số liệu' }).click();
  await proposal('drug.suspects').waitFor();
  await page.getByRole('button', { name: /Nhận tất cả/ }).click();
  assert.equal(await input('traffic.accidents').inputValue(), '4', 'a blank cell is filled');
  assert.equal(await input('drug.suspects').inputValue(), '4', 'a typed figure is kept');
  assert.equal(await input('drug.cases').inputValue(), '2', 'a saved figure is kept');
  await page.getByText(/Đề xuất chưa nhận vì ô đã có số liệu khác.*: 2/).waitFor();
  // Each kept proposal can still be accepted on purpose.
  await proposal('drug.suspects').getByRole('button', { name: 'Nhận' }).click();
  assert.equal(await input('drug.suspects').inputValue(), '7');
});

test('a figure the catalogue did not recognise is shown with its noun, put into a chosen cell and accepted', {
  skip: skipWithoutChromium,
}, async () => {
  await page.goto(`${app.origin}/bao-cao/BC-THANG?unit=${COMMUNE}&period=${PERIOD}`);
  await page.reload();
  await input('weapons.support_tools').waitFor();
  await page.getByText('Đọc từ văn bản báo cáo', { exact: true }).click();
  await page
    .getByLabel('Văn bản báo cáo', { exact: true })
    .fill('Qua tuần tra, tổ công tác thu giữ 6 gậy điện; số vụ trộm cắp giảm 3 vụ so với cùng kỳ năm 2025.');
  await page.getByRole('button', { name: 'Đọc số liệu' }).click();
  // "gậy điện" is no noun of the catalogue: listed apart, with what it counts, and greyed in the text.
  const item = page.locator('.unmatched li', { hasText: '6 gậy điện' });
  await item.waitFor();
  assert.match((await item.textContent()) ?? '', /đếm: gậy điện/);
  assert.equal(await page.locator('.extract-text .figure-unmatched').textContent(), '6 gậy điện');
  // The change is listed with the kind of its baseline, not as a figure.
  assert.match(
    (await page.locator('.comparisons li').textContent()) ?? '',
    /Giảm\s*3 vụ\s*so với cùng kỳ năm trước\s*\(cùng kỳ năm 2025\)/,
  );
  assert.equal(await proposal('weapons.support_tools').count(), 0);

  await item.getByLabel('Đưa vào ô: 6 gậy điện').selectOption('weapons.support_tools');
  await item.getByRole('button', { name: 'Đưa vào ô' }).click();
  const chip = proposal('weapons.support_tools');
  await chip.waitFor();
  assert.match((await chip.textContent()) ?? '', /Đề xuất:\s*6\b.*gậy điện/);
  assert.equal(await page.locator('.unmatched li', { hasText: '6 gậy điện' }).count(), 0);
  await page.screenshot({ path: screenshotPath('extraction-placed'), fullPage: true });
  await chip.getByRole('button', { name: 'Nhận' }).click();
  assert.equal(await input('weapons.support_tools').inputValue(), '6');
  await page.locator('.save-saved').waitFor({ timeout: 10_000 });
  await page.reload();
  await input('weapons.support_tools').waitFor();
  assert.equal(await input('weapons.support_tools').inputValue(), '6');
  assert.match(
    (await page
      .locator('tr:has(.entry-input[data-key="weapons.support_tools"]) .source-marker')
      .getAttribute('title')) ?? '',
    /«6 gậy điện»/,
  );
});
