import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runningTotalTerms } from './repository.ts';

/** The running totals (each within its year, from January) whose signed sum gives the figures of some months. */
function terms(periods: string[]): Record<string, number> | null {
  const found = runningTotalTerms(periods);
  return found ? Object.fromEntries([...found].sort(([a], [b]) => a.localeCompare(b))) : null;
}

describe('months as running totals', () => {
  it('reads a year to date as one total and a later stretch as the difference of two', () => {
    assert.deepEqual(terms(['2025-01', '2025-02', '2025-03']), { '2025-03': 1 });
    assert.deepEqual(terms(['2025-07', '2025-08', '2025-09']), { '2025-06': -1, '2025-09': 1 });
    assert.deepEqual(terms(['2025-12']), { '2025-11': -1, '2025-12': 1 });
    assert.deepEqual(terms(['2025-01']), { '2025-01': 1 });
    // Twelve months in any order: the year's last total alone.
    assert.deepEqual(
      terms([
        '2025-12',
        '2025-01',
        '2025-06',
        '2025-02',
        '2025-03',
        '2025-04',
        '2025-05',
        '2025-07',
        '2025-08',
        '2025-09',
        '2025-10',
        '2025-11',
      ]),
      { '2025-12': 1 },
    );
  });

  it('adds up months with gaps and across years run by run, each year from its own totals', () => {
    assert.deepEqual(terms(['2025-02', '2025-03', '2025-06']), {
      '2025-01': -1,
      '2025-03': 1,
      '2025-05': -1,
      '2025-06': 1,
    });
    assert.deepEqual(terms(['2024-11', '2024-12', '2025-01']), { '2024-10': -1, '2024-12': 1, '2025-01': 1 });
    // A month asked twice counts once.
    assert.deepEqual(terms(['2025-04', '2025-04']), { '2025-03': -1, '2025-04': 1 });
    assert.deepEqual(terms([]), {});
  });

  it('leaves days and anything but a month to the roll-ups themselves', () => {
    assert.equal(terms(['2025-02-10', '2025-02-11']), null);
    assert.equal(terms(['2025-01', '2025-02-10']), null);
    assert.equal(terms(['2025-13']), null);
    assert.equal(terms(['2025-Q1']), null);
  });
});
