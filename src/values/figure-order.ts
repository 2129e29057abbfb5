import type { ValueInput } from './model.ts';

/** What orders a figure: its key. */
export type FigureKey = Pick<ValueInput, 'period' | 'indicatorId' | 'unitId' | 'optionId' | 'formId'>;

/** The order of the figures' primary key on PostgreSQL: (period, indicator, unit, option, form). */
export function byFigureKey(a: FigureKey, b: FigureKey): number {
  if (a.period !== b.period) return a.period < b.period ? -1 : 1;
  return (
    a.indicatorId - b.indicatorId || a.unitId - b.unitId || a.optionId - b.optionId || a.formId - b.formId
  );
}

export function inKeyOrder(rows: readonly FigureKey[]): boolean {
  for (let i = 1; i < rows.length; i++)
    if (byFigureKey(rows[i - 1] as FigureKey, rows[i] as FigureKey) > 0) return false;
  return true;
}

/**
 * New figures in the primary key's order. A report's figures come unit by unit, each unit's by indicator: a stable
 * pass by period and indicator puts them in key order in linear time; anything else is then sorted.
 */
export function inPrimaryKeyOrder<T extends FigureKey>(rows: T[]): T[] {
  if (inKeyOrder(rows)) return rows;
  const byPeriod = new Map<string, Map<number, T[]>>();
  for (const row of rows) {
    let byIndicator = byPeriod.get(row.period);
    if (!byIndicator) {
      byIndicator = new Map();
      byPeriod.set(row.period, byIndicator);
    }
    const list = byIndicator.get(row.indicatorId);
    if (list) list.push(row);
    else byIndicator.set(row.indicatorId, [row]);
  }
  const ordered: T[] = [];
  for (const period of [...byPeriod.keys()].sort()) {
    const byIndicator = byPeriod.get(period) as Map<number, T[]>;
    for (const id of [...byIndicator.keys()].sort((a, b) => a - b))
      for (const row of byIndicator.get(id) as T[]) ordered.push(row);
  }
  return inKeyOrder(ordered) ? ordered : ordered.sort(byFigureKey);
}

/** The reports (form, unit, period) some figures belong to, each once, in the order first met. */
export function reportsOf<T extends FigureKey>(rows: readonly T[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  let last: T | undefined;
  for (const i of rows) {
    if (last && last.period === i.period && last.unitId === i.unitId && last.formId === i.formId) continue;
    last = i;
    const key = `${i.formId} ${i.unitId} ${i.period}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(i);
  }
  return out;
}
