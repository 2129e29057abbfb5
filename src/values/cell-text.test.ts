import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { cellsFromText } from './cell-text.ts';
import type { RollupRow } from './repository.ts';

/** The forms a database writes a double in: shortest round trip, with a two-digit exponent, exponential, 17 digits. */
function writtenForms(value: number): string[] {
  const shortest = String(value);
  return [
    shortest,
    shortest.replace(/e([+-])(\d)$/, 'e$10$2'),
    value.toExponential(),
    Number.isFinite(value) ? value.toPrecision(17) : shortest,
  ];
}

test('every number is read as the double parseFloat reads from the same text', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.tuple(
          fc.integer({ min: 0, max: 2 ** 31 - 1 }),
          fc.integer({ min: 0, max: 5000 }),
          fc.double({ noNaN: true }),
        ),
        { minLength: 1, maxLength: 20 },
      ),
      fc.nat(3),
      (cells, form) => {
        const texts = cells.map(([unit, option, value]) => `${unit} ${option} ${writtenForms(value)[form]}`);
        const out: RollupRow[] = [];
        cellsFromText('2026-07', 3, texts.join(' '), out);
        assert.equal(out.length, cells.length);
        for (const [i, [unit, option, value]] of cells.entries()) {
          const cell = out[i] as RollupRow;
          const written = writtenForms(value)[form] as string;
          assert.ok(Object.is(cell.value, Number.parseFloat(written)), `${written} → ${cell.value}`);
          assert.deepEqual(
            [cell.period, cell.indicatorId, cell.unitId, cell.optionId, cell.count],
            ['2026-07', 3, unit, option, 1],
          );
        }
      },
    ),
    { numRuns: 500 },
  );
});

test('decimals as figures are written read exactly, the ones that need more than the quick way included', () => {
  const out: RollupRow[] = [];
  cellsFromText(
    '2020-02',
    1,
    '1 0 138.6 2 0 27.9 3 0 0.30000000000000004 4 0 1e-07 5 0 -2.5 6 0 -0 7 0 1e+23 8 0 9007199254740993',
    out,
  );
  assert.deepEqual(
    out.map((c) => c.value),
    [138.6, 27.9, 0.1 + 0.2, 1e-7, -2.5, -0, 1e23, 9007199254740992],
  );
  assert.ok(Object.is(out[5]?.value, -0));
});

test('a text that is not cells is refused, naming what it found', () => {
  for (const [text, found] of [
    ['1 0 abc', 'abc'],
    ['x 0 1', 'x'],
    ['1 0 ', ''],
    ['1 - 2', '-'],
  ] as const)
    assert.throws(() => cellsFromText('2020-02', 1, text, []), new RegExp(`"${found}"`), text);
});
