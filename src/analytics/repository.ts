import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { parsePeriod } from '../periods/period.ts';
import { referenceDate } from '../periods/regime.ts';
import type { UnitGraph } from '../units/graph.ts';
import {
  readLeafCells,
  readRollups,
  readValuesAsOf,
  sumLeafCells,
  sumRollups,
} from '../values/repository.ts';
import { RollupAccumulator } from '../values/rollup.ts';
import type { AnalyticsSource } from './engine.ts';

const SUBMITTED_STATUSES = ['submitted', 'approved', 'locked'];

/** The live source: roll-ups kept on write, and submissions. */
/**
 * The live source: roll-ups kept on write for units with children, and the figures themselves for units without
 * (a commune's figures are its own subtree sum), and submissions. `graph` gives the tree in force.
 */
export function liveAnalyticsSource(db: Kysely<Database>, graph: () => UnitGraph): AnalyticsSource {
  const refDates = new Map<string, string>();
  const refDate = (period: string) => {
    let date = refDates.get(period);
    if (!date) {
      date = referenceDate(parsePeriod(period));
      refDates.set(period, date);
    }
    return date;
  };
  const isLeaf = (unitId: number, period: string) => graph().childrenOn(unitId, refDate(period)).length === 0;
  /** Units split by where their sums live for each period: the figures table (leaves) or the roll-ups. */
  const split = (unitIds: number[], periods: string[]) => {
    const leaf = new Set<string>();
    const leafUnits = new Set<number>();
    const innerUnits = new Set<number>();
    for (const u of unitIds) {
      for (const p of periods) {
        if (isLeaf(u, p)) {
          leaf.add(`${u}|${p}`);
          leafUnits.add(u);
        } else innerUnits.add(u);
      }
    }
    return { leaf, leafUnits: [...leafUnits], innerUnits: [...innerUnits] };
  };
  const rollups: AnalyticsSource['rollups'] = async (q) => {
    const { leaf, leafUnits, innerUnits } = split(q.unitIds, q.periods);
    const [fromFigures, fromRollups] = await Promise.all([
      readLeafCells(db, { ...q, unitIds: leafUnits }),
      readRollups(db, { ...q, unitIds: innerUnits }),
    ]);
    return [
      ...fromFigures.filter((c) => leaf.has(`${c.unitId}|${c.period}`)),
      ...fromRollups.filter((c) => !leaf.has(`${c.unitId}|${c.period}`)),
    ];
  };
  return {
    rollups,
    sums: async (q) => {
      const { leafUnits, innerUnits } = split(q.unitIds, q.periods);
      const mixed = new Set(leafUnits.filter((u) => innerUnits.includes(u)));
      const pureLeaves = leafUnits.filter((u) => !mixed.has(u));
      const pureInner = innerUnits.filter((u) => !mixed.has(u));
      const [a, b, c] = await Promise.all([
        sumLeafCells(db, { ...q, unitIds: pureLeaves }),
        sumRollups(db, { ...q, unitIds: pureInner }),
        // A unit that gained or lost children within the periods: added up period by period.
        mixed.size > 0 ? rollups({ ...q, unitIds: [...mixed] }) : Promise.resolve([]),
      ]);
      const totals = new Map<
        string,
        { unitId: number; indicatorId: number; optionId: number; value: number; count: number }
      >();
      for (const cell of c) {
        const key = `${cell.unitId}|${cell.indicatorId}|${cell.optionId}`;
        const t = totals.get(key) ?? {
          unitId: cell.unitId,
          indicatorId: cell.indicatorId,
          optionId: cell.optionId,
          value: 0,
          count: 0,
        };
        t.value += cell.value;
        t.count += cell.count;
        totals.set(key, t);
      }
      return [...a, ...b, ...totals.values()];
    },
    submittedUnits: async (q) => {
      if (q.formIds.length === 0 || q.periods.length === 0) return [];
      const rows = await db
        .selectFrom('submission')
        .select(['form_id', 'period', 'unit_id'])
        .where('form_id', 'in', q.formIds)
        .where('period', 'in', q.periods)
        .where('status', 'in', SUBMITTED_STATUSES)
        .execute();
      return rows.map((r) => ({ formId: r.form_id, period: r.period, unitId: r.unit_id }));
    },
  };
}

/**
 * Figures as they stood after a given change: subtree sums recomputed from the versions that were current then,
 * so a briefing's numbers can be reproduced after later corrections.
 */
export function asOfAnalyticsSource(
  db: Kysely<Database>,
  graph: UnitGraph,
  asOfChange: number,
): AnalyticsSource {
  const live = liveAnalyticsSource(db, () => graph);
  const source: AnalyticsSource = {
    submittedUnits: live.submittedUnits,
    sums: async (q) => {
      const totals = new Map<
        string,
        { unitId: number; indicatorId: number; optionId: number; value: number; count: number }
      >();
      for (const c of await source.rollups(q)) {
        const key = `${c.unitId}|${c.indicatorId}|${c.optionId}`;
        const t = totals.get(key) ?? {
          unitId: c.unitId,
          indicatorId: c.indicatorId,
          optionId: c.optionId,
          value: 0,
          count: 0,
        };
        t.value += c.value;
        t.count += c.count;
        totals.set(key, t);
      }
      return [...totals.values()];
    },
    rollups: async (q) => {
      const values = await readValuesAsOf(
        db,
        { periods: q.periods, indicatorIds: q.indicatorIds },
        asOfChange,
      );
      const acc = new RollupAccumulator(graph, { includeLeaves: true });
      for (const v of values) acc.add(v.period, v.indicatorId, v.optionId, v.unitId, null, v.value);
      const wanted = new Set(q.unitIds);
      return acc
        .entries()
        .filter((d) => wanted.has(d.unitId))
        .map((d) => ({
          period: d.period,
          indicatorId: d.indicatorId,
          optionId: d.optionId,
          unitId: d.unitId,
          value: d.value,
          count: d.count,
        }));
    },
  };
  return source;
}
