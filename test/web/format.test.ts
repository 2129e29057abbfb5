// The page writes numbers without Intl (a new tab's first vi-VN formatter costs tens of milliseconds before the first
// figures show); what it writes must be what Intl's vi-VN formatter writes, for any number.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatNumber } from '../../web/src/format.ts';

const intl = (value: number, decimals: number) =>
  new Intl.NumberFormat('vi-VN', { maximumFractionDigits: decimals, signDisplay: 'negative' }).format(value);

test('the page writes the ministry’s figures as 1.457 and 138,6', () => {
  assert.equal(formatNumber(1457), '1.457');
  assert.equal(formatNumber(162526), '162.526');
  assert.equal(formatNumber(138.6, 1), '138,6');
  assert.equal(formatNumber(5.5, 1), '5,5');
  assert.equal(formatNumber(-66.666, 2), '-66,67');
  assert.equal(formatNumber(-0.001, 2), '0');
});

test('formatNumber writes every number as Intl’s vi-VN formatter does', () => {
  const decimals = fc.integer({ min: 0, max: 6 });
  const numbers = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.double({ min: -1e9, max: 1e9, noNaN: true }),
    // Figures as typed: a few decimals, where halves and nines that carry are common.
    fc
      .tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 }))
      .map(([n, k]) => n / 10 ** k),
    fc.constantFrom(
      0,
      -0,
      0.5,
      1.5,
      2.5,
      -2.5,
      0.05,
      1.005,
      9.995,
      999.5,
      999_999.95,
      1e21,
      1e-7,
      123_456_789.125,
    ),
  );
  fc.assert(
    fc.property(numbers, decimals, (value, places) => formatNumber(value, places) === intl(value, places)),
    { numRuns: 20_000 },
  );
});
