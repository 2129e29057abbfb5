import type { AggregateRow } from '../analytics/engine.ts';
import type { AppContext } from '../app/context.ts';
import { resolvePeriod, resolveUnitForPeriod } from '../app/resolve.ts';
import { OMITTED_NOTICE_VI, secrecyLens } from '../auth/gate.ts';
import type {
  BriefingReport,
  ComparedValue,
  FieldReport,
  Figure,
  TrendSeries,
  UnitRow,
} from '../documents/model.ts';
import { figureKey } from '../documents/model.ts';
import { FIELDS } from '../indicators/catalogue.ts';
import type { FieldCode } from '../indicators/model.ts';
import { directivesOf, listMeetings } from '../meetings/service.ts';
import {
  monthPeriod,
  type Period,
  periodLabelVi,
  previousPeriod,
  samePeriodLastYear,
} from '../periods/period.ts';
import { periodWindow, referenceDate } from '../periods/regime.ts';
import { applySecrecyDecisions } from '../secrecy/overrides.ts';
import { AppError } from '../shared/errors.ts';
import { clearanceAllows, highestSecrecy, type SecrecyLevel } from '../shared/secrecy.ts';
import { completeness } from '../submissions/service.ts';
import { listTasks } from '../tasks/service.ts';
import type { Unit } from '../units/model.ts';
import { versionOn } from '../units/model.ts';
import { readDraft } from './draft.ts';

/** Field headings as a ministry report writes them. */
const FIELD_TITLES: Record<FieldCode, string> = {
  security: 'Công tác bảo đảm an ninh quốc gia',
  drug: 'Công tác đấu tranh phòng, chống tội phạm về ma túy',
  crime: 'Công tác đấu tranh phòng, chống tội phạm về trật tự xã hội',
  wanted: 'Công tác truy bắt đối tượng truy nã',
  gambling: 'Đấu tranh với tội phạm, vi phạm pháp luật về cờ bạc',
  economy: 'Phòng ngừa, ngăn chặn buôn lậu, gian lận thương mại, hàng giả',
  weapons: 'Quản lý vũ khí, vật liệu nổ, công cụ hỗ trợ',
  traffic: 'Bảo đảm trật tự, an toàn giao thông',
  fire: 'Phòng cháy, chữa cháy và cứu nạn, cứu hộ',
  commune_police: 'Xây dựng lực lượng Công an xã chính quy',
};

/** Columns of the per-unit appendix: the figures a briefing compares units on. */
const APPENDIX_COLUMNS: Array<[string, string | null]> = [
  ['drug.cases', null],
  ['drug.suspects', null],
  ['drug.seized_kg', 'heroin'],
  ['drug.seized_kg', 'synthetic'],
  ['drug.seized_tablets', 'synthetic'],
  ['crime.occurred', null],
  ['crime.solved', null],
  ['traffic.accidents', null],
  ['traffic.deaths', null],
  ['traffic.injuries', null],
  ['fire.cases', null],
];

const TREND_INDICATORS: Array<[string, string | null]> = [
  ['drug.cases', null],
  ['crime.occurred', null],
  ['traffic.accidents', null],
];

/** How many digits a figure shows in prose: kilograms and money to one decimal, rates to two. */
function displayDecimals(unit: string, decimals: number): number {
  if (unit === '%') return 2;
  return Math.min(decimals, 1);
}

/** "Tỉnh Nghệ An" → "Nghệ An"; the place name of box 4. */
function placeName(unit: Unit, date: string): string {
  if (unit.kind === 'ministry' || unit.kind === 'department') return 'Hà Nội';
  const area = versionOn(unit, date).areaName ?? '';
  return area.replace(/^(Tỉnh|Thành phố|Quận|Huyện|Thị xã|Phường|Xã|Thị trấn|Đặc khu) /, '');
}

function monthText(period: Period): string {
  if (period.type !== 'month') return periodLabelVi(period);
  return `tháng ${period.month <= 2 ? String(period.month).padStart(2, '0') : period.month} năm ${period.year}`;
}

export interface BriefingOptions {
  unit: string;
  period: string;
  /** The reader's clearance: figures above it are left out of the document. */
  clearance: SecrecyLevel;
  /** The document's date; today when omitted. */
  issueDate?: string;
  number?: number | null;
  human?: Partial<BriefingReport['human']>;
  tasks?: BriefingReport['tasks'];
}

/**
 * Assembles the monthly briefing report of a unit (the nation by default) from the analytics engine: the figures by
 * field with their comparisons, the per-province appendix (every cell is the engine's answer), completeness and
 * timeliness, trends over 24 months, and the text people wrote.
 */
export async function buildBriefingReport(
  ctx: AppContext,
  options: BriefingOptions,
): Promise<BriefingReport> {
  const period = resolvePeriod(options.period);
  if (period.type !== 'month') {
    throw new AppError(
      'bad_request',
      'Báo cáo giao ban lập theo tháng (ví dụ 2020-02)',
      'the briefing report is monthly (e.g. 2020-02)',
      [{ field: 'period', reason: 'cần kỳ tháng' }],
    );
  }
  const unit = resolveUnitForPeriod(ctx.graph, options.unit, period);
  const date = referenceDate(period);
  const window = periodWindow(period);
  const prev = previousPeriod(period) as Period;
  const lastYear = samePeriodLastYear(period);
  const lastYearWindow = periodWindow(lastYear);
  const next = monthPeriod(period.year, period.month + 1);
  const readable = (secrecy: SecrecyLevel) => clearanceAllows(options.clearance, secrecy);

  // The read gate: every figure, table column, trend, directive and task is judged at the reader's clearance,
  // with secrecy decisions carried up from the units below; what is left out is said in the document.
  const lens = await secrecyLens(ctx, date);
  let omitted = false;
  const allRows = await applySecrecyDecisions(
    ctx,
    unit.id,
    await ctx.engine.aggregate({ unitId: unit.id, period, compare: true, coverage: false }),
    date,
  );
  const rows = allRows.filter((r) => readable(r.secrecy));
  if (rows.length < allRows.length) omitted = true;
  const fields: FieldReport[] = [];
  for (const field of FIELDS) {
    const figures: Figure[] = [];
    for (const row of rows) {
      const indicator = ctx.catalogue.indicator(row.indicator);
      if (!indicator || indicator.field !== field.code) continue;
      if (row.value === null && row.prev === null && row.yoy === null) continue;
      figures.push({
        indicator: row.indicator,
        option: row.option,
        name: indicator.nameVi,
        optionName:
          row.option === null
            ? null
            : (indicator.options.find((o) => o.code === row.option)?.nameVi ?? row.option),
        unit: indicator.unit,
        phrase: indicator.phraseVi,
        decimals: displayDecimals(indicator.unit, indicator.decimals),
        value: row.value,
        previous: row.prev ?? null,
        samePeriodLastYear: row.yoy ?? null,
        goodDirection: indicator.goodDirection,
        secrecy: row.secrecy,
      });
    }
    if (figures.length > 0)
      fields.push({ field: field.code, title: FIELD_TITLES[field.code], figures, notes: [] });
  }

  const columns = APPENDIX_COLUMNS.map(([code, option]) => ctx.catalogue.indicator(code) && { code, option })
    .filter((c): c is { code: string; option: string | null } => Boolean(c))
    .filter((c) => {
      const ok = readable(lens.levelOf(unit.id, c.code));
      if (!ok) omitted = true;
      return ok;
    });
  const childKind = unit.kind === 'ministry' ? 'province' : undefined;
  const byUnit = new Map<string, UnitRow>();
  for (const column of columns) {
    const ranking = await ctx.engine.ranking({
      unitId: unit.id,
      period,
      indicator: column.code,
      option: column.option,
      compare: true,
      kind: childKind,
    });
    for (const r of ranking) {
      // A child whose figure is classified above the reader (a decision on one province) shows no value.
      if (!readable(lens.levelOf(r.unitId, column.code))) {
        omitted = true;
        continue;
      }
      const row = byUnit.get(r.code) ?? { unitCode: r.code, unitName: r.name, cells: {} };
      row.cells[figureKey(column.code, column.option)] = {
        value: r.value,
        previous: r.prev ?? null,
        samePeriodLastYear: r.yoy ?? null,
      };
      byUnit.set(r.code, row);
    }
  }
  const totalCells: Record<string, ComparedValue> = {};
  for (const column of columns) {
    const row = rows.find((r: AggregateRow) => r.indicator === column.code && r.option === column.option);
    if (row)
      totalCells[figureKey(column.code, column.option)] = {
        value: row.value,
        previous: row.prev ?? null,
        samePeriodLastYear: row.yoy ?? null,
      };
  }

  const completenessReport = await completeness(ctx, {
    form: 'BC-THANG',
    period: period.id,
    unit: unit.code,
  });
  const perProvince = new Map<
    string,
    { unitCode: string; unitName: string; expected: number; onTime: number; late: number; missing: number }
  >();
  for (const view of completenessReport.units) {
    const u = ctx.graph.findByCode(view.unit, date) as Unit;
    const chain = [u.id, ...ctx.graph.ancestorsOn(u.id, date)].map((id) => ctx.graph.require(id));
    const group = chain.find((c) => c.kind === 'province') ?? chain.find((c) => c.kind === 'department') ?? u;
    const entry = perProvince.get(group.code) ?? {
      unitCode: group.code,
      unitName: ctx.graph.nameOn(group.id, date),
      expected: 0,
      onTime: 0,
      late: 0,
      missing: 0,
    };
    entry.expected++;
    if (view.timeliness === 'on_time') entry.onTime++;
    else if (view.timeliness === 'late') entry.late++;
    else entry.missing++;
    perProvince.set(group.code, entry);
  }

  const months = Array.from({ length: 24 }, (_, i) => monthPeriod(period.year, period.month - 23 + i));
  const trends: TrendSeries[] = [];
  for (const [code, option] of TREND_INDICATORS) {
    const indicator = ctx.catalogue.indicator(code);
    if (!indicator) continue;
    const level = lens.levelOf(unit.id, code);
    if (!readable(level)) {
      omitted = true;
      continue;
    }
    const points = await ctx.engine.series({ unitId: unit.id, indicator: code, option, months });
    trends.push({
      indicator: code,
      option,
      title: indicator.nameVi,
      unit: indicator.unit,
      decimals: displayDecimals(indicator.unit, indicator.decimals),
      secrecy: level,
      points: points.map((p) => ({
        periodId: p.period,
        label: `T${Number(p.period.slice(5))}/${p.period.slice(2, 4)}`,
        value: p.value,
        lastYear: p.lastYear,
      })),
    });
  }

  const draft = await readDraft(ctx, unit.id, period.id);
  const meetings = (await listMeetings(ctx, options.clearance))
    .filter((m) => m.period === period.id)
    .sort((a, b) => b.heldOn.localeCompare(a.heldOn));
  const meeting = meetings[0];
  const allDirectives = meeting ? await directivesOf(ctx, meeting.id) : [];
  const shownDirectives = allDirectives.filter((d) => readable(d.secrecy));
  if (shownDirectives.length < allDirectives.length) omitted = true;
  const meetingDirectives = shownDirectives.map((d) => d.content);
  const issueDate = options.issueDate ?? ctx.clock.today();
  // Follow-up: the tasks set by this period's meetings and the previous period's, as they stand on the document's date.
  const followed = new Set(
    (await listMeetings(ctx, options.clearance))
      .filter((m) => m.period === period.id || m.period === prev.id)
      .map((m) => m.id),
  );
  const taskSecrecy: SecrecyLevel[] = [];
  const taskRows: BriefingReport['tasks'] =
    followed.size === 0
      ? []
      : (await listTasks(ctx, issueDate, { meetingIds: [...followed] }))
          .filter(
            (t) =>
              ctx.graph.isInSubtree(ctx.graph.findByCode(t.unit, issueDate)?.id ?? -1, unit.id, issueDate) ||
              unit.kind === 'ministry',
          )
          .filter((t) => {
            const ok = readable(t.secrecy);
            if (ok) taskSecrecy.push(t.secrecy);
            else omitted = true;
            return ok;
          })
          .map((t) => ({
            directive: t.directive,
            leadUnit: t.unitName,
            deadline: t.deadline,
            status:
              t.status === 'done_on_time' ? 'done' : t.status === 'cancelled' ? 'in_progress' : t.status,
            note: t.lastReport?.note ?? null,
          }));
  const situation = options.human?.situation ?? draft.human.situation;
  const human: BriefingReport['human'] = {
    situation: omitted ? [...situation, OMITTED_NOTICE_VI] : situation,
    assessment: options.human?.assessment ?? draft.human.assessment,
    directives:
      options.human?.directives ??
      (draft.human.directives.length > 0 ? draft.human.directives : meetingDirectives),
    recommendations: options.human?.recommendations ?? draft.human.recommendations,
  };

  const isMinistry = unit.kind === 'ministry';
  const unitName = ctx.graph.nameOn(unit.id, date);
  return {
    issuer: { parentName: isMinistry ? null : 'Bộ Công an', name: unitName, place: placeName(unit, date) },
    document: {
      number: options.number ?? null,
      symbol: isMinistry ? 'BC-BCA' : `BC-CA${unit.code}`,
      issueDate,
      typeName: 'BÁO CÁO',
      summary: `Kết quả công tác ${monthText(period)}, phương hướng nhiệm vụ ${monthText(next)}`,
      // Directives and tasks in the document mark it at their level; figures mark it through their rows.
      secrecy: highestSecrecy([
        ...(human.directives === meetingDirectives ? shownDirectives.map((d) => d.secrecy) : []),
        ...taskSecrecy,
      ]),
      addressees: isMinistry ? [] : ['Bộ Công an'],
    },
    period: {
      id: period.id,
      label: monthText(period),
      shortLabel: periodLabelVi(period),
      windowStart: window.start,
      windowEnd: window.end,
      previousLabel: periodLabelVi(prev),
      samePeriodLastYearLabel: `cùng kỳ năm ${period.year - 1}`,
      samePeriodLastYearStart: lastYearWindow.start,
      samePeriodLastYearEnd: lastYearWindow.end,
      nextLabel: monthText(next),
    },
    fields,
    unitTable:
      columns.length > 0 && byUnit.size > 0
        ? {
            unitHeading: isMinistry ? 'Công an tỉnh, thành phố' : 'Đơn vị',
            columns: columns.map((c) => {
              const indicator = ctx.catalogue.indicator(c.code);
              const optionName =
                c.option === null
                  ? ''
                  : ` (${indicator?.options.find((o) => o.code === c.option)?.nameVi ?? c.option})`;
              return {
                indicator: c.code,
                option: c.option,
                title: `${indicator?.nameVi ?? c.code}${optionName}`,
                unit: indicator?.unit ?? '',
                decimals: displayDecimals(indicator?.unit ?? '', indicator?.decimals ?? 0),
                secrecy: lens.levelOf(unit.id, c.code),
              };
            }),
            rows: [...byUnit.values()].sort((a, b) => a.unitCode.localeCompare(b.unitCode)),
            total: { unitCode: unit.code, unitName: isMinistry ? 'Toàn quốc' : unitName, cells: totalCells },
          }
        : null,
    submissions: [...perProvince.values()].sort((a, b) => a.unitCode.localeCompare(b.unitCode)),
    tasks: options.tasks ?? taskRows,
    human,
    trends,
    signer: isMinistry
      ? { authority: 'KT. BỘ TRƯỞNG', position: 'THỨ TRƯỞNG', rank: null, name: '' }
      : { authority: null, position: 'GIÁM ĐỐC', rank: null, name: '' },
    recipients: isMinistry
      ? [
          'Đồng chí Bộ trưởng (để báo cáo)',
          'Các đồng chí Thứ trưởng',
          'Các đơn vị thuộc Bộ',
          'Công an các tỉnh, thành phố',
          'Lưu: VT, V01',
        ]
      : ['Như trên', 'Lưu: VT, PV01'],
  };
}
