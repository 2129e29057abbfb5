/** Values deepFreeze has frozen with everything they hold: they can be read, never changed, by anyone. */
const deeplyFrozen = new WeakSet<object>();

/** Freezes a value and everything it holds, the keys and values of Maps included. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || deeplyFrozen.has(value)) return value;
  // Marked before descending, so that a value holding itself is not walked forever.
  deeplyFrozen.add(value);
  Object.freeze(value);
  if (value instanceof Map)
    for (const [k, v] of value) {
      deepFreeze(k);
      deepFreeze(v);
    }
  for (const v of Object.values(value)) deepFreeze(v);
  return value;
}

/** Whether `value` was frozen whole by deepFreeze (a value frozen by Object.freeze alone may hold changing parts). */
export function isDeeplyFrozen(value: unknown): value is object {
  return value !== null && typeof value === 'object' && deeplyFrozen.has(value);
}

const derived = new WeakMap<object, Map<string, unknown>>();

/**
 * A value made from a deeply frozen one, made once per `key` and shared (frozen in turn) for as long as its source
 * lives: `make` must depend on nothing but the source and what `key` names. A source that can change is not
 * remembered: `make` runs every time.
 */
export function derivedOnce<T>(source: unknown, key: string, make: () => T): T {
  if (!isDeeplyFrozen(source)) return make();
  let made = derived.get(source);
  if (!made) {
    made = new Map();
    derived.set(source, made);
  }
  if (made.has(key)) return made.get(key) as T;
  const value = deepFreeze(make());
  made.set(key, value);
  return value;
}
