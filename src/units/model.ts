import type { IsoDate } from '../vietnamese/dates.ts';

export const UNIT_KINDS = ['ministry', 'department', 'province', 'district', 'commune'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Open-ended validity is stored as this date, so that interval checks need no special case. */
export const OPEN_END: IsoDate = '9999-12-31';
/** "Existed before the data begins": the start of validity for units older than any record here. */
export const BEGINNING: IsoDate = '1990-01-01';

/**
 * An organisation unit: one police unit with one identity. Codes are reused across the 2025 reform
 * (code 15 was Yên Bái, then Lào Cai), so a unit is identified by its id, or by code + a date within validity.
 */
export interface Unit {
  id: number;
  code: string;
  kind: UnitKind;
  /** Official code of the administrative area the unit serves (province, district or commune code). */
  adminCode: string | null;
  validFrom: IsoDate;
  /** Last day of validity, inclusive; OPEN_END while the unit exists. */
  validTo: IsoDate;
  /** Names and area over time; at least one version. */
  versions: UnitVersion[];
}

export interface UnitVersion {
  validFrom: IsoDate;
  validTo: IsoDate;
  nameVi: string;
  nameEn: string;
  /** Name of the administrative area: "Tỉnh Nghệ An", "Phường Ba Đình". */
  areaName: string | null;
}

export interface ParentLink {
  unitId: number;
  parentId: number;
  validFrom: IsoDate;
  validTo: IsoDate;
}

/**
 * How units became others. `merge` passes the whole unit into its successor, `split` only a part of it;
 * `unchanged`, `rename` and `type_change` pass it whole, 1:1.
 */
export const LINEAGE_KINDS = ['merge', 'split', 'rename', 'type_change', 'unchanged'] as const;
export type LineageKind = (typeof LINEAGE_KINDS)[number];

export interface LineageEvent {
  kind: LineageKind;
  /** First day on which the successor exists. */
  effectiveDate: IsoDate;
  fromUnitId: number;
  toUnitId: number;
  /** For a split: the documented share of the predecessor's figures attributed to this successor, if any. */
  weight: number | null;
  note: string;
}

export function isWholeTransfer(kind: LineageKind): boolean {
  return kind !== 'split';
}

export function isValidOn(item: { validFrom: IsoDate; validTo: IsoDate }, date: IsoDate): boolean {
  return item.validFrom <= date && date <= item.validTo;
}

export function versionOn(unit: Unit, date: IsoDate): UnitVersion {
  const found = unit.versions.find((v) => isValidOn(v, date));
  if (found) return found;
  // Outside its validity a unit is described by its nearest version.
  const sorted = [...unit.versions].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) throw new Error(`unit ${unit.code} has no name`);
  return date < first.validFrom ? first : last;
}
