import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { type FigureKey, inPrimaryKeyOrder, reportsOf } from './figure-order.ts';

const figure = fc.record({
  period: fc.constantFrom('2025-06', '2025-07', '2026-01', '2026-W02'),
  indicatorId: fc.integer({ min: 1, max: 9 }),
  unitId: fc.integer({ min: 1, max: 40 }),
  optionId: fc.integer({ min: 0, max: 3 }),
  formId: fc.integer({ min: 1, max: 2 }),
});

const text = (f: FigureKey) => `${f.period}|${f.indicatorId}|${f.unitId}|${f.optionId}|${f.formId}`;

/** Figures as a report brings them: period by period, unit by unit, each unit's by indicator. */
const asReported = (rows: FigureKey[]) =>
  rows
    .slice()
    .sort((a, b) =>
      a.period !== b.period
        ? a.period < b.period
          ? -1
          : 1
        : a.unitId - b.unitId ||
          a.formId - b.formId ||
          a.indicatorId - b.indicatorId ||
          a.optionId - b.optionId,
    );

test('figures are put in the primary key order, every one kept, whatever order they came in', () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(figure, { selector: text, maxLength: 300 }),
      fc.boolean(),
      (rows, reported) => {
        const input = reported ? asReported(rows) : rows;
        const ordered = inPrimaryKeyOrder(input);
        assert.deepEqual(ordered.map(text), rows.slice().sort(keyOrder).map(text));
      },
    ),
  );
});

test('the reports of some figures are each named once', () => {
  fc.assert(
    fc.property(fc.array(figure, { maxLength: 300 }), (rows) => {
      const reports = reportsOf(rows).map((r) => `${r.formId} ${r.unitId} ${r.period}`);
      assert.deepEqual(reports, [...new Set(rows.map((r) => `${r.formId} ${r.unitId} ${r.period}`))]);
    }),
  );
});

/** The key's order, written out: period, indicator, unit, option, form. */
function keyOrder(a: FigureKey, b: FigureKey): number {
  const x = [a.period, a.indicatorId, a.unitId, a.optionId, a.formId];
  const y = [b.period, b.indicatorId, b.unitId, b.optionId, b.formId];
  for (let i = 0; i < x.length; i++) {
    const [p, q] = [x[i] as string | number, y[i] as string | number];
    if (p !== q) return p < q ? -1 : 1;
  }
  return 0;
}
