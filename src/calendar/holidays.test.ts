import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from '../vietnamese/dates.ts';
import { addWorkingDays, daysOffOfYear, isWorkingDay, publicHolidays } from './holidays.ts';

function dates(list: ReadonlyArray<{ date: string }>): string[] {
  return list.map((d) => d.date);
}

function daysOffBetween(
  from: string,
  to: string,
  overrides?: { daysOff?: string[]; workingDays?: string[] },
) {
  const off: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (!isWorkingDay(d, overrides)) off.push(d);
  return off;
}

describe('public holidays', () => {
  it('lists the statutory days of 2020 (Labour Code 2019, before the second National Day)', () => {
    assert.deepEqual(dates(publicHolidays(2020)), [
      '2020-01-01',
      '2020-01-24',
      '2020-01-25',
      '2020-01-26',
      '2020-01-27',
      '2020-01-28',
      '2020-04-02',
      '2020-04-30',
      '2020-05-01',
      '2020-09-02',
    ]);
  });

  it('names the days in Vietnamese and English', () => {
    const holidays = publicHolidays(2026);
    assert.equal(holidays.length, 11);
    assert.deepEqual(holidays[1], {
      date: '2026-02-16',
      nameVi: 'Tết Nguyên đán (29 tháng Chạp)',
      nameEn: 'Lunar New Year (New Year’s Eve)',
    });
    const hungKings = holidays.find((h) => h.nameVi.startsWith('Giỗ Tổ'));
    assert.equal(hungKings?.date, '2026-04-26');
    for (const h of holidays) {
      assert.equal(h.nameVi, h.nameVi.normalize('NFC'));
      assert.ok(h.nameEn.length > 0);
    }
  });

  it('puts Giỗ Tổ Hùng Vương on 10 tháng 3 âm lịch', () => {
    const hungKings = (year: number) => publicHolidays(year).find((h) => h.nameVi.startsWith('Giỗ Tổ'))?.date;
    assert.equal(hungKings(2023), '2023-04-29');
    assert.equal(hungKings(2024), '2024-04-18');
    assert.equal(hungKings(2025), '2025-04-07');
  });

  it('adds the day next to 2/9 from 2021, joining the holiday to a weekend', () => {
    const nationalDay = (year: number) =>
      dates(publicHolidays(year).filter((h) => h.nameEn.startsWith('National')));
    assert.deepEqual(nationalDay(2020), ['2020-09-02']);
    assert.deepEqual(nationalDay(2021), ['2021-09-02', '2021-09-03']);
    assert.deepEqual(nationalDay(2022), ['2022-09-01', '2022-09-02']);
    assert.deepEqual(nationalDay(2024), ['2024-09-02', '2024-09-03']);
    assert.deepEqual(nationalDay(2025), ['2025-09-01', '2025-09-02']);
  });
});

describe('compensatory days off', () => {
  it('gives the next working day for each holiday on a weekend', () => {
    const compensatory = (year: number) =>
      dates(daysOffOfYear(year).filter((d) => d.kind === 'compensatory'));
    // 2022: 1/1 on a Saturday; 10/3 âm lịch on a Sunday; 30/4 and 1/5 on a weekend.
    assert.deepEqual(compensatory(2022), ['2022-01-03', '2022-04-11', '2022-05-02', '2022-05-03']);
    // Tết Canh Tý: mùng 1 and mùng 2 on Saturday and Sunday, given back after mùng 4.
    assert.deepEqual(compensatory(2020), ['2020-01-29', '2020-01-30']);
    assert.deepEqual(compensatory(2026), ['2026-04-27']);
  });

  it('matches the published long weekends of 2023 (29/4–3/5 and 1–4/9)', () => {
    assert.deepEqual(daysOffBetween('2023-04-28', '2023-05-04'), [
      '2023-04-29',
      '2023-04-30',
      '2023-05-01',
      '2023-05-02',
      '2023-05-03',
    ]);
    assert.deepEqual(daysOffBetween('2023-08-31', '2023-09-05'), [
      '2023-09-01',
      '2023-09-02',
      '2023-09-03',
      '2023-09-04',
    ]);
  });
});

describe('working days', () => {
  it('treats weekends, holidays and compensatory days as days off', () => {
    assert.equal(isWorkingDay('2024-03-08'), true);
    assert.equal(isWorkingDay('2024-03-09'), false);
    assert.equal(isWorkingDay('2024-03-10'), false);
    assert.equal(isWorkingDay('2024-04-30'), false);
    assert.equal(isWorkingDay('2022-01-03'), false);
  });

  it('gives the 9 days of Tết Bính Ngọ 2026 (14–22/02/2026) from the statutory table alone', () => {
    const off = daysOffBetween('2026-02-13', '2026-02-23');
    assert.equal(off[0], '2026-02-14');
    assert.equal(off.at(-1), '2026-02-22');
    assert.equal(off.length, 9);
  });

  it('applies the Government’s arrangement for Tết Canh Tý 2020 (23/01–29/01/2020)', () => {
    const arrangement = { daysOff: ['2020-01-23'], workingDays: ['2020-01-30'] };
    assert.deepEqual(daysOffBetween('2020-01-22', '2020-01-31', arrangement), [
      '2020-01-23',
      '2020-01-24',
      '2020-01-25',
      '2020-01-26',
      '2020-01-27',
      '2020-01-28',
      '2020-01-29',
    ]);
    assert.equal(addWorkingDays('2020-01-22', 1, arrangement), '2020-01-30');
  });

  it('accepts a plain list of extra days off', () => {
    assert.equal(isWorkingDay('2024-03-08', ['2024-03-08']), false);
    assert.equal(addWorkingDays('2024-03-07', 1, ['2024-03-08']), '2024-03-11');
    assert.equal(isWorkingDay('2024-03-09', { workingDays: ['2024-03-09'] }), true);
  });

  it('adds working days over a weekend', () => {
    assert.equal(addWorkingDays('2024-03-08', 1), '2024-03-11');
    assert.equal(addWorkingDays('2024-03-08', 5), '2024-03-15');
    assert.equal(addWorkingDays('2024-03-09', 1), '2024-03-11');
    assert.equal(addWorkingDays('2024-03-06', 10), '2024-03-20');
  });

  it('returns the day itself for n = 0 if it is worked, else the next working day', () => {
    assert.equal(addWorkingDays('2024-03-08', 0), '2024-03-08');
    assert.equal(addWorkingDays('2024-03-09', 0), '2024-03-11');
    assert.equal(addWorkingDays('2020-01-24', 0), '2020-01-31');
  });

  it('adds working days over Tết', () => {
    assert.equal(addWorkingDays('2020-01-23', 1), '2020-01-31');
    assert.equal(addWorkingDays('2026-02-13', 1), '2026-02-23');
    assert.equal(addWorkingDays('2026-02-12', 2), '2026-02-23');
    assert.equal(addWorkingDays('2025-01-27', 1), '2025-02-04');
  });

  it('adds working days across the year end', () => {
    assert.equal(addWorkingDays('2021-12-31', 1), '2022-01-04');
  });

  it('rejects a negative or fractional count', () => {
    assert.throws(() => addWorkingDays('2024-03-08', -1), RangeError);
    assert.throws(() => addWorkingDays('2024-03-08', 1.5), RangeError);
  });
});
