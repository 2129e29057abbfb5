import type { AppContext } from '../app/context.ts';
import { clearanceAllows, highestSecrecy, isSecrecyLevel, type SecrecyLevel } from '../shared/secrecy.ts';
import type { IsoDate } from '../vietnamese/dates.ts';
import type { AuthUser } from './roles.ts';

/**
 * The read gate: what a principal (a signed-in user with a unit, a role and a clearance) may see of figures and
 * texts once a route has been allowed at all. Routes decide the action with `authorize`; everything that leaves
 * the server then goes through these filters, so that scope × clearance × secrecy is judged in one place.
 */
export type Principal = AuthUser;

/** The line a generated document carries when something was left out for its reader. */
export const OMITTED_NOTICE_VI = 'Một số nội dung vượt quá độ mật của người nhận đã được lược bỏ.';

/** The level an aggregate of `indicator` over `unitId`'s subtree is read at. */
export interface SecrecyLens {
  /** `inputs` is the level of the aggregate's inputs when known (default: the catalogue's, conservatively). */
  levelOf(unitId: number, indicator: string, inputs?: SecrecyLevel): SecrecyLevel;
  /** Whether a decision in force sets this unit's own level for the indicator. */
  hasOwnDecision(unitId: number, indicator: string): boolean;
}

/** The highest level among an indicator, the parts of a ratio and every form it is reported on. */
export function catalogueSecrecy(ctx: AppContext, code: string): SecrecyLevel {
  const indicator = ctx.catalogue.indicator(code);
  if (!indicator) return 'none';
  const parts =
    indicator.aggregation.kind === 'ratio'
      ? [indicator.aggregation.numerator.indicator, indicator.aggregation.denominator.indicator].map(
          (c) => ctx.catalogue.indicator(c)?.secrecy ?? 'none',
        )
      : [];
  return highestSecrecy([indicator.secrecy, ...parts, ...ctx.catalogue.formsFor(code).map((f) => f.secrecy)]);
}

interface Decision {
  unitId: number;
  level: SecrecyLevel;
}

/**
 * Secrecy decisions as they apply to aggregates on `date`: a decision on a unit sets that unit's level (it may
 * lower the default of the indicator); a decision on any unit below raises every aggregate that includes it, since
 * an aggregate is classified at its highest input (a Tối mật province makes the national total Tối mật).
 */
export async function secrecyLens(ctx: AppContext, date: IsoDate): Promise<SecrecyLens> {
  const rows = await ctx.store.db
    .selectFrom('secrecy_override')
    .select(['unit_id', 'indicator_id', 'level'])
    .where('withdrawn_at', 'is', null)
    .orderBy('id')
    .execute();
  const byIndicator = new Map<string, Decision[]>();
  for (const r of rows) {
    const code = ctx.catalogue.indicatorById(r.indicator_id)?.code;
    if (!code || !isSecrecyLevel(r.level)) continue;
    const list = byIndicator.get(code) ?? [];
    const same = list.findIndex((d) => d.unitId === r.unit_id);
    // Later decisions on the same unit replace earlier ones (rows are ordered by id).
    if (same >= 0) list.splice(same, 1);
    list.push({ unitId: r.unit_id, level: r.level });
    byIndicator.set(code, list);
  }
  const partsOf = (code: string): string[] => {
    const indicator = ctx.catalogue.indicator(code);
    return indicator?.aggregation.kind === 'ratio'
      ? [indicator.aggregation.numerator.indicator, indicator.aggregation.denominator.indicator]
      : [];
  };
  const lens: SecrecyLens = {
    hasOwnDecision(unitId, indicator) {
      return (byIndicator.get(indicator) ?? []).some((d) => d.unitId === unitId);
    },
    levelOf(unitId, indicator, inputs) {
      const base = inputs ?? catalogueSecrecy(ctx, indicator);
      const decisions = byIndicator.get(indicator);
      if (!decisions) return base;
      const own = decisions.find((d) => d.unitId === unitId);
      const below = decisions
        .filter((d) => d.unitId !== unitId && ctx.graph.isInSubtree(d.unitId, unitId, date))
        .map((d) => d.level);
      return highestSecrecy([own?.level ?? base, ...below]);
    },
  };
  // A ratio is read at the level of its parts too: a classified denominator classifies the rate.
  const direct = lens.levelOf;
  lens.levelOf = (unitId, indicator, inputs) =>
    highestSecrecy([
      direct(unitId, indicator, inputs),
      ...partsOf(indicator).map((part) => direct(unitId, part)),
    ]);
  return lens;
}

/** True when the principal may read material at `level`. */
export function mayRead(principal: Pick<Principal, 'clearance'>, level: SecrecyLevel): boolean {
  return clearanceAllows(principal.clearance, level);
}

/** Keeps what the principal may read; says how many were left out. */
export function readable<T>(
  principal: Pick<Principal, 'clearance'>,
  items: T[],
  levelOf: (item: T) => SecrecyLevel,
): { items: T[]; withheld: number; secrecy: SecrecyLevel } {
  const kept = items.filter((item) => mayRead(principal, levelOf(item)));
  return {
    items: kept,
    withheld: items.length - kept.length,
    secrecy: highestSecrecy(kept.map(levelOf)),
  };
}

/** True when `unitId` is the principal's unit or lies below it on `date`. */
export function inScope(
  ctx: AppContext,
  principal: Pick<Principal, 'unitId'>,
  unitId: number,
  date: IsoDate,
) {
  return unitId === principal.unitId || ctx.graph.isInSubtree(unitId, principal.unitId, date);
}

/** Resolves a unit code to its id on `date` when it exists. */
export function unitIdOf(ctx: AppContext, code: string, date: IsoDate): number | null {
  return ctx.graph.findByCode(code, date)?.id ?? null;
}

/**
 * A form's cells as the principal may read them: a cell whose unit × indicator is classified above their clearance
 * (a secrecy decision on the unit or below it) keeps its place, so the form still lines up, but shows no figure.
 */
export function redactCells<
  T extends {
    indicator: string;
    value: number | null;
    comment: string | null;
    previous?: number | null;
    lastYear?: number | null;
    source?: unknown;
  },
>(principal: Pick<Principal, 'clearance'>, lens: SecrecyLens, unitId: number, cells: T[]) {
  let withheld = 0;
  const out = cells.map((cell) => {
    if (mayRead(principal, lens.levelOf(unitId, cell.indicator))) return cell;
    withheld++;
    return {
      ...cell,
      value: null,
      comment: null,
      ...('previous' in cell ? { previous: null } : {}),
      ...('lastYear' in cell ? { lastYear: null } : {}),
      ...('source' in cell ? { source: null } : {}),
      withheld: true,
    };
  });
  return { cells: out, withheld };
}
