import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROVINCE_REFORM } from '../units/reference-data.ts';
import type { IsoDate } from '../vietnamese/dates.ts';

export interface ProvinceMap {
  era: '63' | '34';
  geojson: unknown;
}

const cache = new Map<string, unknown>();

/** Province boundaries of the era in force on a date: 63 provinces before 1 July 2025, 34 after. */
export function provinceMapOn(geoDir: string, date: IsoDate): ProvinceMap {
  const era = date < PROVINCE_REFORM ? '63' : '34';
  let geojson = cache.get(era);
  if (!geojson) {
    geojson = JSON.parse(readFileSync(join(geoDir, `provinces-${era}.geojson`), 'utf8')) as unknown;
    cache.set(era, geojson);
  }
  return { era, geojson };
}
