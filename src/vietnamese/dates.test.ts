import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  addDays,
  DateFormatError,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  formatAdministrativeDate,
  formatDate,
  isoDate,
  isValidIsoDate,
  parseDate,
  splitIsoDate,
  vietnamDateOf,
} from './dates.ts';

const validDate = fc
  .record({ year: fc.integer({ min: 1, max: 9999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.nat() })
  .map(({ year, month, day }) => isoDate(year, month, 1 + (day % daysInMonth(year, month))));

describe('formatDate and parseDate', () => {
  it('convert between dd/mm/yyyy and ISO', () => {
    assert.equal(formatDate('2020-02-26'), '26/02/2020');
    assert.equal(parseDate('26/02/2020'), '2020-02-26');
    assert.equal(parseDate('5/1/2020'), '2020-01-05');
    assert.equal(parseDate(' 2020-02-26 '), '2020-02-26');
  });

  it('reject impossible and malformed dates', () => {
    for (const bad of [
      '30/02/2020',
      '29/02/2019',
      '32/01/2020',
      '01/13/2020',
      '2020-02-30',
      '26-02-2020',
      '',
    ]) {
      assert.throws(() => parseDate(bad), DateFormatError, bad);
    }
    assert.equal(parseDate('29/02/2020'), '2020-02-29');
  });

  it('round-trip every valid date', () => {
    fc.assert(
      fc.property(validDate, (date) => {
        assert.equal(parseDate(formatDate(date)), date);
        assert.equal(parseDate(date), date);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('formatAdministrativeDate', () => {
  it('pads days below 10 and the months January and February (Decree 30/2020)', () => {
    assert.equal(formatAdministrativeDate('2020-01-05'), 'ngày 05 tháng 01 năm 2020');
    assert.equal(formatAdministrativeDate('2020-02-26'), 'ngày 26 tháng 02 năm 2020');
    assert.equal(formatAdministrativeDate('2020-03-26'), 'ngày 26 tháng 3 năm 2020');
    assert.equal(formatAdministrativeDate('2024-12-09'), 'ngày 09 tháng 12 năm 2024');
  });
});

describe('calendar arithmetic', () => {
  it('knows month lengths, leap years included', () => {
    assert.equal(daysInMonth(2020, 2), 29);
    assert.equal(daysInMonth(2019, 2), 28);
    assert.equal(daysInMonth(1900, 2), 28);
    assert.equal(daysInMonth(2000, 2), 29);
    assert.equal(daysInMonth(2024, 4), 30);
    // Years below 100 must not be taken for 19xx.
    assert.equal(daysInMonth(0, 2), 29);
  });

  it('adds days across months and years', () => {
    assert.equal(addDays('2020-02-28', 1), '2020-02-29');
    assert.equal(addDays('2020-12-31', 1), '2021-01-01');
    assert.equal(addDays('2021-03-01', -1), '2021-02-28');
    assert.equal(addDays('0099-12-31', 1), '0100-01-01');
    assert.equal(daysBetween('0099-12-31', '0100-01-01'), 1);
  });

  it('addDays and daysBetween are inverse', () => {
    fc.assert(
      fc.property(
        validDate.filter((d) => d >= '0100' && d <= '9000'),
        fc.integer({ min: -5000, max: 5000 }),
        (date, n) => {
          const moved = addDays(date, n);
          assert.ok(isValidIsoDate(moved));
          assert.equal(daysBetween(date, moved), n);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('gives the day of the week and the date in Vietnam', () => {
    assert.equal(dayOfWeek('2020-02-26'), 3);
    assert.equal(dayOfWeek('2025-01-29'), 3);
    assert.equal(vietnamDateOf(new Date('2020-02-25T17:00:00Z')), '2020-02-26');
    assert.equal(vietnamDateOf(new Date('2020-02-25T16:59:59Z')), '2020-02-25');
    assert.deepEqual(splitIsoDate('2020-02-26'), { year: 2020, month: 2, day: 26 });
  });
});
