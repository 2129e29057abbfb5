import type { Kysely } from 'kysely';
import { AnalyticsEngine } from '../analytics/engine.ts';
import { asOfAnalyticsSource } from '../analytics/repository.ts';
import { type DataStatus, dataStatusOf } from '../analytics/service.ts';
import { DEFAULT_INCLUDE, type IncludeLevel } from '../analytics/status.ts';
import type { AppContext } from '../app/context.ts';
import { resolvePeriod } from '../app/resolve.ts';
import type { Actor } from '../audit/actor.ts';
import { appendAudit } from '../audit/repository.ts';
import { inScope, OMITTED_NOTICE_VI, type Principal, secrecyLens } from '../auth/gate.ts';
import type { Database } from '../db/schema.ts';
import { notifyTaskAssigned } from '../notifications/service.ts';
import { periodLabelVi } from '../periods/period.ts';
import { parseInstant } from '../shared/clock.ts';
import { AppError } from '../shared/errors.ts';
import { deepFreeze } from '../shared/freeze.ts';
import { RecentMap } from '../shared/recent-map.ts';
import { clearanceAllows, highestSecrecy, type SecrecyLevel } from '../shared/secrecy.ts';
import { completeness } from '../submissions/service.ts';
import {
  assignDirective,
  type DirectiveInput,
  listTasks,
  type TaskView,
  taskSummary,
} from '../tasks/service.ts';
import { formatDate, type IsoDate, vietnamDateOf } from '../vietnamese/dates.ts';
import { conclusionText } from './conclusion.ts';
import {
  type AgendaItem,
  MEETING_STATUS_LABEL_VI,
  type MeetingRecord,
  OUTCOME_LABEL_VI,
  type OutcomeKind,
} from './model.ts';
import {
  claimMeetingVersion,
  insertAgendaItem,
  insertMeeting,
  loadAgenda,
  loadMeetings,
  previousMeeting,
  updateAgendaOutcome,
  updateMeeting,
} from './repository.ts';

export interface MeetingView {
  id: number;
  title: string;
  period: string;
  periodLabel: string;
  heldOn: IsoDate;
  place: string;
  chair: string;
  participants: Array<{ code: string; name: string }>;
  status: MeetingRecord['status'];
  statusLabel: string;
  packFrozenAt: string | null;
  conclusion: MeetingRecord['conclusion'];
  secrecy: SecrecyLevel;
  /** The version to send back with an update of the meeting or its texts. */
  version: number;
}

/** The briefing pack: what the meeting reads, frozen as of its date so it can be reproduced later. */
export interface BriefingPack {
  meetingId: number;
  period: string;
  periodLabel: string;
  asOf: IsoDate;
  builtAt: string;
  frozen: boolean;
  /** What the figures count (frozen packs made before data status was recorded counted submitted reports). */
  include?: DataStatus['include'];
  counts?: DataStatus['counts'];
  statusCoverage?: DataStatus['statusCoverage'];
  figures: Array<{
    indicator: string;
    name: string;
    option: string | null;
    unit: string;
    value: number | null;
    prev: number | null;
    yoy: number | null;
    changePrevPct: number | null;
    changeYoyPct: number | null;
  }>;
  completeness: { form: string; expected: number; onTime: number; late: number; missing: number } | null;
  /** Tasks falling due between the previous meeting and this one, and every task overdue on the meeting date. */
  tasksDue: TaskView[];
  overdue: TaskView[];
  /** The follow-up of earlier conclusions: tasks still open, or finished since the previous meeting. */
  followUp: { previousMeetingId: number | null; summary: ReturnType<typeof taskSummary>; tasks: TaskView[] };
}

export function presentMeeting(ctx: AppContext, m: MeetingRecord): MeetingView {
  return {
    id: m.id,
    title: m.title,
    period: m.period,
    periodLabel: periodLabelVi(resolvePeriod(m.period)),
    heldOn: m.heldOn,
    place: m.place,
    chair: m.chair,
    participants: m.participantIds.map((id) => ({
      code: ctx.graph.require(id).code,
      name: ctx.graph.nameOn(id, m.heldOn),
    })),
    status: m.status,
    statusLabel: MEETING_STATUS_LABEL_VI[m.status],
    packFrozenAt: m.packFrozenAt,
    conclusion: m.conclusion,
    secrecy: m.secrecy,
    version: m.version,
  };
}

/**
 * Moves the meeting on from the version the client read, inside the change's transaction; a stale version is
 * refused with 409 naming the current one, so that two people editing a meeting's texts never overwrite each
 * other unseen.
 */
export async function takeMeetingVersion(trx: Kysely<Database>, id: number, readAt: number): Promise<void> {
  if (await claimMeetingVersion(trx, id, readAt)) return;
  const [current] = await loadMeetings(trx, [id]);
  throw new AppError(
    'conflict',
    'Hội nghị vừa được người khác cập nhật: hãy tải lại để xem nội dung mới rồi sửa lại',
    'the meeting changed meanwhile: reload it and edit again',
    [{ field: 'version', reason: `hiện là ${current?.version ?? 0}` }],
  );
}

export async function listMeetings(
  ctx: AppContext,
  clearance: SecrecyLevel = 'tuyet_mat',
): Promise<MeetingView[]> {
  return (await loadMeetings(ctx.store.db))
    .filter((m) => clearanceAllows(clearance, m.secrecy))
    .map((m) => presentMeeting(ctx, m));
}

export async function requireMeeting(ctx: AppContext, id: number): Promise<MeetingRecord> {
  const [m] = await loadMeetings(ctx.store.db, [id]);
  if (!m)
    throw new AppError('not_found', `Không tìm thấy hội nghị số ${id}`, `meeting ${id} not found`, [
      { field: 'id', reason: 'không tồn tại' },
    ]);
  return m;
}

export interface MeetingInput {
  title?: string | undefined;
  period: string;
  campaignId?: number | null | undefined;
  heldOn: IsoDate;
  place: string;
  chair: string;
  participantIds: number[];
  agenda?: Array<{
    title: string;
    presenter?: string | null | undefined;
    outcomeKind?: OutcomeKind | undefined;
  }>;
  secrecy?: SecrecyLevel | undefined;
}

/**
 * Creates a meeting. Its agenda opens with the follow-up of the previous meeting's conclusions whenever that
 * meeting left directives, so open items are carried over without anyone having to remember them.
 */
export async function createMeeting(
  ctx: AppContext,
  input: MeetingInput,
  actor: Actor,
): Promise<MeetingView> {
  const period = resolvePeriod(input.period);
  const title =
    input.title?.normalize('NFC').trim() ||
    `Hội nghị giao ban ${periodLabelVi(period).replace(/^Tháng/, 'tháng')}`;
  for (const [field, value] of [
    ['place', input.place],
    ['chair', input.chair],
  ] as const) {
    if (!value.trim())
      throw new AppError(
        'bad_request',
        `Thiếu ${field === 'place' ? 'địa điểm' : 'người chủ trì'}`,
        `${field} is required`,
        [{ field, reason: 'bắt buộc' }],
      );
  }
  const at = ctx.clock.now().toISOString();
  const id = await ctx.store.write(async (trx) => {
    const meetingId = await insertMeeting(trx, {
      title,
      period: period.id,
      campaignId: input.campaignId ?? null,
      heldOn: input.heldOn,
      place: input.place.normalize('NFC').trim(),
      chair: input.chair.normalize('NFC').trim(),
      participantIds: [...new Set(input.participantIds)],
      secrecy: input.secrecy ?? 'mat',
      at,
      userId: actor.id,
    });
    const prev = await previousMeeting(trx, input.heldOn, meetingId);
    if (prev) {
      const directives = await trx
        .selectFrom('directive')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('meeting_id', '=', prev.id)
        .executeTakeFirst();
      if (Number(directives?.n ?? 0) > 0) {
        await insertAgendaItem(trx, meetingId, {
          title: `Kiểm điểm việc thực hiện kết luận tại ${prev.title}`,
          presenter: 'Văn phòng Bộ',
          outcomeKind: 'information',
          outcome: null,
          carriedTaskId: null,
        });
      }
    }
    for (const item of input.agenda ?? []) {
      await insertAgendaItem(trx, meetingId, {
        title: item.title.normalize('NFC').trim(),
        presenter: item.presenter ?? null,
        outcomeKind: item.outcomeKind ?? 'information',
        outcome: null,
        carriedTaskId: null,
      });
    }
    await appendAudit(trx, {
      at,
      actorId: actor.id,
      actorName: actor.name,
      action: 'meeting.create',
      target: `meeting:${meetingId}`,
      unitId: null,
      secrecy: input.secrecy ?? 'mat',
      details: { title, period: period.id, heldOn: input.heldOn, chair: input.chair },
    });
    return meetingId;
  });
  return presentMeeting(ctx, await requireMeeting(ctx, id));
}

/** The pack computed now, as of `asOf` (the meeting date, or today if that is earlier). */
export async function buildPack(
  ctx: AppContext,
  m: MeetingRecord,
  asOf: IsoDate,
  include: IncludeLevel = DEFAULT_INCLUDE,
): Promise<BriefingPack> {
  const period = resolvePeriod(m.period);
  const root = ctx.graph.root(asOf);
  // Figures as they stood on the morning of the meeting: corrections made afterwards do not change the pack.
  const engine =
    asOf < ctx.clock.today()
      ? new AnalyticsEngine(
          ctx.graph,
          ctx.catalogue,
          asOfAnalyticsSource(ctx.store.db, ctx.graph, parseInstant(asOf).toISOString()),
        )
      : ctx.engine;
  const [rows, status] = await Promise.all([
    engine.aggregate({ unitId: root.id, period, compare: true, coverage: false, include }),
    // The coverage by status once for the pack, not per figure.
    dataStatusOf(ctx, { unitId: root.id, period, include }, engine),
  ]);
  const figures = rows
    .filter((r) => r.value !== null && clearanceAllows(m.secrecy, r.secrecy))
    .map((r) => ({
      indicator: r.indicator,
      name: ctx.catalogue.indicator(r.indicator)?.nameVi ?? r.indicator,
      option: r.option,
      unit: r.unit,
      value: r.value,
      prev: r.prev ?? null,
      yoy: r.yoy ?? null,
      changePrevPct: r.change_prev?.percent ?? null,
      changeYoyPct: r.change_yoy?.percent ?? null,
    }));
  let complete: BriefingPack['completeness'] = null;
  if (period.type === 'month') {
    const c = await completeness(ctx, { form: 'BC-THANG', period: period.id, unit: root.code });
    complete = { form: c.form, expected: c.expected, onTime: c.onTime, late: c.late, missing: c.missing };
  }
  const prev = await previousMeeting(ctx.store.db, m.heldOn, m.id);
  const all = await listTasks(ctx, asOf);
  const earlier = all.filter((t) => t.meetingHeldOn < m.heldOn && t.meetingId !== m.id);
  const since = prev?.heldOn ?? '0000-01-01';
  const tasksDue = earlier.filter((t) => t.dueDate > since && t.dueDate <= asOf);
  const overdue = earlier.filter((t) => t.status === 'overdue');
  // Done before the previous meeting means already reported there; everything else is followed up here.
  const followUp = earlier.filter(
    (t) =>
      !(t.status === 'done_on_time' || t.status === 'done_late') ||
      (t.confirmedAt !== null && t.confirmedAt > since),
  );
  const rank = (t: TaskView) =>
    t.status === 'overdue' ? 0 : t.status === 'not_started' ? 1 : t.status === 'in_progress' ? 2 : 3;
  followUp.sort(
    (a, b) => rank(a) - rank(b) || a.dueDate.localeCompare(b.dueDate) || a.unit.localeCompare(b.unit),
  );
  return {
    meetingId: m.id,
    period: period.id,
    periodLabel: periodLabelVi(period),
    asOf,
    builtAt: ctx.clock.now().toISOString(),
    frozen: false,
    ...status,
    figures,
    completeness: complete,
    tasksDue,
    overdue,
    followUp: { previousMeetingId: prev?.id ?? null, summary: taskSummary(followUp), tasks: followUp },
  };
}

/**
 * Frozen packs as read from their record, by meeting: the record never changes once written, and reading its JSON
 * again cost more than the rest of a pack's read. Kept frozen (shared by every reader) and checked against the
 * record's text, so a record that is not the one read (another database, a restore) is read anew.
 */
const frozenPacks = new RecentMap<number, { text: string; pack: BriefingPack }>(64);

function frozenPackOf(m: MeetingRecord & { pack: string }): BriefingPack {
  const kept = frozenPacks.get(m.id);
  if (kept && kept.text === m.pack) return kept.pack;
  const pack = deepFreeze(JSON.parse(m.pack) as BriefingPack);
  frozenPacks.set(m.id, { text: m.pack, pack });
  return pack;
}

/** The frozen pack when there is one, otherwise the pack as it stands today (or on the meeting date). */
export async function meetingPack(
  ctx: AppContext,
  m: MeetingRecord,
  include?: IncludeLevel,
): Promise<BriefingPack> {
  if (m.pack) {
    const frozen = frozenPackOf({ ...m, pack: m.pack });
    // The frozen pack is the record; other statuses are computed as of the same moment, and are not frozen.
    if (include === undefined || include === (frozen.include ?? DEFAULT_INCLUDE))
      return { include: DEFAULT_INCLUDE, ...frozen };
    return livePack(ctx, m, frozen.asOf, include);
  }
  const today = ctx.clock.today();
  const asOf = [today, m.heldOn].sort()[0] ?? today;
  return livePack(ctx, m, asOf, include);
}

/**
 * A pack built from the data as it stands, kept with the engine's answers: the figures, reports, tasks, meetings,
 * units and secrecy decisions it is built from all move the data generation those answers are keyed by, and the
 * meeting's version and the day are in the key. Shared and frozen: each reader's view is made from it.
 */
function livePack(
  ctx: AppContext,
  m: MeetingRecord,
  asOf: IsoDate,
  include: IncludeLevel | undefined,
): Promise<BriefingPack> {
  const key = JSON.stringify([m.id, m.version, asOf, ctx.clock.today(), include ?? null]);
  return ctx.engine.cached(`pack:${key}`, () => buildPack(ctx, m, asOf, include));
}

/** Marks the meeting held and freezes its pack as of the meeting date; later corrections do not change it. */
export async function holdMeeting(ctx: AppContext, id: number, actor: Actor): Promise<MeetingView> {
  const m = await requireMeeting(ctx, id);
  const now = ctx.clock.now();
  if (vietnamDateOf(now) < m.heldOn)
    throw new AppError(
      'conflict',
      `Chưa đến ngày họp (${m.heldOn}); chỉ chốt tài liệu khi hội nghị diễn ra`,
      'the meeting has not taken place yet',
      [{ field: 'heldOn', reason: 'chưa đến ngày họp' }],
    );
  if (m.pack)
    throw new AppError('conflict', 'Tài liệu hội nghị đã được chốt', 'the pack is already frozen', [
      { field: 'pack', reason: 'đã chốt' },
    ]);
  const pack = { ...(await buildPack(ctx, m, m.heldOn)), frozen: true };
  const at = now.toISOString();
  await ctx.store.write(async (trx) => {
    await takeMeetingVersion(trx, id, m.version);
    await updateMeeting(trx, id, { status: 'held', pack: JSON.stringify(pack), packFrozenAt: at }, at);
    await appendAudit(trx, {
      at,
      actorId: actor.id,
      actorName: actor.name,
      action: 'meeting.hold',
      target: `meeting:${id}`,
      unitId: null,
      secrecy: m.secrecy,
      details: { asOf: m.heldOn, figures: pack.figures.length, followUp: pack.followUp.tasks.length },
    });
  });
  return presentMeeting(ctx, await requireMeeting(ctx, id));
}

export async function setMinutes(
  ctx: AppContext,
  id: number,
  minutes: string,
  actor: Actor,
  secrecy: SecrecyLevel | undefined,
  version: number,
): Promise<MeetingView> {
  const m = await requireMeeting(ctx, id);
  const at = ctx.clock.now().toISOString();
  // Minutes are never below the meeting's level; they may be set above it.
  const level = highestSecrecy([m.secrecy, secrecy ?? m.minutesSecrecy]);
  await ctx.store.write(async (trx) => {
    await takeMeetingVersion(trx, id, version);
    await updateMeeting(trx, id, { minutes: minutes.normalize('NFC'), minutesSecrecy: level }, at);
    await appendAudit(trx, {
      at,
      actorId: actor.id,
      actorName: actor.name,
      action: 'meeting.minutes',
      target: `meeting:${id}`,
      unitId: null,
      secrecy: level,
      details: { length: minutes.length },
    });
  });
  return presentMeeting(ctx, await requireMeeting(ctx, id));
}

/** Issues the Thông báo kết luận: its number and date, and the text listing every directive. */
export async function issueConclusion(
  ctx: AppContext,
  id: number,
  input: { number: string; date: IsoDate; summary?: string | undefined; version: number },
  actor: Actor,
): Promise<MeetingView> {
  const m = await requireMeeting(ctx, id);
  if (!/^\d+\/TB-[\p{L}\d-]+$/u.test(input.number.trim()))
    throw new AppError(
      'bad_request',
      'Số thông báo phải có dạng 45/TB-BCA',
      'the notice number must look like 45/TB-BCA',
      [{ field: 'number', reason: 'sai định dạng (ví dụ 45/TB-BCA)' }],
    );
  if (input.date < m.heldOn)
    throw new AppError(
      'bad_request',
      'Ngày thông báo kết luận trước ngày họp',
      'the notice predates the meeting',
      [{ field: 'date', reason: 'trước ngày họp' }],
    );
  const directives = await directivesOf(ctx, id);
  const text = conclusionText({
    meeting: presentMeeting(ctx, m),
    number: input.number.trim(),
    date: input.date,
    summary: input.summary ?? null,
    directives: directives.map((d) => ({
      content: d.content,
      lead: d.leadUnitName,
      coordinating: d.coordinating.map((c) => c.name),
      deadline: d.deadlineText,
    })),
  });
  const at = ctx.clock.now().toISOString();
  await ctx.store.write(async (trx) => {
    await takeMeetingVersion(trx, id, input.version);
    await updateMeeting(
      trx,
      id,
      { status: 'concluded', conclusion: { number: input.number.trim(), date: input.date, text } },
      at,
    );
    await appendAudit(trx, {
      at,
      actorId: actor.id,
      actorName: actor.name,
      action: 'meeting.conclude',
      target: `meeting:${id}`,
      unitId: null,
      secrecy: m.secrecy,
      details: { number: input.number.trim(), date: input.date, directives: directives.length },
    });
  });
  return presentMeeting(ctx, await requireMeeting(ctx, id));
}

export async function addAgendaItem(
  ctx: AppContext,
  id: number,
  item: {
    title: string;
    presenter?: string | null | undefined;
    outcomeKind: OutcomeKind;
    outcome?: string | null | undefined;
    secrecy?: SecrecyLevel | undefined;
  },
  actor: Actor,
  version: number,
): Promise<AgendaItem[]> {
  const m = await requireMeeting(ctx, id);
  if (!item.title.trim())
    throw new AppError(
      'bad_request',
      'Nội dung chương trình không được để trống',
      'agenda item title is empty',
      [{ field: 'title', reason: 'bắt buộc' }],
    );
  const at = ctx.clock.now().toISOString();
  await ctx.store.write(async (trx) => {
    await takeMeetingVersion(trx, id, version);
    const itemId = await insertAgendaItem(trx, id, {
      title: item.title.normalize('NFC').trim(),
      presenter: item.presenter ?? null,
      outcomeKind: item.outcomeKind,
      outcome: item.outcome ?? null,
      carriedTaskId: null,
      secrecy: item.secrecy && item.secrecy !== m.secrecy ? highestSecrecy([m.secrecy, item.secrecy]) : null,
    });
    await appendAudit(trx, {
      at,
      actorId: actor.id,
      actorName: actor.name,
      action: 'meeting.agenda',
      target: `meeting:${id}/agenda:${itemId}`,
      unitId: null,
      secrecy: highestSecrecy([m.secrecy, item.secrecy ?? 'none']),
      details: { title: item.title, outcomeKind: item.outcomeKind },
    });
  });
  return loadAgenda(ctx.store.db, id);
}

export async function setAgendaOutcome(
  ctx: AppContext,
  id: number,
  itemId: number,
  outcome: { outcomeKind: OutcomeKind; outcome: string | null },
  actor: Actor,
  version: number,
): Promise<AgendaItem[]> {
  const m = await requireMeeting(ctx, id);
  const at = ctx.clock.now().toISOString();
  await ctx.store.write(async (trx) => {
    await takeMeetingVersion(trx, id, version);
    if (!(await updateAgendaOutcome(trx, id, itemId, outcome)))
      throw new AppError(
        'not_found',
        `Không có mục chương trình số ${itemId}`,
        `agenda item ${itemId} not found`,
        [{ field: 'itemId', reason: 'không tồn tại' }],
      );
    await appendAudit(trx, {
      at,
      actorId: actor.id,
      actorName: actor.name,
      action: 'meeting.outcome',
      target: `meeting:${id}/agenda:${itemId}`,
      unitId: null,
      secrecy: m.secrecy,
      details: { outcomeKind: outcome.outcomeKind, label: OUTCOME_LABEL_VI[outcome.outcomeKind] },
    });
  });
  return loadAgenda(ctx.store.db, id);
}

export interface DirectiveView {
  id: number;
  position: number;
  content: string;
  leadUnit: string;
  leadUnitName: string;
  coordinating: Array<{ code: string; name: string }>;
  deadlineText: string;
  indicators: string[];
  secrecy: SecrecyLevel;
  tasks: TaskView[];
}

/** The meeting's directives, each with the tasks of its units as of today. */
export async function directivesOf(ctx: AppContext, meetingId: number): Promise<DirectiveView[]> {
  const today = ctx.clock.today();
  const tasks = await listTasks(ctx, '9999-12-31', { meetingIds: [meetingId], includeCancelled: true });
  const views = new Map<number, DirectiveView>();
  for (const t of tasks) {
    let d = views.get(t.directiveId);
    if (!d) {
      d = {
        id: t.directiveId,
        position: t.directiveNo,
        content: t.directive,
        leadUnit: t.leadUnit,
        leadUnitName: t.leadUnitName,
        coordinating: [],
        deadlineText: t.deadlineText,
        indicators: t.indicators,
        secrecy: t.secrecy,
        tasks: [],
      };
      views.set(t.directiveId, d);
    }
    if (t.role === 'coordinate') d.coordinating.push({ code: t.unit, name: t.unitName });
  }
  // Statuses as of today, not of the far future used above to see every task.
  const current = await listTasks(ctx, today, { meetingIds: [meetingId], includeCancelled: true });
  for (const t of current) views.get(t.directiveId)?.tasks.push(t);
  return [...views.values()].sort((a, b) => a.position - b.position);
}

export async function meetingDetail(ctx: AppContext, m: MeetingRecord) {
  return {
    ...presentMeeting(ctx, m),
    agenda: (await loadAgenda(ctx.store.db, m.id)).map((a) => ({
      ...a,
      outcomeLabel: OUTCOME_LABEL_VI[a.outcomeKind],
    })),
    minutes: m.minutes,
    directives: await directivesOf(ctx, m.id),
  };
}

/** Replaces every withheld text inside a longer text (minutes, the conclusion notice, agenda items). */
function redact(text: string | null, withheld: string[]): string | null {
  if (text === null) return null;
  let out = text;
  for (const secret of withheld) if (secret.trim()) out = out.split(secret).join('[đã lược bỏ]');
  return out;
}

/** Tasks the principal may see: within their subtree and their clearance. */
export function tasksFor(ctx: AppContext, principal: Principal, tasks: TaskView[]): TaskView[] {
  const today = ctx.clock.today();
  const root = ctx.graph.root(today).id;
  return tasks.filter((t) => {
    if (!clearanceAllows(principal.clearance, t.secrecy)) return false;
    if (principal.unitId === root) return true;
    const unit = ctx.graph.findByCode(t.unit, today) ?? ctx.graph.findByCode(t.unit, t.assignedOn);
    return unit !== undefined && inScope(ctx, principal, unit.id, today);
  });
}

/**
 * The meeting as the principal may read it: directives above their clearance are left out, and their text is
 * struck from the minutes, the agenda and the conclusion notice; tasks outside their subtree are left out.
 */
export async function meetingDetailFor(ctx: AppContext, m: MeetingRecord, principal: Principal) {
  const detail = await meetingDetail(ctx, m);
  const withheld = detail.directives.filter((d) => !clearanceAllows(principal.clearance, d.secrecy));
  const hiddenItems = detail.agenda.filter(
    (a) => !clearanceAllows(principal.clearance, a.secrecy ?? m.secrecy),
  );
  const minutesShown = clearanceAllows(principal.clearance, m.minutesSecrecy);
  const secrets = [
    ...withheld.map((d) => d.content),
    ...hiddenItems.flatMap((a) => [a.title, a.outcome ?? '']),
    ...(minutesShown ? [] : [detail.minutes ?? '']),
  ];
  const omitted = withheld.length + hiddenItems.length + (minutesShown || detail.minutes === null ? 0 : 1);
  const directives = detail.directives
    .filter((d) => clearanceAllows(principal.clearance, d.secrecy))
    .map((d) => ({ ...d, tasks: tasksFor(ctx, principal, d.tasks) }));
  return {
    ...detail,
    secrecy: highestSecrecy([
      m.secrecy,
      ...directives.map((d) => d.secrecy),
      ...detail.agenda.map((a) => a.secrecy ?? 'none').filter((l) => clearanceAllows(principal.clearance, l)),
      ...(minutesShown && detail.minutes !== null ? [m.minutesSecrecy] : []),
    ]),
    agenda: detail.agenda
      .filter((a) => !hiddenItems.includes(a))
      .map((a) => ({
        ...a,
        title: redact(a.title, secrets) ?? a.title,
        outcome: redact(a.outcome, secrets),
      })),
    minutes: minutesShown ? redact(detail.minutes, secrets) : null,
    conclusion: detail.conclusion
      ? { ...detail.conclusion, text: redact(detail.conclusion.text, secrets) ?? '' }
      : null,
    directives,
    withheld: omitted,
    ...(omitted > 0 ? { notice: OMITTED_NOTICE_VI } : {}),
  };
}

/** The conclusion notice as the principal may read it. */
export async function conclusionFor(ctx: AppContext, m: MeetingRecord, principal: Principal) {
  return (await meetingDetailFor(ctx, m, principal)).conclusion;
}

/**
 * The pack as the principal may read it: figures classified above their clearance (decisions included, carried up
 * from the units below) and tasks outside their subtree or clearance are left out; the summary is recomputed.
 */
export async function meetingPackFor(
  ctx: AppContext,
  m: MeetingRecord,
  principal: Principal,
  include?: IncludeLevel,
) {
  const pack = await meetingPack(ctx, m, include);
  const lens = await secrecyLens(ctx, pack.asOf);
  const root = ctx.graph.root(pack.asOf).id;
  const figures = pack.figures
    .map((f) => ({ ...f, secrecy: lens.levelOf(root, f.indicator) }))
    .filter((f) => clearanceAllows(principal.clearance, f.secrecy));
  const tasks = (list: TaskView[]) => tasksFor(ctx, principal, list);
  const followUp = tasks(pack.followUp.tasks);
  const withheldDirectives = [...pack.tasksDue, ...pack.overdue, ...pack.followUp.tasks].some(
    (t) => !clearanceAllows(principal.clearance, t.secrecy),
  );
  const withheld = pack.figures.length - figures.length;
  return {
    ...pack,
    figures,
    tasksDue: tasks(pack.tasksDue),
    overdue: tasks(pack.overdue),
    followUp: { ...pack.followUp, summary: taskSummary(followUp), tasks: followUp },
    secrecy: highestSecrecy([m.secrecy, ...figures.map((f) => f.secrecy), ...followUp.map((t) => t.secrecy)]),
    withheld,
    ...(withheld > 0 || withheldDirectives ? { notice: OMITTED_NOTICE_VI } : {}),
  };
}

/**
 * Adds a directive to a meeting read at `readAt` (409 when it changed meanwhile), assigns its tasks and tells the
 * units' users, in one transaction. A classified directive is announced without its text: a notification (and its
 * e-mail) reaches every user of the units, whatever their clearance, and the text is read in the system.
 */
export function addDirective(
  ctx: AppContext,
  meetingId: number,
  readAt: number,
  input: DirectiveInput,
  actor: Actor,
  on: IsoDate,
  at: string,
): Promise<{ directiveId: number; taskIds: number[] }> {
  return ctx.store.write(async (trx) => {
    await takeMeetingVersion(trx, meetingId, readAt);
    const assigned = await assignDirective(ctx, trx, meetingId, input, actor, on, at);
    await notifyTaskAssigned(ctx, trx, {
      taskIds: assigned.taskIds,
      unitIds: [input.leadUnitId, ...input.coordinatingUnitIds],
      content:
        input.secrecy === 'none'
          ? input.content
          : 'Có nội dung chỉ đạo mật mới; đăng nhập hệ thống để xem (theo độ mật được tiếp cận)',
      deadlineText: input.deadline.kind === 'date' ? formatDate(input.deadline.date) : '',
    });
    return assigned;
  });
}
