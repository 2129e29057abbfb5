import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROVINCE_REFORM } from '../units/reference-data.ts';
import type { IsoDate } from '../vietnamese/dates.ts';

/** The province boundaries in force: 63 provinces before 1 July 2025, 34 from that day. */
export const PROVINCE_ERAS = ['63', '34'] as const;
export type ProvinceEra = (typeof PROVINCE_ERAS)[number];

export interface ProvinceMap {
  era: ProvinceEra;
  geojson: Collection;
}

type Ring = Array<[number, number]>;
type Polygon = Ring[];
interface Feature {
  type: 'Feature';
  properties: { code: string; name: string };
  geometry: { type: 'Polygon'; coordinates: Polygon } | { type: 'MultiPolygon'; coordinates: Polygon[] };
}
interface Collection {
  type: 'FeatureCollection';
  features: Feature[];
}

const cache = new Map<string, Collection>();

/** No part of the mainland or its near islands lies east of 110.5°E; the archipelagos do. */
const ARCHIPELAGO_WEST_EDGE = 110.5;
/** Hoàng Sa belongs to Đà Nẵng (48) and Trường Sa to Khánh Hòa (56) in both eras. */
const ARCHIPELAGO_PROVINCES = ['48', '56'];

function parts(feature: Feature): Polygon[] {
  return feature.geometry.type === 'MultiPolygon'
    ? feature.geometry.coordinates
    : [feature.geometry.coordinates];
}

function isArchipelago(polygon: Polygon): boolean {
  return (polygon[0] ?? []).every(([lon]) => lon > ARCHIPELAGO_WEST_EDGE);
}

function read(geoDir: string, era: ProvinceEra): Collection {
  let geojson = cache.get(era);
  if (!geojson) {
    geojson = JSON.parse(readFileSync(join(geoDir, `provinces-${era}.geojson`), 'utf8')) as Collection;
    if (era === '63') geojson = withArchipelagos(geojson, read(geoDir, '34'));
    cache.set(era, geojson);
  }
  return geojson;
}

/**
 * The 63-province source draws Hoàng Sa and Trường Sa as a few specks (Trường Sa only to 115.84°E); the
 * 34-province source has them whole. The islands did not change province in 2025, so the 63-province map takes
 * them from there.
 */
export function withArchipelagos(old: Collection, current: Collection): Collection {
  return {
    ...old,
    features: old.features.map((feature) => {
      if (!ARCHIPELAGO_PROVINCES.includes(feature.properties.code)) return feature;
      const source = current.features.find((f) => f.properties.code === feature.properties.code);
      if (!source) return feature;
      const islands = parts(source).filter(isArchipelago);
      if (islands.length === 0) return feature;
      return {
        ...feature,
        geometry: {
          type: 'MultiPolygon',
          coordinates: [...parts(feature).filter((p) => !isArchipelago(p)), ...islands],
        },
      };
    }),
  };
}

/** The era of the province boundaries in force on a date. */
export function provinceEraOn(date: IsoDate): ProvinceEra {
  return date < PROVINCE_REFORM ? '63' : '34';
}

/** Province boundaries of an era. */
export function provinceMap(geoDir: string, era: ProvinceEra): ProvinceMap {
  return { era, geojson: read(geoDir, era) };
}
