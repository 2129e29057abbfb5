import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  formatNumber,
  formatPaddedCount,
  formatPercent,
  NumberFormatError,
  parseNumber,
  parseNumberLenient,
  roundTo,
} from './numbers.ts';

/** A decimal with up to 3 fraction digits, built from its digits so that it is exactly what it says. */
const decimalValue = fc
  .record({
    integer: fc.integer({ min: 0, max: 1_000_000_000_000 }),
    places: fc.integer({ min: 0, max: 3 }),
    fraction: fc.integer({ min: 0, max: 999 }),
    negative: fc.boolean(),
  })
  .map(({ integer, places, fraction, negative }) => {
    const digits = String(fraction % 10 ** places).padStart(places, '0');
    const value = Number(places === 0 ? `${integer}` : `${integer}.${digits}`);
    return negative && value !== 0 ? -value : value;
  });

describe('formatNumber', () => {
  it('groups thousands with "." and writes decimals with ","', () => {
    assert.equal(formatNumber(1457), '1.457');
    assert.equal(formatNumber(162526), '162.526');
    assert.equal(formatNumber(138.6), '138,6');
    assert.equal(formatNumber(0.05), '0,05');
    assert.equal(formatNumber(1_000_000), '1.000.000');
    assert.equal(formatNumber(-3009), '-3.009');
  });

  it('keeps at most maxDecimals and at least minDecimals', () => {
    assert.equal(formatNumber(2.34567), '2,346');
    assert.equal(formatNumber(2.34567, 1), '2,3');
    assert.equal(formatNumber(5, 2, 2), '5,00');
  });

  it('never prints a negative zero', () => {
    assert.equal(formatNumber(-0), '0');
    assert.equal(formatNumber(-0.0001), '0');
  });

  it('formats percentages and pads small counts', () => {
    assert.equal(formatPercent(9.7912), '9,79%');
    assert.equal(formatPercent(-24.2524), '-24,25%');
    assert.equal(formatPaddedCount(2), '02');
    assert.equal(formatPaddedCount(0), '00');
    assert.equal(formatPaddedCount(10), '10');
    assert.equal(formatPaddedCount(1457), '1.457');
  });
});

describe('parseNumber', () => {
  it('reads the Vietnamese notation', () => {
    assert.equal(parseNumber('1.457'), 1457);
    assert.equal(parseNumber('138,6'), 138.6);
    assert.equal(parseNumber('0,05'), 0.05);
    assert.equal(parseNumber('1.000.000'), 1_000_000);
    assert.equal(parseNumber('-3'), -3);
    assert.equal(parseNumber(' 162.526\u00a0'), 162526);
  });

  it('rejects the ambiguous "1.5" and other malformed numbers', () => {
    for (const bad of [
      '1.5',
      '1.50',
      '1.4570',
      '',
      '  ',
      '1,2,3',
      '12.34.567',
      '1.457.',
      'abc',
      '12 3',
      '1,',
    ]) {
      assert.throws(() => parseNumber(bad), NumberFormatError, bad);
    }
  });

  it('round-trips formatted integers up to 10^12, negative ones included', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }), (n) => {
        assert.equal(parseNumber(formatNumber(n)), n);
      }),
      { numRuns: 5000 },
    );
  });

  it('round-trips formatted decimals with up to 3 decimals', () => {
    fc.assert(
      fc.property(decimalValue, (n) => {
        assert.equal(parseNumber(formatNumber(n, 3)), n);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('parseNumberLenient', () => {
  it('also accepts machine notation but still reads grouped thousands', () => {
    assert.equal(parseNumberLenient('138.6'), 138.6);
    assert.equal(parseNumberLenient('1457'), 1457);
    assert.equal(parseNumberLenient('1.5e3'), 1500);
    assert.equal(parseNumberLenient('1.457'), 1457);
    assert.equal(parseNumberLenient('138,6'), 138.6);
    assert.throws(() => parseNumberLenient('1,2,3'), NumberFormatError);
  });
});

describe('roundTo', () => {
  it('rounds half away from zero without binary drift', () => {
    assert.equal(roundTo(1.005, 2), 1.01);
    assert.equal(roundTo(-1.005, 2), -1.01);
    assert.equal(roundTo(-4.765, 2), -4.77);
    assert.equal(roundTo(9.7912, 2), 9.79);
    assert.equal(roundTo(2.5, 0), 3);
    assert.equal(roundTo(-2.5, 0), -3);
  });

  it('handles numbers whose string form uses an exponent', () => {
    assert.equal(roundTo(1e-7, 2), 0);
    assert.equal(roundTo(1.5e-7, 7), 2e-7);
    assert.equal(roundTo(1e21, 2), 1e21);
  });

  it('never returns -0 and passes non-finite values through', () => {
    assert.ok(Object.is(roundTo(-0.001, 2), 0));
    assert.ok(Number.isNaN(roundTo(Number.NaN, 2)));
    assert.equal(roundTo(Number.POSITIVE_INFINITY, 2), Number.POSITIVE_INFINITY);
  });

  it('is within half a unit of the last place and symmetric in sign', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 4 }), (v, d) => {
        const r = roundTo(v, d);
        assert.ok(Math.abs(r - v) <= 0.5 * 10 ** -d + 1e-9 * Math.max(1, Math.abs(v)), `${v} → ${r}`);
        assert.equal(roundTo(-v, d), r === 0 ? 0 : -r);
      }),
      { numRuns: 2000 },
    );
  });
});
