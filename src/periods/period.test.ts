import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  daysOf,
  monthsOf,
  PeriodError,
  parsePeriod,
  periodLabelVi,
  previousPeriod,
  samePeriodLastYear,
  yearToDateOf,
} from './period.ts';
import {
  CALENDAR_REGIME,
  MPS_REGIME,
  monthContaining,
  monthWindow,
  periodWindow,
  referenceDate,
  wholeMonthsWithin,
} from './regime.ts';

describe('period identifiers', () => {
  it('parses every kind and keeps the identifier', () => {
    for (const id of [
      '2020-02',
      '2020-Q1',
      '2020-H1',
      '2020',
      '2020-02-ytd',
      '2020-02-15',
      '2020-01-09..2020-02-08',
    ]) {
      assert.equal(parsePeriod(id).id, id);
    }
    assert.equal(parsePeriod('2020-q3').id, '2020-Q3');
  });

  it('rejects impossible periods with a reason', () => {
    for (const bad of [
      '2020-13',
      '2020-00',
      '2020-Q5',
      '2020-H3',
      '2020-02-30',
      '20-02',
      '2020-02-10..2020-02-01',
      'tháng 2',
      '',
    ]) {
      assert.throws(() => parsePeriod(bad), PeriodError, bad);
    }
  });

  it('knows the months a period covers', () => {
    assert.deepEqual(
      monthsOf(parsePeriod('2020-Q1')).map((p) => p.id),
      ['2020-01', '2020-02', '2020-03'],
    );
    assert.equal(monthsOf(parsePeriod('2020-H2')).length, 6);
    assert.deepEqual(
      monthsOf(parsePeriod('2020-03-ytd')).map((p) => p.id),
      ['2020-01', '2020-02', '2020-03'],
    );
    assert.equal(daysOf(parsePeriod('2020-01-23..2020-01-29')).length, 7);
  });

  it('steps to the previous period and to the same period last year', () => {
    assert.equal(previousPeriod(parsePeriod('2020-01'))?.id, '2019-12');
    assert.equal(previousPeriod(parsePeriod('2020-Q1'))?.id, '2019-Q4');
    assert.equal(previousPeriod(parsePeriod('2020-H2'))?.id, '2020-H1');
    assert.equal(previousPeriod(parsePeriod('2020-02-ytd')), null);
    assert.equal(previousPeriod(parsePeriod('2020-01-23..2020-01-29'))?.id, '2020-01-16..2020-01-22');
    assert.equal(samePeriodLastYear(parsePeriod('2020-02')).id, '2019-02');
    assert.equal(samePeriodLastYear(parsePeriod('2020-02-29')).id, '2019-02-28');
    assert.equal(samePeriodLastYear(parsePeriod('2020-02-ytd')).id, '2019-02-ytd');
    assert.equal(yearToDateOf(parsePeriod('2020-Q2'))?.id, '2020-06-ytd');
  });

  it('labels periods in Vietnamese', () => {
    assert.equal(periodLabelVi(parsePeriod('2020-02')), 'tháng 02/2020');
    assert.equal(periodLabelVi(parsePeriod('2020-Q1')), 'quý I/2020');
    assert.equal(periodLabelVi(parsePeriod('2020-05-ytd')), '5 tháng đầu năm 2020');
  });
});

describe('data windows (Decree 09/2019 and earlier rules)', () => {
  it('cuts a Decree 09 month from the 15th to the 14th', () => {
    assert.deepEqual(periodWindow(parsePeriod('2024-08')), { start: '2024-07-15', end: '2024-08-14' });
    assert.deepEqual(periodWindow(parsePeriod('2020-02')), { start: '2020-01-15', end: '2020-02-14' });
  });

  it('makes the year run from 15/12 of the year before to 14/12', () => {
    assert.deepEqual(periodWindow(parsePeriod('2020')), { start: '2019-12-15', end: '2020-12-14' });
    assert.deepEqual(periodWindow(parsePeriod('2020-Q1')), { start: '2019-12-15', end: '2020-03-14' });
    assert.deepEqual(periodWindow(parsePeriod('2020-H2')), { start: '2020-06-15', end: '2020-12-14' });
  });

  it('uses the ministry’s 16th → 15th rule before Decree 09', () => {
    assert.deepEqual(periodWindow(parsePeriod('2018-09')), { start: '2018-08-16', end: '2018-09-15' });
  });

  it('neither loses nor double-counts a day where the rule changes', () => {
    const march = monthWindow(MPS_REGIME, 2019, 3);
    const april = monthWindow(MPS_REGIME, 2019, 4);
    assert.deepEqual(march, { start: '2019-02-16', end: '2019-03-15' });
    assert.equal(april.start, '2019-03-16');
    assert.equal(april.end, '2019-04-14');
  });

  it('windows of consecutive months tile the calendar', () => {
    for (let year = 2017; year <= 2027; year++) {
      for (let month = 1; month <= 12; month++) {
        const a = monthWindow(MPS_REGIME, year, month);
        const b =
          month === 12 ? monthWindow(MPS_REGIME, year + 1, 1) : monthWindow(MPS_REGIME, year, month + 1);
        const next = new Date(`${a.end}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        assert.equal(b.start, next.toISOString().slice(0, 10), `${year}-${month}`);
      }
    }
  });

  it('supports plain calendar months', () => {
    assert.deepEqual(periodWindow(parsePeriod('2020-02'), CALENDAR_REGIME), {
      start: '2020-02-01',
      end: '2020-02-29',
    });
  });

  it('finds the month containing a date, and the reference date of a period', () => {
    assert.equal(monthContaining('2020-01-25').id, '2020-02');
    assert.equal(monthContaining('2020-01-14').id, '2020-01');
    assert.equal(monthContaining('2019-12-20').id, '2020-01');
    assert.equal(referenceDate(parsePeriod('2025-07')), '2025-07-14');
    assert.equal(referenceDate(parsePeriod('2025-06')), '2025-06-14');
  });

  it('finds the whole reporting months inside a campaign window', () => {
    assert.deepEqual(
      wholeMonthsWithin({ start: '2019-12-15', end: '2020-02-14' }).map((p) => p.id),
      ['2020-01', '2020-02'],
    );
    assert.deepEqual(
      wholeMonthsWithin({ start: '2019-12-16', end: '2020-02-14' }).map((p) => p.id),
      ['2020-02'],
    );
  });
});
