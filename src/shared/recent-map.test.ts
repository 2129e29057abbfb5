import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { RecentMap } from './recent-map.ts';

test('keeps the most recently used entries within its capacity', () => {
  const recent = new RecentMap<string, number>(2);
  recent.set('a', 1);
  recent.set('b', 2);
  assert.equal(recent.get('a'), 1); // a is now more recent than b
  recent.set('c', 3);
  assert.equal(recent.has('b'), false);
  assert.deepEqual([recent.get('a'), recent.get('c'), recent.size], [1, 3, 2]);
  assert.throws(() => new RecentMap(0), RangeError);
});

test('behaves as a list of keys ordered by last use, cut at the capacity', () => {
  const operation = fc.oneof(
    fc.tuple(fc.constant('set' as const), fc.integer({ min: 0, max: 9 }), fc.integer()),
    fc.tuple(fc.constant('get' as const), fc.integer({ min: 0, max: 9 }), fc.constant(0)),
    fc.tuple(fc.constant('delete' as const), fc.integer({ min: 0, max: 9 }), fc.constant(0)),
  );
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 5 }),
      fc.array(operation, { maxLength: 60 }),
      (capacity, operations) => {
        const recent = new RecentMap<number, number>(capacity);
        // The model: [key, value] pairs, most recently used last.
        let model: Array<[number, number]> = [];
        for (const [kind, key, value] of operations) {
          const found = model.find(([k]) => k === key);
          if (kind === 'set') {
            model = [...model.filter(([k]) => k !== key), [key, value] as [number, number]].slice(-capacity);
            recent.set(key, value);
          } else if (kind === 'get') {
            if (found) model = [...model.filter(([k]) => k !== key), found];
            assert.equal(recent.get(key), found?.[1]);
          } else {
            model = model.filter(([k]) => k !== key);
            assert.equal(recent.delete(key), found !== undefined);
          }
          assert.equal(recent.size, model.length);
        }
        for (const [key, value] of model) assert.equal(recent.get(key), value);
      },
    ),
  );
});
