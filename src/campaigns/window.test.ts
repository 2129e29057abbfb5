import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tetDate } from '../calendar/index.ts';
import { daysBetween } from '../vietnamese/dates.ts';
import { compare, rankCampaign } from './summary.ts';
import {
  type CampaignRule,
  CampaignRuleError,
  describeRule,
  parseLunarRule,
  resolveCampaignWindow,
  sameCampaignLastYear,
  tetName,
  windowBefore,
  windowLength,
} from './window.ts';

const AROUND_TET: CampaignRule = {
  kind: 'lunar',
  start: { month: 12, day: 15, yearOffset: -1 },
  end: { month: 1, day: 15 },
};

describe('lunar-aligned campaign windows', () => {
  it('resolves 15/12 → 15/01 âm lịch through the lunar calendar, year by year', () => {
    // Tết 2019 = 05/02/2019, Tết 2020 = 25/01/2020; tháng Chạp Mậu Tuất and Kỷ Hợi have 30 days, Tân Sửu 29.
    assert.equal(tetDate(2019), '2019-02-05');
    assert.equal(tetDate(2020), '2020-01-25');
    assert.deepEqual(resolveCampaignWindow(AROUND_TET, 2019), { start: '2019-01-20', end: '2019-02-19' });
    assert.deepEqual(resolveCampaignWindow(AROUND_TET, 2020), { start: '2020-01-09', end: '2020-02-08' });
    assert.deepEqual(resolveCampaignWindow(AROUND_TET, 2021), { start: '2021-01-27', end: '2021-02-26' });
    assert.deepEqual(resolveCampaignWindow(AROUND_TET, 2022), { start: '2022-01-17', end: '2022-02-15' });
    assert.deepEqual(resolveCampaignWindow(AROUND_TET, 2026), { start: '2026-02-02', end: '2026-03-03' });
  });
  it('keeps the same place relative to Tết every year, whatever the Gregorian dates', () => {
    for (let year = 2019; year <= 2030; year++) {
      const w = resolveCampaignWindow(AROUND_TET, year);
      const tet = tetDate(year);
      // 15 tháng Chạp is 15 or 16 days before Tết (a 29- or 30-day month); 15 tháng Giêng is always Tết + 14.
      assert.ok([15, 16].includes(daysBetween(w.start, tet)), `${year}: ${w.start} vs ${tet}`);
      assert.equal(daysBetween(tet, w.end), 14, String(year));
    }
  });
  it('finds last year’s campaign Tết to Tết, not on the same Gregorian dates', () => {
    const last = sameCampaignLastYear(AROUND_TET, 2020);
    assert.deepEqual(last, { start: '2019-01-20', end: '2019-02-19' });
    // The same Gregorian dates a year earlier would have been 09/01–08/02/2019, missing Tết 2019's first week.
    assert.notEqual(last.start, '2019-01-09');
    assert.deepEqual(sameCampaignLastYear({ kind: 'tet', fromDay: -8, toDay: 10 }, 2020), {
      start: '2019-01-28',
      end: '2019-02-15',
    });
    // A fixed window keeps its offset from Tết: 01/12/2019 is 55 days before Tết Canh Tý.
    const fixed = sameCampaignLastYear({ kind: 'fixed', start: '2019-12-01', end: '2020-02-14' }, 2020);
    assert.deepEqual(fixed, { start: '2018-12-12', end: '2019-02-25' });
  });
  it('resolves windows relative to Tết and fixed windows', () => {
    assert.deepEqual(resolveCampaignWindow({ kind: 'tet', fromDay: -8, toDay: 10 }, 2020), {
      start: '2020-01-17',
      end: '2020-02-04',
    });
    assert.deepEqual(resolveCampaignWindow({ kind: 'fixed', start: '2020-12-15', end: '2021-02-28' }, 2021), {
      start: '2020-12-15',
      end: '2021-02-28',
    });
    assert.throws(
      () => resolveCampaignWindow({ kind: 'fixed', start: '2021-02-28', end: '2020-12-15' }, 2021),
      CampaignRuleError,
    );
    assert.throws(
      () => resolveCampaignWindow({ kind: 'tet', fromDay: 5, toDay: -5 }, 2021),
      CampaignRuleError,
    );
  });
  it('gives the equal-length window just before', () => {
    const w = resolveCampaignWindow(AROUND_TET, 2020);
    const before = windowBefore(w);
    assert.equal(windowLength(w), 31);
    assert.deepEqual(before, { start: '2019-12-09', end: '2020-01-08' });
    assert.equal(windowLength(before), 31);
  });
  it('reads and writes rules as users do', () => {
    assert.deepEqual(parseLunarRule('15/12 → 15/01'), AROUND_TET);
    assert.deepEqual(parseLunarRule('01/03 - 30/03'), {
      kind: 'lunar',
      start: { month: 3, day: 1, yearOffset: 0 },
      end: { month: 3, day: 30 },
    });
    assert.throws(() => parseLunarRule('15/13 → 15/01'), CampaignRuleError);
    assert.throws(() => parseLunarRule('tết'), CampaignRuleError);
    assert.equal(describeRule(AROUND_TET), '15/12 âm lịch → 15/01 âm lịch');
    assert.equal(describeRule({ kind: 'tet', fromDay: -8, toDay: 10 }), 'Tết −8 → Tết +10 ngày');
    assert.equal(tetName(2020), 'Tết Nguyên đán Canh Tý 2020');
    assert.equal(tetName(2026), 'Tết Nguyên đán Bính Ngọ 2026');
  });
});

describe('campaign comparison against last year', () => {
  const figures = {
    current: new Map([
      [
        '01',
        new Map<string, number | null>([
          ['traffic.deaths', 8],
          ['crime.occurred', 120],
        ]),
      ],
      [
        '79',
        new Map<string, number | null>([
          ['traffic.deaths', 15],
          ['crime.occurred', 200],
        ]),
      ],
      [
        '40',
        new Map<string, number | null>([
          ['traffic.deaths', 6],
          ['crime.occurred', null],
        ]),
      ],
    ]),
    lastYear: new Map([
      [
        '01',
        new Map<string, number | null>([
          ['traffic.deaths', 10],
          ['crime.occurred', 100],
        ]),
      ],
      [
        '79',
        new Map<string, number | null>([
          ['traffic.deaths', 12],
          ['crime.occurred', 250],
        ]),
      ],
      ['40', new Map<string, number | null>([['traffic.deaths', 0]])],
    ]),
    before: new Map([['01', new Map<string, number | null>([['traffic.deaths', 4]])]]),
  };
  it('computes differences and percentages, null where a side is missing or zero', () => {
    assert.deepEqual(compare(8, 10, 4), {
      value: 8,
      lastYear: 10,
      before: 4,
      diffLastYear: -2,
      pctLastYear: -20,
      diffBefore: 4,
      pctBefore: 100,
    });
    assert.equal(compare(6, 0, null).pctLastYear, null);
    assert.equal(compare(6, 0, null).diffLastYear, 6);
    assert.equal(compare(null, 3, 1).diffLastYear, null);
  });
  it('ranks a fall in deaths first when lower is better', () => {
    const ranked = rankCampaign(['01', '40', '79'], ['traffic.deaths', 'crime.occurred'], figures, {
      indicator: 'traffic.deaths',
      direction: 'down',
    });
    assert.deepEqual(
      ranked.map((r) => [r.unit, r.rank]),
      [
        ['01', 1],
        ['79', 2],
        ['40', 3],
      ],
    );
    assert.equal(ranked[0]?.figures['traffic.deaths']?.pctLastYear, -20);
    assert.equal(ranked[0]?.figures['traffic.deaths']?.diffBefore, 4);
    assert.equal(ranked[1]?.figures['crime.occurred']?.pctLastYear, -20);
    // 40 had no deaths last year: no percentage, so it goes last.
    assert.equal(ranked[2]?.score, null);
    assert.equal(ranked[1]?.score, -25);
  });
  it('ranks a rise first when higher is better', () => {
    const ranked = rankCampaign(['01', '79'], ['crime.occurred'], figures, {
      indicator: 'crime.occurred',
      direction: 'up',
    });
    assert.deepEqual(
      ranked.map((r) => r.unit),
      ['01', '79'],
    );
  });
});
