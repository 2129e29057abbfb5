import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Store } from '../db/store.ts';
import { assignUid, uidSeed } from '../shared/uid.ts';
import { UnitGraph } from './graph.ts';
import type { LineageEvent, LineageKind, ParentLink, Unit, UnitKind } from './model.ts';
import type { ReferenceData } from './reference-data.ts';

const CHUNK = 400;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function countUnits(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('unit')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Stores the organisation of both eras in one transaction (ids as given, so lineage and links stay valid). */
export async function saveReferenceUnits(store: Store, data: ReferenceData): Promise<void> {
  await store.write(async (trx) => {
    const taken = await takenUids(trx);
    for (const part of chunks(data.units)) {
      await trx
        .insertInto('unit')
        .values(
          part.map((u) => ({
            id: u.id,
            code: u.code,
            kind: u.kind,
            admin_code: u.adminCode,
            valid_from: u.validFrom,
            valid_to: u.validTo,
            uid: assignUid(uidSeed.unit(u.code, u.validFrom), taken),
          })),
        )
        .execute();
    }
    const versions = data.units.flatMap((u) =>
      u.versions.map((v) => ({
        unit_id: u.id,
        valid_from: v.validFrom,
        valid_to: v.validTo,
        name_vi: v.nameVi,
        name_en: v.nameEn,
        area_name: v.areaName,
      })),
    );
    for (const part of chunks(versions)) await trx.insertInto('unit_version').values(part).execute();
    for (const part of chunks(data.links)) {
      await trx
        .insertInto('unit_parent')
        .values(
          part.map((l) => ({
            unit_id: l.unitId,
            parent_id: l.parentId,
            valid_from: l.validFrom,
            valid_to: l.validTo,
          })),
        )
        .execute();
    }
    for (const part of chunks(data.lineage)) {
      await trx
        .insertInto('unit_lineage')
        .values(
          part.map((e) => ({
            kind: e.kind,
            effective_date: e.effectiveDate,
            from_unit_id: e.fromUnitId,
            to_unit_id: e.toUnitId,
            weight: e.weight,
            note: e.note,
          })),
        )
        .execute();
    }
  });
}

/** Every uid in use, whatever it names: DHIS2's uids are unique across object types. */
export async function takenUids(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await Promise.all(
    (['unit', 'indicator', 'indicator_option', 'report_form'] as const).map((table) =>
      db.selectFrom(table).select('uid').where('uid', 'is not', null).execute(),
    ),
  );
  return new Set(rows.flat().map((r) => r.uid as string));
}

export async function loadUnitGraph(db: Kysely<Database>): Promise<UnitGraph> {
  const [unitRows, versionRows, linkRows, lineageRows] = await Promise.all([
    db.selectFrom('unit').selectAll().execute(),
    db.selectFrom('unit_version').selectAll().execute(),
    db.selectFrom('unit_parent').selectAll().execute(),
    db.selectFrom('unit_lineage').selectAll().orderBy('id').execute(),
  ]);
  const units = new Map<number, Unit>();
  for (const r of unitRows) {
    units.set(r.id, {
      id: r.id,
      code: r.code,
      kind: r.kind as UnitKind,
      adminCode: r.admin_code,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      versions: [],
    });
  }
  for (const v of versionRows) {
    units.get(v.unit_id)?.versions.push({
      validFrom: v.valid_from,
      validTo: v.valid_to,
      nameVi: v.name_vi,
      nameEn: v.name_en,
      areaName: v.area_name,
    });
  }
  const links: ParentLink[] = linkRows.map((l) => ({
    unitId: l.unit_id,
    parentId: l.parent_id,
    validFrom: l.valid_from,
    validTo: l.valid_to,
  }));
  const lineage: LineageEvent[] = lineageRows.map((e) => ({
    kind: e.kind as LineageKind,
    effectiveDate: e.effective_date,
    fromUnitId: e.from_unit_id,
    toUnitId: e.to_unit_id,
    weight: e.weight,
    note: e.note,
  }));
  return new UnitGraph([...units.values()], links, lineage);
}

/**
 * Moves a unit under another parent from a date on (a correction of the tree). Returns the affected date range
 * so that roll-ups can be rebuilt for it.
 */
export async function reparentUnit(
  trx: Kysely<Database>,
  unitId: number,
  newParentId: number,
  from: string,
): Promise<{ from: string; to: string }> {
  const links = await trx
    .selectFrom('unit_parent')
    .selectAll()
    .where('unit_id', '=', unitId)
    .orderBy('valid_from')
    .execute();
  const current = links.find((l) => l.valid_from <= from && from <= l.valid_to);
  if (!current) throw new Error(`unit ${unitId} has no parent on ${from}`);
  const dayBefore = new Date(`${from}T00:00:00Z`);
  dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
  const previousEnd = dayBefore.toISOString().slice(0, 10);
  if (current.valid_from === from) {
    await trx
      .updateTable('unit_parent')
      .set({ parent_id: newParentId })
      .where('unit_id', '=', unitId)
      .where('valid_from', '=', from)
      .execute();
  } else {
    await trx
      .updateTable('unit_parent')
      .set({ valid_to: previousEnd })
      .where('unit_id', '=', unitId)
      .where('valid_from', '=', current.valid_from)
      .execute();
    await trx
      .insertInto('unit_parent')
      .values({ unit_id: unitId, parent_id: newParentId, valid_from: from, valid_to: current.valid_to })
      .execute();
  }
  return { from, to: current.valid_to };
}
