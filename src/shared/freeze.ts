/** Freezes a value and everything it holds, the keys and values of Maps included. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (value instanceof Map)
    for (const [k, v] of value) {
      deepFreeze(k);
      deepFreeze(v);
    }
  for (const v of Object.values(value)) deepFreeze(v);
  return value;
}
