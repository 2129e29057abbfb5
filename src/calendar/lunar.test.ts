import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, isoDate } from '../vietnamese/dates.ts';
import {
  canChiOfYear,
  formatLunarDate,
  LunarDateError,
  leapMonthOf,
  lunarMonthLength,
  lunarMonthsOfYear,
  lunarToSolar,
  resolveLunarWindow,
  solarToLunar,
  tetDate,
} from './lunar.ts';

// Tết and can chi of 2015–2030 as published for Vietnam, plus the years where China's calendar (UTC+8)
// puts Tết on another day.
const TET: ReadonlyArray<[number, string, string]> = [
  [1985, '1985-01-21', 'Ất Sửu'], // China: 1985-02-20
  [2007, '2007-02-17', 'Đinh Hợi'], // China: 2007-02-18
  [2015, '2015-02-19', 'Ất Mùi'],
  [2016, '2016-02-08', 'Bính Thân'],
  [2017, '2017-01-28', 'Đinh Dậu'],
  [2018, '2018-02-16', 'Mậu Tuất'],
  [2019, '2019-02-05', 'Kỷ Hợi'],
  [2020, '2020-01-25', 'Canh Tý'],
  [2021, '2021-02-12', 'Tân Sửu'],
  [2022, '2022-02-01', 'Nhâm Dần'],
  [2023, '2023-01-22', 'Quý Mão'],
  [2024, '2024-02-10', 'Giáp Thìn'],
  [2025, '2025-01-29', 'Ất Tỵ'],
  [2026, '2026-02-17', 'Bính Ngọ'],
  [2027, '2027-02-06', 'Đinh Mùi'],
  [2028, '2028-01-26', 'Mậu Thân'],
  [2029, '2029-02-13', 'Kỷ Dậu'],
  [2030, '2030-02-02', 'Canh Tuất'], // China: 2030-02-03
  [2053, '2053-02-18', 'Quý Dậu'], // China: 2053-02-19
];

describe('Tết', () => {
  for (const [year, date, canChi] of TET) {
    it(`Tết ${canChi} ${year} is ${date}`, () => {
      assert.equal(tetDate(year), date);
      assert.deepEqual(solarToLunar(date), { year, month: 1, day: 1, leap: false });
      assert.deepEqual(solarToLunar(addDays(date, -1)).year, year - 1);
      assert.equal(canChiOfYear(year), canChi.normalize('NFC'));
    });
  }

  it('puts Tết Mậu Thân 1968 on 29 January, the first Tết of the UTC+7 calendar', () => {
    assert.equal(tetDate(1968), '1968-01-29');
    assert.deepEqual(solarToLunar('1968-01-28'), { year: 1967, month: 12, day: 29, leap: false });
  });

  it('starts a month on the right day when the new moon is just after local midnight', () => {
    // New moon at about 00:01 UTC+7 on 2054-05-08: a naive lunation estimate gives "day 0" on 05-07.
    assert.deepEqual(solarToLunar('2054-05-07'), { year: 2054, month: 3, day: 30, leap: false });
    assert.deepEqual(solarToLunar('2054-05-08'), { year: 2054, month: 4, day: 1, leap: false });
    assert.equal(lunarToSolar({ year: 2054, month: 4, day: 1 }), '2054-05-08');
  });

  it('does not depend on the process time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Shanghai']) {
        process.env.TZ = tz;
        assert.equal(tetDate(2020), '2020-01-25', tz);
        assert.equal(tetDate(2021), '2021-02-12', tz);
        assert.deepEqual(solarToLunar('2020-01-24'), { year: 2019, month: 12, day: 30, leap: false }, tz);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('can chi', () => {
  it('names the sexagenary year with the Vietnamese spelling', () => {
    assert.equal(canChiOfYear(2020), 'Canh Tý');
    assert.equal(canChiOfYear(2026), 'Bính Ngọ');
    assert.equal(canChiOfYear(2023), 'Quý Mão');
    assert.equal(canChiOfYear(2025), 'Ất Tỵ');
    assert.equal(canChiOfYear(1984), 'Giáp Tý');
    assert.equal(canChiOfYear(1945), 'Ất Dậu');
    assert.equal(canChiOfYear(2044), 'Giáp Tý');
  });

  it('returns NFC strings', () => {
    for (let y = 1984; y < 2044; y++) {
      const name = canChiOfYear(y);
      assert.equal(name, name.normalize('NFC'));
    }
    assert.equal(new Set(Array.from({ length: 60 }, (_, i) => canChiOfYear(1984 + i))).size, 60);
  });
});

describe('leap months', () => {
  it('places the leap month and its first day', () => {
    assert.equal(leapMonthOf(2020), 4);
    assert.equal(lunarToSolar({ year: 2020, month: 4, day: 1, leap: true }), '2020-05-23');
    assert.deepEqual(solarToLunar('2020-05-23'), { year: 2020, month: 4, day: 1, leap: true });
    assert.deepEqual(solarToLunar('2020-05-22'), { year: 2020, month: 4, day: 30, leap: false });
    assert.equal(leapMonthOf(2023), 2);
    assert.equal(leapMonthOf(2025), 6);
    assert.equal(lunarToSolar({ year: 2025, month: 6, day: 1, leap: true }), '2025-07-25');
    assert.equal(leapMonthOf(2028), 5);
    assert.equal(leapMonthOf(2031), 3);
    assert.equal(leapMonthOf(2033), 11);
    for (const year of [2019, 2021, 2022, 2024, 2026, 2027, 2029, 2030])
      assert.equal(leapMonthOf(year), null);
  });

  it('lists 13 months in a leap year, the leap month after the month it repeats', () => {
    const months = lunarMonthsOfYear(2020);
    assert.equal(months.length, 13);
    assert.deepEqual(
      months.map((m) => `${m.month}${m.leap ? 'n' : ''}`),
      ['1', '2', '3', '4', '4n', '5', '6', '7', '8', '9', '10', '11', '12'],
    );
    assert.equal(lunarMonthsOfYear(2021).length, 12);
  });
});

describe('conversions used in the reports', () => {
  it('reads the Tết Canh Tý 2020 holiday: 29 tháng Chạp Kỷ Hợi → mùng 5 Tết', () => {
    assert.deepEqual(solarToLunar('2020-01-23'), { year: 2019, month: 12, day: 29, leap: false });
    assert.deepEqual(solarToLunar('2020-01-29'), { year: 2020, month: 1, day: 5, leap: false });
    assert.equal(formatLunarDate(solarToLunar('2020-01-23')), '29 tháng Chạp năm Kỷ Hợi');
    assert.equal(formatLunarDate(solarToLunar('2020-01-29')), 'mùng 5 tháng Giêng năm Canh Tý');
    assert.equal(lunarToSolar({ year: 2019, month: 12, day: 29 }), '2020-01-23');
    assert.equal(lunarToSolar({ year: 2020, month: 1, day: 5 }), '2020-01-29');
  });

  it('reads the Tết Bính Ngọ 2026 holiday: 27 tháng Chạp Ất Tỵ → mùng 6 tháng Giêng', () => {
    assert.deepEqual(solarToLunar('2026-02-14'), { year: 2025, month: 12, day: 27, leap: false });
    assert.deepEqual(solarToLunar('2026-02-22'), { year: 2026, month: 1, day: 6, leap: false });
    assert.equal(formatLunarDate(solarToLunar('2026-02-14')), '27 tháng Chạp năm Ất Tỵ');
    assert.equal(formatLunarDate(solarToLunar('2026-02-22')), 'mùng 6 tháng Giêng năm Bính Ngọ');
    assert.equal(formatLunarDate(solarToLunar('2020-05-23')), 'mùng 1 tháng 4 nhuận năm Canh Tý');
  });

  it('knows month lengths', () => {
    assert.equal(lunarMonthLength(2019, 12), 30);
    assert.equal(lunarMonthLength(2025, 12), 29);
    assert.equal(lunarMonthLength(2020, 4, true), 29);
  });

  it('rejects days and leap months that do not exist', () => {
    assert.throws(() => lunarToSolar({ year: 2025, month: 12, day: 30 }), LunarDateError);
    assert.throws(() => lunarToSolar({ year: 2021, month: 4, day: 1, leap: true }), /không có tháng 4 nhuận/);
    assert.throws(() => lunarToSolar({ year: 2020, month: 5, day: 1, leap: true }), LunarDateError);
    assert.throws(() => lunarToSolar({ year: 2020, month: 13, day: 1 }), LunarDateError);
    assert.throws(() => lunarToSolar({ year: 2020, month: 1, day: 0 }), LunarDateError);
    assert.throws(() => lunarMonthLength(2026, 6, true), LunarDateError);
    assert.throws(() => tetDate(1966), RangeError);
    assert.throws(() => solarToLunar('1966-12-31'), RangeError);
    assert.throws(() => solarToLunar('2200-01-01'), RangeError);
    assert.throws(() => solarToLunar('2020-02-30'));
  });
});

describe('lunar windows', () => {
  const aroundTet = {
    start: { month: 12, day: 15, yearOffset: -1 },
    end: { month: 1, day: 15, yearOffset: 0 },
  };

  it('resolves "15 tháng Chạp → 15 tháng Giêng" for each year', () => {
    assert.deepEqual(resolveLunarWindow(aroundTet, 2020), { start: '2020-01-09', end: '2020-02-08' });
    assert.deepEqual(resolveLunarWindow(aroundTet, 2026), { start: '2026-02-02', end: '2026-03-03' });
  });

  it('clamps day 30 to the last day of a 29-day month', () => {
    // Chạp of Tân Sửu (lunar 2021) has 29 days: the last day of the year is 2022-01-31.
    const eve = { start: { month: 12, day: 30, yearOffset: -1 }, end: { month: 1, day: 4 } };
    assert.deepEqual(resolveLunarWindow(eve, 2022), { start: '2022-01-31', end: '2022-02-04' });
    assert.deepEqual(resolveLunarWindow(eve, 2020), { start: '2020-01-24', end: '2020-01-28' });
  });

  it('rejects a window that ends before it starts', () => {
    const backwards = { start: { month: 1, day: 15 }, end: { month: 12, day: 15, yearOffset: -1 } };
    assert.throws(() => resolveLunarWindow(backwards, 2020), LunarDateError);
  });
});

describe('every day 1968–2053', () => {
  it('round-trips solar → lunar → solar and advances one lunar day at a time', () => {
    let date = isoDate(1968, 1, 1);
    const end = isoDate(2054, 1, 1);
    let previous = solarToLunar(addDays(date, -1));
    let days = 0;
    while (date < end) {
      const lunar = solarToLunar(date);
      assert.equal(lunarToSolar(lunar), date);
      if (lunar.day === 1) {
        assert.ok(previous.day === 29 || previous.day === 30, `${date}: month ended on day ${previous.day}`);
        assert.ok(
          lunar.leap ? lunar.month === previous.month : lunar.month === (previous.month % 12) + 1,
          `${date}: month ${lunar.month} after ${previous.month}`,
        );
        assert.equal(lunar.year, lunar.month === 1 && !lunar.leap ? previous.year + 1 : previous.year);
      } else {
        assert.deepEqual(lunar, { ...previous, day: previous.day + 1 }, date);
      }
      previous = lunar;
      date = addDays(date, 1);
      days += 1;
    }
    assert.equal(days, 31_412);
  });

  it('has 12 months of 29 or 30 days, or 13 with exactly one leap month, in every lunar year', () => {
    for (let year = 1968; year <= 2053; year++) {
      const months = lunarMonthsOfYear(year);
      const leaps = months.filter((m) => m.leap);
      assert.equal(months.length, leaps.length === 1 ? 13 : 12, String(year));
      assert.ok(leaps.length <= 1, String(year));
      for (const m of months) assert.ok(m.length === 29 || m.length === 30, `${year}/${m.month}`);
      const total = months.reduce((sum, m) => sum + m.length, 0);
      assert.ok(
        leaps.length === 1 ? total >= 383 && total <= 385 : total >= 353 && total <= 355,
        `${year}: ${total}`,
      );
      assert.equal(addDays(tetDate(year), total), tetDate(year + 1), String(year));
    }
  });
});
