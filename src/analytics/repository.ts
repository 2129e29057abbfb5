import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { UnitGraph } from '../units/graph.ts';
import { readRollups, readValuesAsOf, sumRollups } from '../values/repository.ts';
import { RollupAccumulator } from '../values/rollup.ts';
import type { AnalyticsSource } from './engine.ts';

const SUBMITTED_STATUSES = ['submitted', 'approved', 'locked'];

/** The live source: roll-ups kept on write, and submissions. */
export function liveAnalyticsSource(db: Kysely<Database>): AnalyticsSource {
  return {
    rollups: (q) => readRollups(db, q),
    sums: (q) => sumRollups(db, q),
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
  const live = liveAnalyticsSource(db);
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
      const acc = new RollupAccumulator(graph);
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
