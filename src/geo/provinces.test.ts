import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { provinceEraOn, provinceMap } from './provinces.ts';

const GEO = join(new URL('../..', import.meta.url).pathname, 'reference-data', 'geo');

function easternmost(geojson: unknown, code: string): number {
  const feature = (
    geojson as { features: Array<{ properties: { code: string }; geometry: unknown }> }
  ).features.find((f) => f.properties.code === code);
  let max = -Infinity;
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') max = Math.max(max, c[0] as number);
    else if (Array.isArray(c)) for (const x of c) walk(x);
  };
  walk((feature?.geometry as { coordinates: unknown } | undefined)?.coordinates);
  return max;
}

test('the 63-province map carries Hoàng Sa and the whole of Trường Sa, as the 34-province map does', () => {
  const old = provinceMap(GEO, provinceEraOn('2020-06-30'));
  const now = provinceMap(GEO, provinceEraOn('2026-01-01'));
  assert.equal(old.era, '63');
  assert.equal((old.geojson as { features: unknown[] }).features.length, 63);
  assert.ok(easternmost(old.geojson, '48') > 112.7, 'Hoàng Sa with Đà Nẵng');
  assert.ok(easternmost(old.geojson, '56') > 117.8, 'Trường Sa with Khánh Hòa, to its eastern reefs');
  assert.equal(easternmost(old.geojson, '56'), easternmost(now.geojson, '56'));
  // The mainland of the old provinces is their own: Đà Nẵng before 2025 did not reach Quảng Nam's west.
  assert.ok(easternmost(old.geojson, '49') < 110, 'Quảng Nam keeps its own outline');
});

test('the era changes on the day of the reform, not a day before or after', () => {
  assert.equal(provinceEraOn('2025-06-30'), '63');
  assert.equal(provinceEraOn('2025-07-01'), '34');
  assert.equal(provinceEraOn('1990-01-01'), '63');
});
