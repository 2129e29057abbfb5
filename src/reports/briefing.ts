import { type AggregateRow, AnalyticsEngine, type AnalyticsSource } from '../analytics/engine.ts';
import { asOfAnalyticsSource } from '../analytics/repository.ts';
import { countedStatuses, DEFAULT_INCLUDE, type IncludeLevel } from '../analytics/status.ts';
import type { AppContext } from '../app/context.ts';
import { resolvePeriod, resolveUnitForPeriod } from '../app/resolve.ts';
import { OMITTED_NOTICE_VI, secrecyLens } from '../auth/gate.ts';
import { listCampaigns } from '../campaigns/service.ts';
import type { ReportKind, ReportLevel, TargetStatus } from '../documents/index.ts';
import type {
  BriefingReport,
  ComparedValue,
  FieldReport,
  Figure,
  TrendSeries,
  UnitRow,
} from '../documents/model.ts';
import { figureKey } from '../documents/model.ts';
import { RULES } from '../documents/rules.ts';
import { FIELDS } from '../indicators/catalogue.ts';
import type { FieldCode } from '../indicators/model.ts';
import { reporterKindsOn } from '../indicators/model.ts';
import { directivesOf, listMeetings } from '../meetings/service.ts';
import {
  halfPeriod,
  monthPeriod,
  monthsOf,
  type Period,
  periodLabelVi,
  previousPeriod,
  quarterPeriod,
  samePeriodLastYear,
  yearPeriod,
} from '../periods/period.ts';
import { periodWindow, referenceDate } from '../periods/regime.ts';
import { applySecrecyDecisions } from '../secrecy/overrides.ts';
import { parseInstant } from '../shared/clock.ts';
import { AppError } from '../shared/errors.ts';
import { clearanceAllows, highestSecrecy, type SecrecyLevel } from '../shared/secrecy.ts';
import { deadlineFor } from '../submissions/deadlines.ts';
import { completeness } from '../submissions/service.ts';
import { listTargets, targetProgress } from '../targets/service.ts';
import { listTasks } from '../tasks/service.ts';
import type { Unit } from '../units/model.ts';
import { versionOn } from '../units/model.ts';
import { formatDate, formatNumber } from '../vietnamese/index.ts';
import { readDraft } from './draft.ts';
import { loadIssuedMoment } from './repository.ts';
import { chooseSigner, defaultSymbol, eventsFor, readDocumentSetting } from './settings.ts';

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

const ROMAN_QUARTER = ['I', 'II', 'III', 'IV'];

/** "tháng 02 năm 2020", "quý I năm 2020", "6 tháng đầu năm 2020", "9 tháng đầu năm 2020", "năm 2025". */
export function periodText(period: Period): string {
  switch (period.type) {
    case 'month':
      return `tháng ${period.month <= 2 ? String(period.month).padStart(2, '0') : period.month} năm ${period.year}`;
    case 'quarter':
      return `quý ${ROMAN_QUARTER[period.quarter - 1]} năm ${period.year}`;
    case 'half':
      return `6 tháng ${period.half === 1 ? 'đầu' : 'cuối'} năm ${period.year}`;
    case 'ytd':
      return period.month === 12 ? `năm ${period.year}` : `${period.month} tháng đầu năm ${period.year}`;
    case 'year':
      return `năm ${period.year}`;
    default:
      return periodLabelVi(period);
  }
}

/** The kind of a periodic report, or null for periods no report is made for (days, ranges). */
export function reportKindOf(period: Period): ReportKind | null {
  switch (period.type) {
    case 'month':
      return 'month';
    case 'quarter':
      return 'quarter';
    case 'half':
      return 'half';
    case 'ytd':
      return period.month === 9 ? 'nine_months' : null;
    case 'year':
      return 'year';
    default:
      return null;
  }
}

/** The period the "phương hướng" looks ahead to: the next month or quarter, the second half, the next year. */
function nextOf(period: Period): Period {
  switch (period.type) {
    case 'month':
      return monthPeriod(period.year, period.month + 1);
    case 'quarter':
      return period.quarter === 4
        ? quarterPeriod(period.year + 1, 1)
        : quarterPeriod(period.year, period.quarter + 1);
    case 'half':
      return period.half === 1 ? halfPeriod(period.year, 2) : halfPeriod(period.year + 1, 1);
    case 'ytd':
      return quarterPeriod(period.year, 4);
    default:
      return yearPeriod((period as { year: number }).year + 1);
  }
}

/** Trích yếu: a 6-month report is a review (sơ kết), a year report a summing-up (tổng kết). */
function summaryOf(kind: ReportKind, period: Period, next: Period): string {
  const head =
    kind === 'half' && period.type === 'half' && period.half === 1
      ? 'Sơ kết công tác'
      : kind === 'year'
        ? 'Tổng kết công tác'
        : 'Kết quả công tác';
  return `${head} ${periodText(period)}, phương hướng nhiệm vụ ${periodText(next)}`;
}

function levelOf(unit: Unit): ReportLevel {
  if (unit.kind === 'ministry') return 'national';
  if (unit.kind === 'province') return 'province';
  if (unit.kind === 'department') return 'department';
  return 'commune';
}

/** The moment a report is computed and dated as of. */
export interface IssueMoment {
  /** The document's date (YYYY-MM-DD, in Vietnam). */
  date: string;
  /** Why that date, in words ("ngày hội nghị giao ban 26/02/2020"). */
  basis: string;
  /** The instant every figure and the reporting table are read as of (ISO, UTC). */
  figuresAsOf: string;
}

/** The close of a day in Vietnam, as an instant. */
function closeOfDay(date: string): string {
  return new Date(`${date}T23:59:59.999+07:00`).toISOString();
}

/** The day in Vietnam (UTC+7) of an instant. */
function vietnamDay(instant: string): string {
  return new Date(new Date(instant).getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The moment of the rule, for a report not yet issued. A unit's report is due upward at its own level's deadline
 * (Decree 09/2019 art. 8.5: per-level deadlines in working days after the window; a commune's falls before its
 * province's), so it is issued at the close of that day with what its units had sent by then. The ministry's report
 * is read at its briefing, held after the provinces' deadline: on the morning of the briefing (the instant the
 * meeting's pack is frozen at), or, with no briefing held for the period, at the close of the latest deadline of the
 * units reporting to it.
 */
export function reportMoment(
  ctx: AppContext,
  unit: Unit,
  period: Period,
  meetings: Array<{ heldOn: string }>,
): IssueMoment {
  const form = ctx.catalogue.form('BC-THANG') ?? {
    reporters: [],
    deadline: { workingDaysAfterWindowEnd: {} },
  };
  const window = periodWindow(period);
  const kinds: string[] = reporterKindsOn(form, window.end);
  const deadlineOf = (kind: Unit['kind']) => deadlineFor(form, period, kind);
  if (unit.kind !== 'ministry') {
    const deadline = deadlineOf(unit.kind);
    return {
      date: deadline,
      basis: `hết hạn gửi báo cáo ${formatDate(deadline)}`,
      figuresAsOf: closeOfDay(deadline),
    };
  }
  const deadline =
    (['province', 'department'] as const)
      .filter((k) => kinds.includes(k))
      .map(deadlineOf)
      .sort()
      .at(-1) ?? deadlineOf('province');
  const briefing = meetings.find((m) => m.heldOn >= window.end);
  if (briefing)
    return {
      date: briefing.heldOn,
      basis: `ngày hội nghị giao ban ${formatDate(briefing.heldOn)}`,
      figuresAsOf: parseInstant(briefing.heldOn).toISOString(),
    };
  return {
    date: deadline,
    basis: `hết hạn gửi báo cáo ${formatDate(deadline)}`,
    figuresAsOf: closeOfDay(deadline),
  };
}

/**
 * The moment a report is computed as of: a date the caller gives (the close of that day), the moment recorded
 * when the version in force was issued, or the rule's. A moment still to come reads the figures as they are now.
 */
async function momentOf(
  ctx: AppContext,
  unit: Unit,
  period: Period,
  meetings: Array<{ heldOn: string }>,
  options: BriefingOptions,
): Promise<IssueMoment> {
  const now = ctx.clock.now().toISOString();
  const capped = (m: IssueMoment): IssueMoment => (m.figuresAsOf > now ? { ...m, figuresAsOf: now } : m);
  if (options.issueDate !== undefined)
    return capped({
      date: options.issueDate,
      basis: `ngày ban hành ${formatDate(options.issueDate)}`,
      figuresAsOf: closeOfDay(options.issueDate),
    });
  if (!options.issuing) {
    const issued = await loadIssuedMoment(ctx.store.db, unit.id, period.id);
    if (issued)
      return (
        issued.moment ?? {
          // Issued before the moment was recorded: as it stood when it was issued.
          date: vietnamDay(issued.issuedAt),
          basis: `ngày ban hành ${formatDate(vietnamDay(issued.issuedAt))}`,
          figuresAsOf: issued.issuedAt,
        }
      );
  }
  const rule = reportMoment(ctx, unit, period, meetings);
  if (options.issuing && rule.figuresAsOf > now) {
    const today = ctx.clock.today();
    return { date: today, basis: `ngày ban hành ${formatDate(today)}`, figuresAsOf: now };
  }
  return capped(rule);
}

export interface BriefingOptions {
  unit: string;
  period: string;
  /** The reader's clearance: figures above it are left out of the document. */
  clearance: SecrecyLevel;
  /**
   * The document's date, its figures read as they stood at the close of that day (or now, if that is still to come).
   * When omitted: the moment recorded when the report was issued, or the moment of the rule (`reportMoment`).
   */
  issueDate?: string;
  /**
   * A version being issued now: it computes its own moment (not the one recorded by an earlier version), and one
   * still to come is now, the document dated today.
   */
  issuing?: boolean;
  number?: number | null;
  human?: Partial<BriefingReport['human']>;
  tasks?: BriefingReport['tasks'];
  /** Index of the signer among the unit's configured signers; the first by default. */
  signer?: number;
  /**
   * Where the figures are read from: an analytics source, or one made for the issue moment (its date, YYYY-MM-DD),
   * e.g. figures as they stood then. The live roll-ups when omitted.
   */
  source?: AnalyticsSource | ((issueMoment: string) => AnalyticsSource);
  /** Which reports the figures count (default: submitted, approved and locked ones). */
  include?: IncludeLevel | undefined;
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
  const kind = reportKindOf(period);
  if (kind === null) {
    throw new AppError(
      'bad_request',
      'Báo cáo định kỳ lập theo tháng (2020-02), quý (2020-Q1), 6 tháng (2020-H1), 9 tháng (2020-09-ytd) hoặc năm (2020)',
      'a periodic report is for a month, quarter, half-year, nine months (YYYY-09-ytd) or year',
      [{ field: 'period', reason: 'kỳ báo cáo không phải tháng, quý, 6 tháng, 9 tháng hoặc năm' }],
    );
  }
  const unit = resolveUnitForPeriod(ctx.graph, options.unit, period);
  const date = referenceDate(period);
  const window = periodWindow(period);
  // Nine months have no previous period of their own; a year's previous period is the year before.
  const prev: Period | null = previousPeriod(period);
  const lastYear = samePeriodLastYear(period);
  const lastYearWindow = periodWindow(lastYear);
  const next = nextOf(period);
  const readable = (secrecy: SecrecyLevel) => clearanceAllows(options.clearance, secrecy);

  const allMeetings = await listMeetings(ctx, options.clearance);
  const meetings = allMeetings
    .filter(
      (m) => m.period === period.id || (kind !== 'month' && monthsOf(period).some((x) => x.id === m.period)),
    )
    .sort((a, b) => b.heldOn.localeCompare(a.heldOn));

  // The issue moment (issue 13.7): the document is dated from it, its tasks stand as of it and every figure, and the
  // reporting table, are read as they stood then, so regenerating a past report gives the same document.
  const issueMoment = await momentOf(ctx, unit, period, meetings, options);
  const figuresAt = issueMoment.figuresAsOf;
  const issueDate = issueMoment.date;
  // Where figures are read: the source the caller gives, the versions in force at a moment already past, or the live
  // roll-ups for a moment still to come (the figures as they stand now).
  const engine = options.source
    ? new AnalyticsEngine(
        ctx.graph,
        ctx.catalogue,
        typeof options.source === 'function' ? options.source(issueMoment.date) : options.source,
      )
    : figuresAt < ctx.clock.now().toISOString()
      ? new AnalyticsEngine(ctx.graph, ctx.catalogue, asOfAnalyticsSource(ctx.store.db, ctx.graph, figuresAt))
      : ctx.engine;
  const include = options.include ?? DEFAULT_INCLUDE;

  // The read gate: every figure, table column, trend, directive and task is judged at the reader's clearance,
  // with secrecy decisions carried up from the units below; what is left out is said in the document.
  const lens = await secrecyLens(ctx, date);
  let omitted = false;
  const allRows = await applySecrecyDecisions(
    ctx,
    unit.id,
    await engine.aggregate({ unitId: unit.id, period, compare: true, coverage: false, include }),
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
        // The engine's computed changes, printed as they are, so that text and tables give one number.
        changePrev: row.change_prev ?? null,
        changeYoy: row.change_yoy ?? null,
        notableYoy: row.notable_yoy ? row.notable_yoy.notable : null,
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
  // Every column of the appendix in one pass over the children (one read of cells, statuses and adjustments).
  const rankings = await engine.rankings({
    unitId: unit.id,
    period,
    columns: columns.map((c) => ({ indicator: c.code, option: c.option })),
    compare: true,
    kind: childKind,
    include,
  });
  columns.forEach((column, i) => {
    for (const r of rankings[i] ?? []) {
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
  });
  const totalCells: Record<string, ComparedValue> = {};
  for (const column of columns) {
    const row = rows.find((r: AggregateRow) => r.indicator === column.code && r.option === column.option);
    if (row)
      totalCells[figureKey(column.code, column.option)] = {
        value: row.value,
        previous: row.prev ?? null,
        samePeriodLastYear: row.yoy ?? null,
        // The narrative's like-for-like change, not one recomputed from totals that may count different units.
        ...(row.change_prev !== undefined ? { changePrevPct: row.change_prev?.percent ?? null } : {}),
        ...(row.change_yoy !== undefined ? { changeYoyPct: row.change_yoy?.percent ?? null } : {}),
      };
  }

  // The issuing unit's own level: what the total holds beyond its rows (the ministry's departments, a province's
  // own figures), so that the appendix adds up.
  const ownCells: Record<string, ComparedValue> = {};
  const residual = (total: number | null, parts: Array<number | null>) => {
    if (total === null) return null;
    const r = Math.round((total - parts.reduce<number>((a, b) => a + (b ?? 0), 0)) * 1000) / 1000;
    return Math.abs(r) < 1e-9 ? 0 : r;
  };
  for (const [key, t] of Object.entries(totalCells)) {
    const cells = [...byUnit.values()].map((r) => r.cells[key]);
    ownCells[key] = {
      value: residual(
        t.value,
        cells.map((c) => c?.value ?? null),
      ),
      previous: residual(
        t.previous,
        cells.map((c) => c?.previous ?? null),
      ),
      samePeriodLastYear: residual(
        t.samePeriodLastYear,
        cells.map((c) => c?.samePeriodLastYear ?? null),
      ),
    };
  }

  // Reporting: every month of the period, grouped by province (or department).
  const perProvince = new Map<
    string,
    { unitCode: string; unitName: string; expected: number; onTime: number; late: number; missing: number }
  >();
  const completenessMonths = kind === 'month' ? [period] : monthsOf(period);
  for (const month of completenessMonths) {
    const monthDate = referenceDate(month);
    const completenessReport = await completeness(ctx, {
      form: 'BC-THANG',
      period: month.id,
      unit: unit.code,
      asOf: figuresAt,
    });
    for (const view of completenessReport.units) {
      const u = ctx.graph.findByCode(view.unit, monthDate) as Unit;
      const chain = [u.id, ...ctx.graph.ancestorsOn(u.id, monthDate)].map((id) => ctx.graph.require(id));
      // The ministry reads reporting by province; a province or lower by the units that report to it.
      const group =
        unit.kind === 'ministry'
          ? (chain.find((c) => c.kind === 'province') ?? chain.find((c) => c.kind === 'department') ?? u)
          : u;
      const entry = perProvince.get(group.code) ?? {
        unitCode: group.code,
        unitName: ctx.graph.nameOn(group.id, date),
        expected: 0,
        onTime: 0,
        late: 0,
        missing: 0,
      };
      entry.expected++;
      // As the reports stood at the issue moment: one received after it had not been received then.
      if (view.timeliness === 'on_time') entry.onTime++;
      else if (view.timeliness === 'late') entry.late++;
      else entry.missing++;
      perProvince.set(group.code, entry);
    }
  }

  const lastMonth = monthsOf(period).at(-1) ?? monthPeriod(Number(period.id.slice(0, 4)), 12);
  const trendMonths = Array.from({ length: 24 }, (_, i) =>
    monthPeriod(lastMonth.year, lastMonth.month - 23 + i),
  );
  const trends: TrendSeries[] = [];
  for (const [code, option] of TREND_INDICATORS) {
    const indicator = ctx.catalogue.indicator(code);
    if (!indicator) continue;
    const level = lens.levelOf(unit.id, code);
    if (!readable(level)) {
      omitted = true;
      continue;
    }
    const points = await engine.series({
      unitId: unit.id,
      indicator: code,
      option,
      months: trendMonths,
      include,
    });
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
  const meeting = meetings[0];
  const allDirectives = meeting ? await directivesOf(ctx, meeting.id) : [];
  const shownDirectives = allDirectives.filter((d) => readable(d.secrecy));
  if (shownDirectives.length < allDirectives.length) omitted = true;
  const meetingDirectives = shownDirectives.map((d) => d.content);

  // Follow-up: tasks set by meetings held up to the end of the data window (a meeting after it sets tasks for the
  // next report), as they stand at the issue moment.
  const followed = new Set(allMeetings.filter((m) => m.heldOn <= window.end).map((m) => m.id));
  const taskSecrecy: SecrecyLevel[] = [];
  const taskRows: BriefingReport['tasks'] =
    followed.size === 0
      ? []
      : (await listTasks(ctx, issueDate, { meetingIds: [...followed] }))
          .filter((t) => t.assignedOn <= window.end)
          .filter(
            (t) =>
              ctx.graph.isInSubtree(ctx.graph.findByCode(t.unit, issueDate)?.id ?? -1, unit.id, issueDate) ||
              unit.kind === 'ministry',
          )
          // Tasks finished before this window were reported in earlier reports.
          .filter((t) => t.status !== 'done_on_time' || (t.confirmedAt ?? window.start) >= window.start)
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

  // Tình hình chung from records: the register of events of this unit and the units above it, then what the system
  // knows (campaigns in the window, meetings held, a reorganisation).
  const upward = [unit.id, ...ctx.graph.ancestorsOn(unit.id, date)];
  const events = (await eventsFor(ctx, upward, window.start, window.end, readable)).map((e) => ({
    date: e.date,
    unitName: ctx.graph.nameOn(e.unitId, date),
    text: e.text,
    secrecy: e.secrecy,
  }));
  const context: string[] = [];
  const campaigns = (await listCampaigns(ctx)).filter(
    (c) => readable(c.secrecy) && c.start <= window.end && c.end >= window.start,
  );
  const campaignName = (name: string) =>
    /^(cao điểm|đợt|chiến dịch)/i.test(name)
      ? name.charAt(0).toLocaleLowerCase('vi') + name.slice(1)
      : `đợt cao điểm ${name}`;
  if (campaigns.length > 0)
    context.push(
      `Trong kỳ, triển khai ${campaigns
        .map((c) => `${campaignName(c.name)} (từ ngày ${formatDate(c.start)} đến ngày ${formatDate(c.end)})`)
        .join(
          '; ',
        )}${kind === 'year' ? '; kết quả từng đợt được tổng hợp trong các báo cáo chuyên đề' : ''}.`,
    );
  const held = allMeetings.filter((m) => m.heldOn >= window.start && m.heldOn <= window.end);
  if (held.length > 0)
    context.push(
      `${held.length > 1 ? `Đã tổ chức ${formatNumber(held.length)} hội nghị giao ban` : 'Đã tổ chức hội nghị giao ban'} (${held
        .map((m) => `ngày ${formatDate(m.heldOn)}`)
        .join(', ')}), quán triệt và giao nhiệm vụ cho các đơn vị, địa phương.`,
    );
  const reorganisation = RULES.reorganisations.find((r) => r.date >= window.start && r.date <= window.end);
  if (reorganisation)
    context.push(
      `Trong kỳ, thực hiện ${reorganisation.text}; lực lượng Công an được sắp xếp tương ứng, các số liệu theo đơn vị hành chính (như số đơn vị cấp xã) thay đổi do sắp xếp, không phản ánh kết quả công tác.`,
    );

  // Deployment targets due by the end of the period, as they stand at its end.
  const targets: TargetStatus[] = [];
  for (const t of await listTargets(ctx)) {
    if (t.deadline > window.end || t.deadline < lastYearWindow.end) continue;
    const progress = await targetProgress(ctx, t.id, window.end, include, engine);
    targets.push({ name: t.name, deadline: t.deadline, reached: progress.reached, total: progress.total });
  }

  const isMinistry = unit.kind === 'ministry';
  const unitName = ctx.graph.nameOn(unit.id, date);
  const setting = await readDocumentSetting(ctx, unit.id);
  const hasOwn = Object.values(ownCells).some(
    (c) => (c.value ?? 0) !== 0 || (c.previous ?? 0) !== 0 || (c.samePeriodLastYear ?? 0) !== 0,
  );
  return {
    issuer: { parentName: isMinistry ? null : 'Bộ Công an', name: unitName, place: placeName(unit, date) },
    document: {
      number: options.number ?? null,
      symbol: setting.symbol ?? defaultSymbol(unit, date),
      issueDate,
      typeName: 'BÁO CÁO',
      summary: summaryOf(kind, period, next),
      // Directives and tasks in the document mark it at their level; figures mark it through their rows.
      secrecy: highestSecrecy([
        ...(human.directives === meetingDirectives ? shownDirectives.map((d) => d.secrecy) : []),
        ...taskSecrecy,
      ]),
      addressees: isMinistry ? [] : ['Bộ Công an'],
    },
    period: {
      id: period.id,
      label: periodText(period),
      shortLabel: periodLabelVi(period),
      windowStart: window.start,
      windowEnd: window.end,
      previousLabel: prev ? periodLabelVi(prev) : '',
      // A year is compared with the year before by name ("so với năm 2024").
      samePeriodLastYearLabel:
        kind === 'year' && period.type === 'year'
          ? `năm ${period.year - 1}`
          : `cùng kỳ năm ${lastYear.type === 'day' || lastYear.type === 'range' ? '' : lastYear.year}`,
      samePeriodLastYearStart: lastYearWindow.start,
      samePeriodLastYearEnd: lastYearWindow.end,
      nextLabel: periodText(next),
      kind,
      previousStart: prev ? periodWindow(prev).start : undefined,
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
            own: hasOwn
              ? { unitCode: '', unitName: isMinistry ? 'Các đơn vị thuộc Bộ' : 'Cấp tỉnh', cells: ownCells }
              : null,
            total: { unitCode: unit.code, unitName: isMinistry ? 'Toàn quốc' : unitName, cells: totalCells },
          }
        : null,
    submissions: [...perProvince.values()].sort((a, b) => a.unitCode.localeCompare(b.unitCode)),
    tasks: options.tasks ?? taskRows,
    human,
    trends,
    signer: chooseSigner(unit, setting, options.signer),
    recipients: isMinistry
      ? [
          'Đồng chí Bộ trưởng (để báo cáo)',
          'Các đồng chí Thứ trưởng',
          'Các đơn vị thuộc Bộ',
          'Công an các tỉnh, thành phố',
          'Lưu: VT, V01',
        ]
      : [
          'Như trên',
          `Lưu: VT, ${(setting.symbol ?? defaultSymbol(unit, date)).split('-').slice(2).join('-') || 'VT'}`,
        ],
    level: levelOf(unit),
    events,
    context,
    targets,
    issueMoment,
    include,
    counts: countedStatuses(include),
  };
}
