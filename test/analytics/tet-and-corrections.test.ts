import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { correctionsSince } from '../../src/analytics/corrections.ts';
import { compareTetWindow } from '../../src/analytics/tet.ts';
import { daysOf, rangePeriod } from '../../src/periods/period.ts';
import { readValues } from '../../src/values/repository.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

describe('Tết-aligned comparison and corrections after a briefing', () => {
  let app: TestApp;
  before(async () => {
    app = await createTestApp({ demo: true });
  });
  after(async () => {
    await app?.close();
  });

  async function dailyTotal(indicator: string, start: string, end: string): Promise<number> {
    const id = app.ctx.catalogue.indicator(indicator)?.id;
    assert.ok(id);
    const days = daysOf(rangePeriod(start, end)).map((d) => d.id);
    const rows = await readValues(app.ctx.store.db, { periods: days, indicatorIds: [id] });
    return rows.reduce((sum, r) => sum + (r.value ?? 0), 0);
  }

  it('compares the week around Tết Bính Ngọ 2026 with the same lunar days of Ất Tỵ 2025, not the same dates', async () => {
    const result = await compareTetWindow(app.ctx, { unit: 'BCA', year: 2026, fromOffset: -3, toOffset: 5 });
    // Tết 2026 is 17/02, Tết 2025 is 29/01: the windows are 14/02–22/02/2026 and 26/01–03/02/2025.
    assert.deepEqual([result.window.start, result.window.end], ['2026-02-14', '2026-02-22']);
    assert.deepEqual([result.lastYearWindow.start, result.lastYearWindow.end], ['2025-01-26', '2025-02-03']);
    assert.match(result.window.name, /Bính Ngọ 2026/);
    const accidents = result.rows.find((r) => r.indicator === 'traffic.accidents');
    assert.ok(accidents);
    assert.equal(accidents.value, await dailyTotal('traffic.accidents', '2026-02-14', '2026-02-22'));
    assert.equal(accidents.lastYear, await dailyTotal('traffic.accidents', '2025-01-26', '2025-02-03'));
    assert.equal(accidents.change?.absolute, (accidents.value ?? 0) - (accidents.lastYear ?? 0));
    // The same Gregorian dates a year earlier are ordinary weeks: a different, non-Tết total.
    assert.notEqual(accidents.lastYear, await dailyTotal('traffic.accidents', '2025-02-14', '2025-02-22'));
  });

  it('gives the figure as briefed, the figure now, and the correction in between', async () => {
    const result = await correctionsSince(app.ctx, {
      unit: 'BCA',
      period: '2020-02',
      asOf: '2020-02-26T08:00',
      indicator: 'traffic.deaths',
    });
    assert.equal(result.corrections.length, 1);
    const [correction] = result.corrections;
    assert.equal(correction?.unit, '40');
    assert.equal(correction?.difference, 2);
    assert.match(String(correction?.reason), /Đính chính/);
    const before = await correctionsSince(app.ctx, {
      unit: 'BCA',
      period: '2020-02',
      asOf: '2020-03-05T08:00',
    });
    assert.equal(before.corrections.length, 0);
  });
});
