import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import { parsePeriod } from '../periods/period.ts';
import { referenceDate } from '../periods/regime.ts';
import { reportStateAt } from '../submissions/workflow.ts';
import type { UnitGraph } from '../units/graph.ts';
import {
  bounds,
  type RollupRow,
  readLeafCells,
  readRollups,
  readValuesAsOf,
  sumLeafCells,
  sumRollups,
  sumRollupsByRunningTotals,
} from '../values/repository.ts';
import { RollupAccumulator } from '../values/rollup.ts';
import type { AnalyticsSource, LeafFigure, ReportStatus } from './engine.ts';
import { uncountedStatuses } from './status.ts';

/**
 * The live source: roll-ups kept on write for units with children, and the figures themselves for units without
 * (a commune's figures are its own subtree sum), and submissions. `graph` gives the tree in force.
 */
export function liveAnalyticsSource(db: Kysely<Database>, graph: () => UnitGraph): AnalyticsSource {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const refDates = new Map<string, string>();
  const refDate = (period: string) => {
    let date = refDates.get(period);
    if (!date) {
      date = referenceDate(parsePeriod(period));
      refDates.set(period, date);
    }
    return date;
  };
  // Whether a unit has no children on a period's reference date, by graph, date and unit (the tree of a graph
  // never changes; a drill-down asks about thousands of units and months). Looked up a period at a time: a
  // drill-down's units and months are some 2,900 pairs, asked twice.
  const leaves = new WeakMap<UnitGraph, Map<string, (unitId: number) => boolean>>();
  const leavesOn = (g: UnitGraph, period: string): ((unitId: number) => boolean) => {
    let byDate = leaves.get(g);
    if (!byDate) {
      byDate = new Map();
      leaves.set(g, byDate);
    }
    const date = refDate(period);
    let isLeaf = byDate.get(date);
    if (!isLeaf) {
      const units = new Map<number, boolean>();
      isLeaf = (unitId) => {
        let leaf = units.get(unitId);
        if (leaf === undefined) {
          leaf = g.childrenOn(unitId, date).length === 0;
          units.set(unitId, leaf);
        }
        return leaf;
      };
      byDate.set(date, isLeaf);
    }
    return isLeaf;
  };
  /** Units split by where their sums live for each period: the figures table (leaves) or the roll-ups. */
  const split = (unitIds: number[], periods: string[]) => {
    const g = graph();
    const leafUnits = new Set<number>();
    const innerUnits = new Set<number>();
    for (const p of periods) {
      const isLeaf = leavesOn(g, p);
      for (const u of unitIds) {
        if (isLeaf(u)) leafUnits.add(u);
        else innerUnits.add(u);
      }
    }
    // Whether some unit is a leaf in some of the periods and has children in others (each unit is in one set or both).
    const mixed = leafUnits.size + innerUnits.size > new Set(unitIds).size;
    return { leafUnits: [...leafUnits], innerUnits: [...innerUnits], mixed, graph: g };
  };
  const rollups: AnalyticsSource['rollups'] = async (q) => {
    const { leafUnits, innerUnits, mixed, graph: before } = split(q.unitIds, q.periods);
    const [fromFigures, fromRollups] = await Promise.all([
      readLeafCells(db, { ...q, unitIds: leafUnits }),
      readRollups(db, { ...q, unitIds: innerUnits }),
    ]);
    const g = graph();
    // Every unit a leaf in every period or in none (a drill-down's communes): the cells are where they were read from.
    if (g === before && !mixed)
      return fromRollups.length === 0 ? fromFigures : [...fromFigures, ...fromRollups];
    // A unit that was a leaf in some periods and had children in others: each period's cells from where they live.
    const out: RollupRow[] = [];
    for (const c of fromFigures) if (leavesOn(g, c.period)(c.unitId)) out.push(c);
    for (const c of fromRollups) if (!leavesOn(g, c.period)(c.unitId)) out.push(c);
    return out;
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
        // Months from the running totals kept within each year (a year to date: one row per cell); days added up.
        sumRollupsByRunningTotals(db, { ...q, unitIds: pureInner }).then(
          (found) => found ?? sumRollups(db, { ...q, unitIds: pureInner }),
        ),
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
    reportStatuses: async (q) => {
      if (q.formIds.length === 0 || q.periods.length === 0) return [];
      // One row per form, period and status with its units listed: a national year holds some 80,000 reports.
      const units = postgres
        ? sql<string>`string_agg(unit_id::text, ',')`
        : sql<string>`group_concat(unit_id)`;
      const rows = await db
        .selectFrom('submission')
        .select(['form_id', 'period', 'status', units.as('units')])
        .where('form_id', 'in', q.formIds)
        .where('period', 'in', q.periods)
        // On PostgreSQL the periods' bounds too: an index-only scan of the range (form, period, status, unit) instead
        // of every report compared with each period asked (the pack's two years: half the server time).
        .$if(postgres && q.periods.length > 1, (qb) => {
          const [low, high] = bounds(q.periods);
          return qb.where('period', '>=', low).where('period', '<=', high);
        })
        .groupBy(['form_id', 'period', 'status'])
        .execute();
      return rows.map((r) => ({
        formId: r.form_id,
        period: r.period,
        status: r.status,
        unitIds: unitList(String(r.units)),
      }));
    },
    uncountedFigures: async (q) => {
      if (q.periods.length === 0 || q.indicatorIds.length === 0) return [];
      // The reports outside the counted statuses first, then their figures by the figures' key. The other statuses
      // are named (`status IN` them, not `NOT IN` the counted ones) so that the index on (period, status) is read at
      // those statuses only: `NOT IN` would walk every report of every period asked (80,000 for a national
      // drill-down over 24 months) to find the few still in draft.
      const uncounted = uncountedStatuses(q.counted);
      if (uncounted.length === 0) return [];
      const reports = await db
        .selectFrom('submission')
        .select(['form_id', 'unit_id', 'period'])
        .where('period', 'in', q.periods)
        .where('status', 'in', uncounted)
        .execute();
      if (reports.length === 0) return [];
      const wanted = new Set(reports.map((r) => `${r.period}|${r.unit_id}|${r.form_id}`));
      const byPeriod = new Map<string, Set<number>>();
      for (const r of reports) byPeriod.set(r.period, (byPeriod.get(r.period) ?? new Set()).add(r.unit_id));
      const out: LeafFigure[] = [];
      for (const [period, unitSet] of byPeriod) {
        const unitIds = [...unitSet];
        for (let i = 0; i < unitIds.length; i += 500) {
          const rows = await db
            .selectFrom('data_value as d')
            .select(['d.period', 'd.indicator_id', 'd.option_id', 'd.unit_id', 'd.form_id', 'd.value'])
            .where('d.period', '=', period)
            .where('d.unit_id', 'in', unitIds.slice(i, i + 500))
            .where('d.indicator_id', 'in', q.indicatorIds)
            .where('d.value', 'is not', null)
            .execute();
          for (const r of rows)
            if (wanted.has(`${r.period}|${r.unit_id}|${r.form_id}`)) out.push(figureOf(r));
        }
      }
      return out;
    },
    figures: async (q) => {
      if (q.periods.length === 0 || q.indicatorIds.length === 0) return [];
      const read = (unitIds: number[] | undefined) =>
        db
          .selectFrom('data_value as d')
          .select(['d.period', 'd.indicator_id', 'd.option_id', 'd.unit_id', 'd.form_id', 'd.value'])
          .where('d.period', 'in', q.periods)
          .$if(unitIds !== undefined, (qb) => qb.where('d.unit_id', 'in', unitIds ?? []))
          .$if(q.formIds !== undefined, (qb) => qb.where('d.form_id', 'in', q.formIds ?? []))
          .where('d.indicator_id', 'in', q.indicatorIds)
          .where('d.value', 'is not', null)
          .execute();
      if (!q.unitIds) return (await read(undefined)).map(figureOf);
      if (q.unitIds.length === 0) return [];
      const out: LeafFigure[] = [];
      for (let i = 0; i < q.unitIds.length; i += 500)
        for (const r of await read(q.unitIds.slice(i, i + 500))) out.push(figureOf(r));
      return out;
    },
  };
}

/** The unit ids of a comma-separated list, read digit by digit: a year of national reports is some 80,000 ids, which
 * `split` would first make into as many strings. */
function unitList(text: string): number[] {
  const out: number[] = [];
  let n = 0;
  let digits = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44) {
      if (digits) out.push(n);
      n = 0;
      digits = false;
    } else if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      digits = true;
    } else throw new Error(`not a list of unit ids: ${text.slice(0, 40)}`);
  }
  if (digits) out.push(n);
  return out;
}

function figureOf(r: {
  period: string;
  indicator_id: number;
  option_id: number;
  unit_id: number;
  form_id: number;
  value: number | null;
}): LeafFigure {
  return {
    period: r.period,
    indicatorId: r.indicator_id,
    optionId: r.option_id,
    unitId: r.unit_id,
    formId: r.form_id,
    value: Number(r.value),
  };
}

/**
 * Figures as they stood at an instant: subtree sums recomputed from the versions in force then (by the time each
 * change was recorded), and reports with the status they had then, so a briefing's numbers can be reproduced after
 * later corrections, late submissions and back-dated loads. A source serves one report or one query: what it has read
 * is kept for its life (a report reads the same periods for its figures, appendix and trends).
 */
export function asOfAnalyticsSource(
  db: Kysely<Database>,
  graph: UnitGraph,
  instant: string,
): AnalyticsSource {
  const statusCache = new Map<string, Promise<Map<string, string>>>();
  /** Status at the instant per "form|period|unit" for some periods (every form). */
  const statusesOf = (periods: string[]) => {
    const key = [...periods].sort().join(',');
    let found = statusCache.get(key);
    if (!found) {
      found = (async () => {
        const out = new Map<string, string>();
        if (periods.length === 0) return out;
        const [rows, events] = await Promise.all([
          db
            .selectFrom('submission')
            .select([
              'form_id',
              'period',
              'unit_id',
              'status',
              'updated_at',
              'submitted_at',
              'approved_at',
              'locked_at',
            ])
            .where('period', 'in', periods)
            .execute(),
          db
            .selectFrom('submission_event')
            .select(['form_id', 'period', 'unit_id', 'at', 'to_status'])
            .where('period', 'in', periods)
            .orderBy('at')
            .orderBy('id')
            .execute(),
        ]);
        const byKey = new Map<string, Array<{ at: string; to_status: string }>>();
        for (const e of events) {
          const k = `${e.form_id}|${e.period}|${e.unit_id}`;
          const list = byKey.get(k) ?? [];
          list.push(e);
          byKey.set(k, list);
        }
        for (const r of rows) {
          const k = `${r.form_id}|${r.period}|${r.unit_id}`;
          out.set(k, reportStateAt(r, byKey.get(k), instant).status);
        }
        return out;
      })();
      statusCache.set(key, found);
    }
    return found;
  };
  // The versions in force, read once per period and indicator and kept for the life of the source (one report or
  // one query): a report asks for the same periods many times (figures, appendix, trends, statuses).
  const valueCache = new Map<string, Promise<LeafFigure[]>>();
  const valuesOf = async (periods: string[], indicatorIds: number[]): Promise<LeafFigure[]> => {
    const ps = [...new Set(periods)];
    const ids = [...new Set(indicatorIds)];
    const missing = ps.flatMap((p) =>
      ids.filter((i) => !valueCache.has(`${p}|${i}`)).map((i) => [p, i] as const),
    );
    if (missing.length > 0) {
      const read = readValuesAsOf(
        db,
        {
          periods: [...new Set(missing.map(([p]) => p))],
          indicatorIds: [...new Set(missing.map(([, i]) => i))],
        },
        instant,
      ).then((rows) => {
        const byKey = new Map<string, LeafFigure[]>();
        for (const v of rows) {
          const key = `${v.period}|${v.indicatorId}`;
          const list = byKey.get(key) ?? [];
          list.push({
            period: v.period,
            indicatorId: v.indicatorId,
            optionId: v.optionId,
            unitId: v.unitId,
            formId: v.formId,
            value: v.value as number,
          });
          byKey.set(key, list);
        }
        return byKey;
      });
      for (const [p, i] of missing) {
        const key = `${p}|${i}`;
        valueCache.set(
          key,
          read.then((byKey) => byKey.get(key) ?? []),
        );
      }
    }
    const lists = await Promise.all(ps.flatMap((p) => ids.map((i) => valueCache.get(`${p}|${i}`) ?? [])));
    return lists.flat();
  };
  /** Subtree sums of every unit for a set of periods and indicators, computed once per set. */
  const rollupCache = new Map<string, Promise<ReturnType<RollupAccumulator['entries']>>>();
  const rolledUp = (periods: string[], indicatorIds: number[]) => {
    const key = `${[...periods].sort().join(',')}|${[...indicatorIds].sort((a, b) => a - b).join(',')}`;
    let found = rollupCache.get(key);
    if (!found) {
      found = valuesOf(periods, indicatorIds).then((values) => {
        const acc = new RollupAccumulator(graph, { includeLeaves: true });
        for (const v of values) acc.add(v.period, v.indicatorId, v.optionId, v.unitId, null, v.value);
        return acc.entries();
      });
      rollupCache.set(key, found);
    }
    return found;
  };
  const source: AnalyticsSource = {
    reportStatuses: async (q) => {
      const statuses = await statusesOf(q.periods);
      const forms = new Set(q.formIds);
      const groups = new Map<string, ReportStatus>();
      for (const [k, status] of statuses) {
        const [formId, period, unitId] = k.split('|') as [string, string, string];
        if (!forms.has(Number(formId))) continue;
        const key = `${formId}|${period}|${status}`;
        const group = groups.get(key) ?? { formId: Number(formId), period, status, unitIds: [] };
        group.unitIds.push(Number(unitId));
        groups.set(key, group);
      }
      return [...groups.values()];
    },
    uncountedFigures: async (q) => {
      const [figures, statuses] = await Promise.all([
        valuesOf(q.periods, q.indicatorIds),
        statusesOf(q.periods),
      ]);
      const counted = new Set(q.counted);
      return figures.filter(
        (f) => !counted.has(statuses.get(`${f.formId}|${f.period}|${f.unitId}`) ?? 'draft'),
      );
    },
    figures: async (q) => {
      const units = q.unitIds ? new Set(q.unitIds) : null;
      const forms = q.formIds ? new Set(q.formIds) : null;
      return (await valuesOf(q.periods, q.indicatorIds)).filter(
        (f) => (!units || units.has(f.unitId)) && (!forms || forms.has(f.formId)),
      );
    },
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
      const wanted = new Set(q.unitIds);
      return (await rolledUp(q.periods, q.indicatorIds))
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
