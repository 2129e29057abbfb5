import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { overlappingPredecessors, UnitGraph } from './graph.ts';
import { BEGINNING, OPEN_END, type UnitKind } from './model.ts';
import { buildReferenceData } from './reference-data.ts';

const DIR = join(new URL('../..', import.meta.url).pathname, 'reference-data', 'admin-units');

describe('the organisation over time, from the official tables', () => {
  let graph: UnitGraph;
  before(() => {
    const data = buildReferenceData(DIR);
    graph = new UnitGraph(data.units, data.links, data.lineage);
  });

  const unit = (code: string, date: string) => {
    const found = graph.findByCode(code, date);
    assert.ok(found, `${code} on ${date}`);
    return found;
  };
  const codes = (ids: number[]) => ids.map((id) => graph.require(id).adminCode).sort();

  it('counts the units of each era', () => {
    assert.equal(graph.unitsOn('2025-06-30', 'province').length, 63);
    assert.equal(graph.unitsOn('2025-07-01', 'province').length, 34);
    assert.equal(graph.unitsOn('2025-02-28', 'district').length, 694);
    assert.equal(graph.unitsOn('2025-03-01', 'district').length, 0);
    assert.equal(graph.unitsOn('2025-07-01', 'commune').length, 3319);
  });

  it('gives each day the tree of its own stretch between reorganisations, whatever was asked before', () => {
    const nation = (date: string) => unit('BCA', date).id;
    const communes = (date: string) =>
      graph.subtreeOn(nation(date), date).filter((id) => graph.require(id).kind === 'commune').length;
    // Asked in an order that crosses the merger of 1 July 2025 and back: each day keeps its own count.
    const days = ['2025-06-30', '2025-07-01', '2025-06-14', '2026-10-14', '2025-06-30', '2025-07-01'];
    const counts = days.map(communes);
    assert.equal(counts[1], 3319);
    assert.notEqual(counts[0], counts[1]);
    assert.deepEqual(counts, [counts[0], 3319, counts[0], 3319, counts[0], 3319]);
    // The last day of the old districts and the first without them (1 March 2025) differ too.
    const districts = (date: string) =>
      graph.subtreeOn(nation(date), date).filter((id) => graph.require(id).kind === 'district').length;
    assert.equal(districts('2025-02-28'), 694);
    assert.equal(districts('2025-03-01'), 0);
    // A caller that changes the list it got does not change the next answer.
    const first = graph.subtreeOn(nation('2026-10-14'), '2026-10-14');
    const size = first.length;
    first.length = 0;
    assert.equal(graph.subtreeOn(nation('2026-10-14'), '2026-10-14').length, size);
  });

  it('tells apart the two units that carried code 15, 24, 44, 52, 80, 82 and 91', () => {
    const pairs: Array<[string, string, string]> = [
      ['15', 'Công an tỉnh Yên Bái', 'Công an tỉnh Lào Cai'],
      ['24', 'Công an tỉnh Bắc Giang', 'Công an tỉnh Bắc Ninh'],
      ['44', 'Công an tỉnh Quảng Bình', 'Công an tỉnh Quảng Trị'],
      ['52', 'Công an tỉnh Bình Định', 'Công an tỉnh Gia Lai'],
      ['80', 'Công an tỉnh Long An', 'Công an tỉnh Tây Ninh'],
      ['82', 'Công an tỉnh Tiền Giang', 'Công an tỉnh Đồng Tháp'],
      ['91', 'Công an tỉnh Kiên Giang', 'Công an tỉnh An Giang'],
    ];
    for (const [code, before, after] of pairs) {
      assert.equal(graph.nameOn(unit(code, '2025-06-30').id, '2025-06-30'), before);
      assert.equal(graph.nameOn(unit(code, '2025-07-01').id, '2025-07-01'), after);
      assert.notEqual(unit(code, '2025-06-30').id, unit(code, '2025-07-01').id);
    }
  });

  it('moves communes from district to province police on 1 March 2025, before the merger of 1 July', () => {
    const commune = unit('00004', '2025-02-28');
    assert.equal(graph.require(graph.parentOn(commune.id, '2025-02-28') as number).kind, 'district');
    assert.equal(graph.require(graph.parentOn(commune.id, '2025-03-01') as number).code, '01');
    assert.equal(graph.findByCode('00004', '2025-07-01')?.id === commune.id, false);
  });

  it('represents a merged province by its predecessors, through later changes of type', () => {
    const rule = (code: string, at: string, on: string) => graph.representationOn(unit(code, at).id, on);
    assert.deepEqual(codes(rule('15', '2026-01-14', '2025-01-14').unitIds), ['10', '15']);
    assert.deepEqual(codes(rule('79', '2026-01-14', '2025-01-14').unitIds), ['74', '77', '79']);
    // Đồng Nai became a city on 30/04/2026: the change of type keeps the unit, whose predecessors stay 70 and 75.
    const dongNai = rule('75', '2026-11-14', '2025-01-14');
    assert.equal(dongNai.rule, 'predecessors');
    assert.deepEqual(codes(dongNai.unitIds), ['70', '75']);
    assert.equal(rule('75', '2026-11-14', '2026-01-14').rule, 'same_unit');
    assert.equal(graph.nameOn(unit('75', '2026-11-14').id, '2026-11-14'), 'Công an thành phố Đồng Nai');
    assert.equal(graph.nameOn(unit('75', '2026-01-14').id, '2026-01-14'), 'Công an tỉnh Đồng Nai');
    // Huế was the same unit before and after becoming a city on 01/01/2025.
    assert.equal(rule('46', '2026-01-14', '2024-01-14').rule, 'same_unit');
  });

  it('refuses to compare a commune formed from part of an old commune, and an old unit after it ended', () => {
    const split = graph.lineage.find((e) => e.kind === 'split');
    assert.ok(split);
    const to = graph.require(split.toUnitId);
    assert.equal(graph.representationOn(to.id, '2025-01-14').comparable, false);
    const whole = graph.lineage.find(
      (e) =>
        e.kind === 'merge' &&
        graph.require(e.toUnitId).kind === 'commune' &&
        graph.predecessorEvents(e.toUnitId).every((p) => p.kind === 'merge'),
    );
    assert.ok(whole);
    const represented = graph.representationOn(whole.toUnitId, '2025-01-14');
    assert.equal(represented.comparable, true);
    assert.equal(graph.representationOn(unit('10', '2025-01-14').id, '2026-01-14').rule, 'not_existing');
  });

  it('gives commune 14698 its two old communes, not also the whole district of Kim Sơn (no double counting)', () => {
    const kimDong = unit('14698', '2026-01-14');
    const rep = graph.representationOn(kimDong.id, '2025-01-14');
    assert.deepEqual(codes(rep.unitIds), ['14695', '14698']);
    assert.equal(rep.rule, 'predecessors');
  });

  it('keeps the island districts that became special zones whole', () => {
    const rep = graph.representationOn(unit('11948', '2026-01-14').id, '2025-01-14');
    assert.deepEqual(codes(rep.unitIds), ['318']);
  });

  it('finds no predecessor set of the reference data where one unit contains another', () => {
    assert.deepEqual(overlappingPredecessors(graph), []);
  });

  it('reduces predecessors to disjoint units: a district and one of its communes count once, as the district', () => {
    const units = [
      { id: 1, code: 'P', kind: 'province', from: BEGINNING, to: OPEN_END },
      { id: 2, code: 'D', kind: 'district', from: BEGINNING, to: '2025-06-30' },
      { id: 3, code: 'C1', kind: 'commune', from: BEGINNING, to: '2025-06-30' },
      { id: 4, code: 'C2', kind: 'commune', from: BEGINNING, to: '2025-06-30' },
      { id: 5, code: 'N', kind: 'commune', from: '2025-07-01', to: OPEN_END },
    ].map((u) => ({
      id: u.id,
      code: u.code,
      kind: u.kind as UnitKind,
      adminCode: u.code,
      validFrom: u.from,
      validTo: u.to,
      versions: [{ nameVi: u.code, nameEn: u.code, areaName: u.code, validFrom: u.from, validTo: u.to }],
    }));
    const link = (unitId: number, parentId: number, validTo: string) => ({
      unitId,
      parentId,
      validFrom: BEGINNING,
      validTo,
    });
    const event = (fromUnitId: number) => ({
      kind: 'merge' as const,
      effectiveDate: '2025-07-01',
      fromUnitId,
      toUnitId: 5,
      weight: null,
      note: '',
    });
    const g = new UnitGraph(
      units,
      [link(2, 1, '2025-06-30'), link(3, 2, '2025-06-30'), link(4, 2, '2025-06-30'), link(5, 1, OPEN_END)],
      [event(2), event(3)],
    );
    assert.deepEqual(g.representationOn(5, '2025-01-14').unitIds, [2]);
    assert.deepEqual(overlappingPredecessors(g), [{ unit: 'N', ancestor: 'D', descendant: 'C1' }]);
  });
});
