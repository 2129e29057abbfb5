import type { AppContext } from '../app/context.ts';
import { resolvePeriod, resolveUnitForPeriod } from '../app/resolve.ts';
import { catalogueSecrecy, type Principal, readable, secrecyLens } from '../auth/gate.ts';
import { referenceDate } from '../periods/regime.ts';
import type { IsoDate } from '../vietnamese/dates.ts';
import { correctionsSince } from './corrections.ts';
import { type QueryRequest, runQuery } from './service.ts';
import { compareTetWindow, type TetWindowRequest } from './tet.ts';

/**
 * The analytics reads as a principal may see them, shared by the HTTP routes and the CLI (`--as USER`): rows above
 * the reader's clearance are left out and counted, each judged at its own unit through the secrecy lens. Whether the
 * principal may read the unit at all is decided before, by `authorize`.
 */
type Reader = Pick<Principal, 'clearance'>;

export async function readAggregates(ctx: AppContext, reader: Reader, req: QueryRequest) {
  const result = await runQuery(ctx, req);
  const shown = readable(reader, result.rows, (row) => row.secrecy);
  return { ...result, secrecy: shown.secrecy, withheld: shown.withheld, rows: shown.items };
}

/** `admit` decides, once the window is known, whether the reader may read the unit on its last day. */
export async function readTetWindow(
  ctx: AppContext,
  req: TetWindowRequest,
  admit: (unitId: number | null, date: IsoDate) => Reader,
) {
  const result = await compareTetWindow(ctx, req);
  const unit = ctx.graph.findByCode(result.unit.code, result.window.end);
  const reader = admit(unit?.id ?? null, result.window.end);
  const lens = await secrecyLens(ctx, result.window.end);
  const shown = readable(
    reader,
    result.rows.map((row) => ({
      ...row,
      secrecy: unit ? lens.levelOf(unit.id, row.indicator) : catalogueSecrecy(ctx, row.indicator),
    })),
    (row) => row.secrecy,
  );
  return {
    ...result,
    unitId: unit?.id ?? null,
    secrecy: shown.secrecy,
    withheld: shown.withheld,
    rows: shown.items,
  };
}

export async function readCorrections(
  ctx: AppContext,
  reader: Reader,
  q: { unit: string; period: string; asOf: string; indicator?: string | undefined },
) {
  const date = referenceDate(resolvePeriod(q.period));
  resolveUnitForPeriod(ctx.graph, q.unit, resolvePeriod(q.period));
  const result = await correctionsSince(ctx, q);
  const lens = await secrecyLens(ctx, date);
  // Each correction is judged at its own unit and indicator (a decision on that unit or below it counts).
  const shown = readable(
    reader,
    result.corrections.map((c) => {
      const at = ctx.graph.findByCode(c.unit, date);
      return { ...c, secrecy: at ? lens.levelOf(at.id, c.indicator) : catalogueSecrecy(ctx, c.indicator) };
    }),
    (c) => c.secrecy,
  );
  return { ...result, secrecy: shown.secrecy, withheld: shown.withheld, corrections: shown.items };
}
