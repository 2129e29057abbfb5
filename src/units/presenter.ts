import type { IsoDate } from '../vietnamese/dates.ts';
import type { UnitGraph } from './graph.ts';
import { OPEN_END, type Unit, versionOn } from './model.ts';

export interface UnitView {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  kind: Unit['kind'];
  adminCode: string | null;
  /** Code of the parent on the date asked, null for the ministry. */
  parent: string | null;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  /** Codes of the units this one was formed from, with how. */
  predecessors: Array<{ code: string; name: string; kind: string; effectiveDate: IsoDate }>;
}

/** A unit as the CLI and the API show it, named as it was on `date`. */
export function presentUnit(graph: UnitGraph, unit: Unit, date: IsoDate): UnitView {
  const version = versionOn(unit, date);
  const parentId = graph.parentOn(unit.id, date);
  return {
    id: unit.id,
    code: unit.code,
    name: version.nameVi,
    nameEn: version.nameEn,
    kind: unit.kind,
    adminCode: unit.adminCode,
    parent: parentId === null ? null : graph.require(parentId).code,
    validFrom: unit.validFrom,
    validTo: unit.validTo === OPEN_END ? null : unit.validTo,
    predecessors: graph
      .predecessorEvents(unit.id)
      // Predecessors are the units this one was formed from; units absorbed later (district police in 2025) are not.
      .filter((e) => e.fromUnitId !== unit.id && e.effectiveDate === unit.validFrom)
      .map((e) => {
        const from = graph.require(e.fromUnitId);
        return {
          code: from.code,
          name: versionOn(from, from.validTo).nameVi,
          kind: e.kind,
          effectiveDate: e.effectiveDate,
        };
      }),
  };
}
