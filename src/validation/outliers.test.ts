import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkOutlier, median } from './outliers.ts';

const AROUND_TEN = [10, 9, 11, 10, 12, 8, 10, 11, 9, 10, 12, 10];

describe('outliers against the unit’s own history', () => {
  it('computes the median of odd and even series', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
  });

  it('flags 63 after a year around 10, six times the median', () => {
    const result = checkOutlier(63, AROUND_TEN);
    assert.ok(result);
    assert.equal(result.flagged, true);
    assert.equal(result.median, 10);
    assert.equal(result.mad, 1);
    assert.ok(Math.abs(result.score - 53 / 1.4826) < 1e-9);
    assert.equal(result.explanationVi, 'gấp 6,3 lần trung vị 12 tháng (trung vị: 10)');
    assert.match(result.explanationEn, /6\.3 times the 12-month median/);
  });

  it('does not flag ordinary months and flags a collapse', () => {
    assert.equal(checkOutlier(13, AROUND_TEN)?.flagged, false);
    assert.equal(checkOutlier(7, AROUND_TEN)?.flagged, false);
    const low = checkOutlier(1, AROUND_TEN);
    assert.equal(low?.flagged, true);
    assert.equal(low?.explanationVi, 'bằng 0,1 lần trung vị 12 tháng (trung vị: 10)');
    assert.equal(checkOutlier(0, AROUND_TEN)?.explanationVi, 'bằng 0, trong khi trung vị 12 tháng là 10');
  });

  it('formats the median the Vietnamese way and counts only the months it had', () => {
    const history = [1200.5, 1180, 1210, 1195.5, 1205, 1190, 1201, 1199];
    const result = checkOutlier(9000, history, { resolution: 0.1 });
    assert.equal(result?.flagged, true);
    assert.equal(result?.explanationVi, 'gấp 7,5 lần trung vị 8 tháng (trung vị: 1.199,75)');
  });

  it('handles a flat history (MAD = 0) without flagging every small change', () => {
    const flat = Array(12).fill(1000) as number[];
    assert.equal(checkOutlier(1040, flat)?.flagged, false);
    assert.equal(checkOutlier(1500, flat)?.flagged, true);
    const zeros = Array(12).fill(0) as number[];
    assert.equal(checkOutlier(1, zeros)?.flagged, false);
    const four = checkOutlier(4, zeros);
    assert.equal(four?.flagged, true);
    assert.equal(four?.ratio, null);
    assert.equal(four?.explanationVi, '4, trong khi trung vị 12 tháng là 0');
    // Mostly zeros with a few events: MAD is 0, the mean absolute deviation takes over.
    const rare = [0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 0, 1];
    assert.equal(checkOutlier(2, rare)?.flagged, false);
    assert.equal(checkOutlier(9, rare)?.flagged, true);
  });

  it('judges nothing with fewer than six months of history', () => {
    assert.equal(checkOutlier(63, [10, 11, 9, 10, 10]), null);
    assert.ok(checkOutlier(63, [10, 11, 9, 10, 10, 12]));
  });
});
