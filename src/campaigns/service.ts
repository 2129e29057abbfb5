import type { AggregateRow } from '../analytics/engine.ts';
import { dataStatusOf } from '../analytics/service.ts';
import type { IncludeLevel } from '../analytics/status.ts';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../audit/actor.ts';
import { appendAudit } from '../audit/repository.ts';
import { mayRead, type Principal, secrecyLens } from '../auth/gate.ts';
import type { SolarWindow } from '../calendar/index.ts';
import { listCommendations } from '../commendations/service.ts';
import { rangePeriod } from '../periods/period.ts';
import { AppError } from '../shared/errors.ts';
import type { SecrecyLevel } from '../shared/secrecy.ts';
import { type CampaignRecord, insertCampaign, loadCampaigns } from './repository.ts';
import { type Direction, rankCampaign, total, type WindowFigures } from './summary.ts';
import {
  type CampaignRule,
  CampaignRuleError,
  describeRule,
  resolveCampaignWindow,
  sameCampaignLastYear,
  windowBefore,
  windowLength,
} from './window.ts';

export interface CampaignView {
  id: number;
  series: string;
  name: string;
  year: number;
  rule: CampaignRule;
  ruleText: string;
  start: string;
  end: string;
  days: number;
  units: string[];
  indicators: string[];
  rankBy: string | null;
  reportForm: string | null;
  secrecy: SecrecyLevel;
}

function unitIdsOf(ctx: AppContext, c: CampaignRecord): number[] {
  if (c.unitIds.length > 0) return c.unitIds;
  return ctx.graph
    .unitsOn(c.start, 'province')
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((u) => u.id);
}

export function presentCampaign(ctx: AppContext, c: CampaignRecord): CampaignView {
  return {
    id: c.id,
    series: c.series,
    name: c.name,
    year: c.year,
    rule: c.rule,
    ruleText: describeRule(c.rule),
    start: c.start,
    end: c.end,
    days: windowLength(c),
    units: c.unitIds.map((id) => ctx.graph.require(id).code),
    indicators: c.indicators,
    rankBy: c.rankBy,
    reportForm: c.reportForm,
    secrecy: c.secrecy,
  };
}

export async function listCampaigns(ctx: AppContext): Promise<CampaignView[]> {
  return (await loadCampaigns(ctx.store.db)).map((c) => presentCampaign(ctx, c));
}

export async function requireCampaign(ctx: AppContext, id: number): Promise<CampaignRecord> {
  const [c] = await loadCampaigns(ctx.store.db, { ids: [id] });
  if (!c)
    throw new AppError('not_found', `Không tìm thấy đợt cao điểm số ${id}`, `campaign ${id} not found`, [
      { field: 'id', reason: 'không tồn tại' },
    ]);
  return c;
}

export interface CampaignInput {
  series: string;
  name: string;
  year: number;
  rule: CampaignRule;
  unitIds: number[];
  indicators: string[];
  rankBy?: string | null | undefined;
  reportForm?: string | null | undefined;
  secrecy?: SecrecyLevel | undefined;
}

/** Records one year's campaign, its window resolved from the rule (through the lunar calendar when lunar). */
export async function createCampaign(
  ctx: AppContext,
  input: CampaignInput,
  actor: Actor,
): Promise<CampaignView> {
  let window: SolarWindow;
  try {
    window = resolveCampaignWindow(input.rule, input.year);
  } catch (error) {
    if (error instanceof CampaignRuleError)
      throw new AppError(
        'bad_request',
        `Khoảng thời gian đợt cao điểm không hợp lệ: ${error.message}`,
        error.message,
        [{ field: error.field, reason: error.message }],
      );
    throw error;
  }
  for (const code of [...input.indicators, ...(input.rankBy ? [input.rankBy] : [])]) {
    if (!ctx.catalogue.indicator(code))
      throw new AppError('bad_request', `Không có chỉ tiêu "${code}"`, `unknown indicator ${code}`, [
        { field: 'indicators', reason: `không có chỉ tiêu ${code}` },
      ]);
  }
  if (input.indicators.length === 0)
    throw new AppError('bad_request', 'Cần ít nhất một chỉ tiêu theo dõi', 'at least one indicator', [
      { field: 'indicators', reason: 'bắt buộc' },
    ]);
  const existing = await loadCampaigns(ctx.store.db, { series: input.series, year: input.year });
  if (existing.length > 0)
    throw new AppError(
      'conflict',
      `Đợt cao điểm "${input.series}" năm ${input.year} đã có`,
      'this campaign already exists for that year',
      [{ field: 'year', reason: 'đã có' }],
    );
  const at = ctx.clock.now().toISOString();
  const id = await ctx.store.write(async (trx) => {
    const newId = await insertCampaign(
      trx,
      {
        series: input.series,
        name: input.name.normalize('NFC').trim(),
        year: input.year,
        rule: input.rule,
        start: window.start,
        end: window.end,
        unitIds: input.unitIds,
        indicators: input.indicators,
        rankBy: input.rankBy ?? input.indicators[0] ?? null,
        reportForm: input.reportForm ?? null,
        secrecy: input.secrecy ?? 'none',
      },
      at,
    );
    await appendAudit(trx, {
      at,
      actorId: actor.id,
      actorName: actor.name,
      action: 'campaign.create',
      target: `campaign:${newId}`,
      unitId: null,
      secrecy: input.secrecy ?? 'none',
      details: { name: input.name, year: input.year, start: window.start, end: window.end },
    });
    return newId;
  });
  return presentCampaign(ctx, await requireCampaign(ctx, id));
}

async function figuresIn(
  ctx: AppContext,
  unitIds: number[],
  indicators: string[],
  window: SolarWindow,
  readable: (unitId: number, indicator: string) => boolean = () => true,
  include?: IncludeLevel,
): Promise<Map<number, Map<string, number | null>>> {
  const period = rangePeriod(window.start, window.end);
  let results: Array<{ unitId: number; rows: AggregateRow[] }>;
  try {
    results = await ctx.engine.aggregateMany({ unitIds, period, indicators, coverage: false, include });
  } catch {
    // A unit whose lineage cannot be followed into this window must not sink the whole summary: read the units
    // one by one and leave that one without figures.
    results = [];
    for (const unitId of unitIds) {
      try {
        results.push(
          ...(await ctx.engine.aggregateMany({
            unitIds: [unitId],
            period,
            indicators,
            coverage: false,
            include,
          })),
        );
      } catch {
        results.push({ unitId, rows: [] });
      }
    }
  }
  return new Map(
    results.map((r) => [
      r.unitId,
      new Map(
        r.rows
          .filter((x) => x.option === null)
          .map((x) => [x.indicator, readable(r.unitId, x.indicator) ? x.value : null]),
      ),
    ]),
  );
}

/**
 * The campaign summary: totals and each unit's figures over the window, against the same campaign last year
 * (the recorded one, or the rule resolved for the lunar year before) and the equal-length window just before it;
 * units ranked on the ranking indicator; the commendations given for it.
 */
export async function campaignSummary(
  ctx: AppContext,
  id: number,
  reader?: Pick<Principal, 'clearance'>,
  include?: IncludeLevel,
) {
  const c = await requireCampaign(ctx, id);
  // The read gate: a unit's figure classified above the reader (a secrecy decision, carried up) shows no value.
  const lens = await secrecyLens(ctx, c.start);
  const readable = (unitId: number, indicator: string) =>
    reader === undefined || mayRead(reader, lens.levelOf(unitId, indicator));
  const [recordedLastYear] = await loadCampaigns(ctx.store.db, { series: c.series, year: c.year - 1 });
  const current: SolarWindow = { start: c.start, end: c.end };
  const lastYear: SolarWindow = recordedLastYear
    ? { start: recordedLastYear.start, end: recordedLastYear.end }
    : sameCampaignLastYear(c.rule, c.year);
  const before = windowBefore(current);
  const unitIds = unitIdsOf(ctx, c);
  const root = ctx.graph.root(c.start).id;
  const ids = [root, ...unitIds];
  const [now, last, prev, status] = await Promise.all([
    figuresIn(ctx, ids, c.indicators, current, readable, include),
    figuresIn(ctx, ids, c.indicators, lastYear, readable, include),
    figuresIn(ctx, ids, c.indicators, before, readable, include),
    dataStatusOf(ctx, {
      unitId: root,
      period: rangePeriod(current.start, current.end),
      indicators: c.indicators,
      include,
    }),
  ]);
  const code = (id: number) => ctx.graph.require(id).code;
  const byCode = (m: Map<number, Map<string, number | null>>) =>
    new Map([...m.entries()].filter(([id]) => id !== root).map(([id, v]) => [code(id), v]));
  const figures: WindowFigures = { current: byCode(now), lastYear: byCode(last), before: byCode(prev) };
  const rankBy = c.rankBy ?? c.indicators[0] ?? '';
  const direction: Direction = ctx.catalogue.indicator(rankBy)?.goodDirection ?? 'neutral';
  const ranked = rankCampaign(unitIds.map(code), c.indicators, figures, { indicator: rankBy, direction });
  const names = new Map(unitIds.map((id) => [code(id), ctx.graph.nameOn(id, c.start)]));
  const totals = c.indicators.map((ind) => {
    const pick = (m: Map<number, Map<string, number | null>>) => m.get(root)?.get(ind) ?? null;
    const v = pick(now);
    const ly = pick(last);
    const b = pick(prev);
    return {
      indicator: ind,
      name: ctx.catalogue.indicator(ind)?.nameVi ?? ind,
      unit: ctx.catalogue.indicator(ind)?.unit ?? '',
      value: v ?? total(unitIds.map((id) => now.get(id)?.get(ind) ?? null)),
      lastYear: ly,
      before: b,
    };
  });
  const commendations = await listCommendations(ctx, { campaignIds: [c.id] });
  return {
    ...status,
    campaign: presentCampaign(ctx, c),
    windows: {
      current,
      lastYear: {
        ...lastYear,
        campaignId: recordedLastYear?.id ?? null,
        name: recordedLastYear?.name ?? null,
      },
      before,
    },
    rankBy,
    direction,
    totals,
    units: ranked.map((r) => ({ ...r, name: names.get(r.unit) ?? r.unit })),
    commendations,
  };
}
