import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseNumber } from './numbers.ts';
import {
  baselineLabel,
  casesAndSuspects,
  comparedWith,
  compareSentence,
  describeChange,
  joinVietnameseList,
} from './phrasing.ts';

describe('describeChange', () => {
  it('words an increase with the absolute change and the signed percentage', () => {
    const change = describeChange({ current: 5203, previous: 4739, unit: 'vụ' });
    assert.deepEqual(change, {
      direction: 'up',
      absolute: 464,
      delta: 464,
      percent: 9.79,
      text: 'tăng 464 vụ (+9,79%)',
    });
  });

  it('reproduces published figures (traffic accidents 2020 and 2025)', () => {
    assert.equal(
      describeChange({ current: 14977, previous: 17656, unit: 'vụ' }).text,
      'giảm 2.679 vụ (-15,17%)',
    );
    assert.equal(
      describeChange({ current: 9398, previous: 12407, unit: 'vụ' }).text,
      'giảm 3.009 vụ (-24,25%)',
    );
    assert.equal(
      describeChange({ current: 5293, previous: 5494, unit: 'người chết' }).text,
      'giảm 201 người chết (-3,66%)',
    );
  });

  it('returns a signed percentage and a positive absolute for a decrease', () => {
    const change = describeChange({ current: 1801, previous: 1891, unit: 'vụ' });
    assert.equal(change.direction, 'down');
    assert.equal(change.absolute, 90);
    assert.equal(change.delta, -90);
    assert.equal(change.percent, -4.76);
    assert.equal(change.text, 'giảm 90 vụ (-4,76%)');
  });

  it('offers the shapes with and without absolute, percent and unit', () => {
    const input = { current: 5203, previous: 4739, unit: 'vụ' };
    assert.equal(describeChange({ ...input, shape: 'percent' }).text, 'tăng 9,79%');
    assert.equal(describeChange({ ...input, shape: 'absolute' }).text, 'tăng 464 vụ');
    assert.equal(describeChange({ current: 5203, previous: 4739 }).text, 'tăng 464 (+9,79%)');
    assert.equal(describeChange({ ...input, signedPercent: false }).text, 'tăng 464 vụ (9,79%)');
  });

  it('leaves the percentage out when the base is 0, or small if asked', () => {
    const fromZero = describeChange({ current: 4, previous: 0, unit: 'người chết' });
    assert.equal(fromZero.percent, null);
    assert.equal(fromZero.text, 'tăng 4 người chết');
    assert.equal(describeChange({ current: 4, previous: 0, unit: 'vụ', shape: 'percent' }).text, 'tăng 4 vụ');
    const small = describeChange({
      current: 7,
      previous: 3,
      unit: 'người chết',
      omitPercentBelow: 10,
      padCounts: true,
    });
    assert.equal(small.text, 'tăng 04 người chết');
    assert.equal(small.percent, 133.33);
  });

  it('says "không thay đổi" when nothing changed', () => {
    assert.deepEqual(describeChange({ current: 12, previous: 12, unit: 'vụ' }), {
      direction: 'same',
      absolute: 0,
      delta: 0,
      percent: 0,
      text: 'không thay đổi',
    });
    assert.equal(describeChange({ current: 0, previous: 0 }).percent, null);
  });

  it('rounds decimal quantities so that float noise does not show', () => {
    const change = describeChange({ current: 138.6, previous: 100.2, decimals: 1, unit: 'kg' });
    assert.equal(change.absolute, 38.4);
    assert.equal(change.text, 'tăng 38,4 kg (+38,32%)');
    assert.equal(describeChange({ current: 1.0001, previous: 1, decimals: 2 }).direction, 'same');
  });

  it('keeps text, direction and numbers consistent for any counts', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(1_000_000), (current, previous) => {
        const change = describeChange({ current, previous, unit: 'vụ' });
        assert.equal(change.delta, current - previous);
        assert.equal(change.absolute, Math.abs(current - previous));
        if (change.direction === 'same') {
          assert.equal(change.text, 'không thay đổi');
          return;
        }
        const m = /^(tăng|giảm) ([\d.]+) vụ(?: \(([+-])([\d.,]+)%\))?$/.exec(change.text);
        assert.ok(m, change.text);
        assert.equal(m[1], change.direction === 'up' ? 'tăng' : 'giảm');
        assert.equal(parseNumber(m[2] ?? ''), change.absolute);
        if (previous === 0) assert.equal(m[3], undefined);
        else {
          assert.equal(m[3], change.direction === 'up' ? '+' : '-');
          assert.equal(parseNumber(m[4] ?? ''), Math.abs(change.percent ?? Number.NaN));
          assert.ok(
            Math.abs((change.percent ?? 0) - ((current - previous) / previous) * 100) <= 0.005 + 1e-9,
          );
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('baselines and comparison sentences', () => {
  it('labels each kind of baseline', () => {
    assert.equal(baselineLabel({ kind: 'previous-month' }), 'tháng trước');
    assert.equal(baselineLabel({ kind: 'month', year: 2020, month: 1 }), 'tháng 01/2020');
    assert.equal(baselineLabel({ kind: 'month', year: 2020, month: 2 }), 'tháng 02/2020');
    assert.equal(baselineLabel({ kind: 'month', year: 2020, month: 3 }), 'tháng 3/2020');
    assert.equal(baselineLabel({ kind: 'month', year: 2024, month: 7 }), 'tháng 7/2024');
    assert.equal(baselineLabel({ kind: 'same-period-last-year' }), 'cùng kỳ năm trước');
    assert.equal(baselineLabel({ kind: 'same-period', year: 2019 }), 'cùng kỳ năm 2019');
    assert.equal(baselineLabel({ kind: 'previous-period' }), 'kỳ trước');
    assert.equal(
      baselineLabel({ kind: 'holiday', days: 9, name: 'Tết Ất Tỵ', year: 2025 }),
      '9 ngày nghỉ Tết Ất Tỵ năm 2025',
    );
    assert.equal(baselineLabel({ kind: 'label', text: 'quý I/2020' }), 'quý I/2020');
    assert.equal(comparedWith({ kind: 'month', year: 2020, month: 1 }), 'so với tháng 01/2020');
  });

  it('puts the change before the baseline by default', () => {
    const up = describeChange({ current: 5203, previous: 4739, shape: 'percent' });
    assert.equal(
      compareSentence(up, { kind: 'same-period', year: 2019 }),
      'tăng 9,79% so với cùng kỳ năm 2019',
    );
    const down = describeChange({ current: 60, previous: 63, unit: 'vụ' });
    assert.equal(compareSentence(down, { kind: 'previous-month' }), 'giảm 3 vụ (-4,76%) so với tháng trước');
    assert.equal(compareSentence(down, 'quý trước'), 'giảm 3 vụ (-4,76%) so với quý trước');
  });

  it('can open the sentence with the baseline', () => {
    const up = describeChange({ current: 5203, previous: 4739, unit: 'vụ' });
    assert.equal(
      compareSentence(up, { kind: 'month', year: 2024, month: 7 }, { order: 'baseline-first' }),
      'So với tháng 7/2024, tăng 464 vụ (+9,79%)',
    );
  });
});

describe('joinVietnameseList', () => {
  it('joins with commas and "và"', () => {
    assert.equal(joinVietnameseList([]), '');
    assert.equal(joinVietnameseList(['a']), 'a');
    assert.equal(joinVietnameseList(['a', 'b']), 'a và b');
    assert.equal(joinVietnameseList(['a', 'b', 'c']), 'a, b và c');
    assert.equal(joinVietnameseList(['a', 'b', 'c'], 'hoặc'), 'a, b hoặc c');
  });
});

describe('casesAndSuspects', () => {
  it('writes case/offender pairs', () => {
    assert.equal(casesAndSuspects(1457, 1978), '1.457 vụ - 1.978 đối tượng');
    assert.equal(casesAndSuspects(20, 52, { separator: '/' }), '20 vụ/52 đối tượng');
    assert.equal(casesAndSuspects(2, 5, { padCounts: true }), '02 vụ - 05 đối tượng');
    assert.equal(casesAndSuspects(2096, 4194, { units: { suspects: 'bị can' } }), '2.096 vụ - 4.194 bị can');
  });
});
