import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deepFreeze, derivedOnce, isDeeplyFrozen } from './freeze.ts';

describe('deepFreeze', () => {
  it('freezes everything a value holds, parts frozen on their own before included, and ends on cycles', () => {
    const shallow = Object.freeze({ inner: { n: 1 } });
    const value: Record<string, unknown> = { list: [{ a: 1 }], map: new Map([['k', { b: 2 }]]), shallow };
    value.self = value;
    deepFreeze(value);
    assert.ok(Object.isFrozen(value.list) && Object.isFrozen((value.list as object[])[0]));
    assert.ok(Object.isFrozen((value.map as Map<string, object>).get('k')));
    assert.ok(Object.isFrozen(shallow.inner), 'a part frozen by Object.freeze alone is walked too');
    assert.ok(isDeeplyFrozen(value) && isDeeplyFrozen(shallow));
  });

  it('tells a value frozen whole from one frozen at its top only', () => {
    assert.equal(isDeeplyFrozen(Object.freeze({ inner: {} })), false);
    assert.equal(isDeeplyFrozen(deepFreeze({ inner: {} })), true);
    assert.equal(isDeeplyFrozen(null), false);
    assert.equal(isDeeplyFrozen('text'), false);
  });
});

describe('derivedOnce', () => {
  it('makes a value once per key from a deeply frozen source, and shares it frozen', () => {
    const source = deepFreeze({ rows: [1, 2, 3] });
    let made = 0;
    const evens = () =>
      derivedOnce(source, 'evens', () => {
        made++;
        return source.rows.filter((n) => n % 2 === 0);
      });
    const first = evens();
    assert.equal(evens(), first);
    assert.equal(made, 1);
    assert.ok(Object.isFrozen(first));
    const odds = derivedOnce(source, 'odds', () => source.rows.filter((n) => n % 2 === 1));
    assert.deepEqual([first, odds], [[2], [1, 3]]);
  });

  it('makes the value every time from a source that can change', () => {
    const open = { rows: [1] };
    const top = Object.freeze({ rows: [1] });
    for (const source of [open, top]) {
      let made = 0;
      derivedOnce(source, 'k', () => made++);
      source.rows.push(2);
      assert.equal(
        derivedOnce(source, 'k', () => {
          made++;
          return source.rows.length;
        }),
        2,
      );
      assert.equal(made, 2);
    }
  });
});
