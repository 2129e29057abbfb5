import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ChangeSetRecord, type FigureVersion, locateAltered, sealFigures } from './figures.ts';

const change: ChangeSetRecord = {
  id: 7,
  at: '2026-02-01T00:00:00.000Z',
  userId: 3,
  source: 'import',
  reason: 'nhập',
};

function versions(n: number): FigureVersion[] {
  return Array.from({ length: n }, (_, i) => ({
    period: i % 5 === 0 ? '2026-Q1' : '2026-01',
    formId: 1,
    unitId: 1000 + Math.floor(i / 20),
    indicatorId: 10 + (i % 20),
    optionId: i % 3,
    version: 1 + (i % 2),
    value: i % 7 === 0 ? null : i * 1.5,
    comment: i % 11 === 0 ? `ghi chú ${i}` : null,
  }));
}

describe('figure seals', () => {
  const rows = versions(5000);
  const seal = sealFigures(change, rows);

  it('does not depend on the order the versions were written or read in', () => {
    assert.deepEqual(sealFigures(change, [...rows].reverse()), seal);
    assert.equal(seal.versions, 5000);
    assert.match(seal.digest, /^[0-9a-f]{64}$/);
  });

  it('changes with any field of any version and with the change set record', () => {
    const edits: Array<Partial<FigureVersion>> = [
      { value: 0 },
      { value: null },
      { comment: '' },
      { version: 9 },
      { unitId: 1 },
      { period: '2026-02' },
      { optionId: 4 },
    ];
    for (const edit of edits) {
      const changed = rows.map((r, i) => (i === 1234 ? { ...r, ...edit } : r));
      assert.notEqual(sealFigures(change, changed).digest, seal.digest, JSON.stringify(edit));
    }
    assert.notEqual(sealFigures({ ...change, reason: 'khác' }, rows).digest, seal.digest);
  });

  it('names the one version altered among thousands, and an added one', () => {
    const altered = rows.map((r, i) => (i === 4321 ? { ...r, value: 1 } : r));
    assert.deepEqual(locateAltered(seal, altered), [altered[4321]]);
    const extra: FigureVersion = { ...(rows[0] as FigureVersion), unitId: 99, value: 5 };
    assert.deepEqual(locateAltered(seal, [...rows, extra]), [extra]);
  });

  it('names nobody rather than the wrong figure when several were altered or one removed', () => {
    const two = rows.map((r, i) => (i === 10 || i === 20 ? { ...r, value: -1 } : r));
    assert.deepEqual(locateAltered(seal, two), []);
    assert.deepEqual(locateAltered(seal, rows.slice(1)), []);
    assert.deepEqual(locateAltered(seal, rows), []);
  });
});
