import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SecrecyLevel } from '../shared/secrecy.ts';
import type { IsoDate } from '../vietnamese/dates.ts';
import type { Deadline, StoredState, TaskAction } from './status.ts';

/** A task as stored, with its directive and meeting, and its events in order. */
export interface TaskRecord {
  id: number;
  directiveId: number;
  directive: string;
  directivePosition: number;
  meetingId: number;
  meetingTitle: string;
  meetingHeldOn: IsoDate;
  unitId: number;
  leadUnitId: number;
  role: 'lead' | 'coordinate';
  state: StoredState;
  deadline: Deadline;
  assignedOn: IsoDate;
  confirmedOn: IsoDate | null;
  version: number;
  secrecy: SecrecyLevel;
  indicators: string[];
  events: TaskEventRecord[];
}

export interface TaskEventRecord {
  id: number;
  on: IsoDate;
  at: string;
  action: TaskAction | 'assign';
  fromState: StoredState;
  toState: StoredState;
  userId: number | null;
  actorName: string;
  note: string | null;
  period: string | null;
  figures: Record<string, number> | null;
  attachments: string[] | null;
  deadline: Deadline | null;
}

export interface DirectiveDraft {
  meetingId: number;
  position: number;
  content: string;
  leadUnitId: number;
  coordinatingUnitIds: number[];
  deadline: Deadline;
  indicators: string[];
  targetId: number | null;
  secrecy: SecrecyLevel;
  createdAt: string;
}

export async function insertDirective(trx: Kysely<Database>, d: DirectiveDraft): Promise<number> {
  const row = await trx
    .insertInto('directive')
    .values({
      meeting_id: d.meetingId,
      position: d.position,
      content: d.content,
      lead_unit_id: d.leadUnitId,
      coordinating: JSON.stringify(d.coordinatingUnitIds),
      deadline: JSON.stringify(d.deadline),
      indicators: JSON.stringify(d.indicators),
      target_id: d.targetId,
      secrecy: d.secrecy,
      created_at: d.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function nextDirectivePosition(db: Kysely<Database>, meetingId: number): Promise<number> {
  const row = await db
    .selectFrom('directive')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export async function insertTask(
  trx: Kysely<Database>,
  t: {
    directiveId: number;
    unitId: number;
    role: 'lead' | 'coordinate';
    deadline: Deadline;
    assignedOn: IsoDate;
    at: string;
  },
): Promise<number> {
  const row = await trx
    .insertInto('task')
    .values({
      directive_id: t.directiveId,
      unit_id: t.unitId,
      role: t.role,
      state: 'assigned',
      deadline: JSON.stringify(t.deadline),
      assigned_on: t.assignedOn,
      confirmed_on: null,
      version: 1,
      updated_at: t.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertTaskEvent(
  trx: Kysely<Database>,
  taskId: number,
  e: Omit<TaskEventRecord, 'id'>,
): Promise<void> {
  await trx
    .insertInto('task_event')
    .values({
      task_id: taskId,
      on_date: e.on,
      at: e.at,
      action: e.action,
      from_state: e.fromState,
      to_state: e.toState,
      user_id: e.userId,
      actor_name: e.actorName,
      note: e.note,
      period: e.period,
      figures: e.figures ? JSON.stringify(e.figures) : null,
      attachments: e.attachments ? JSON.stringify(e.attachments) : null,
      deadline: e.deadline ? JSON.stringify(e.deadline) : null,
    })
    .execute();
}

/** Moves a task to a new state if nobody changed it since `version` was read; false when someone did. */
export async function updateTaskState(
  trx: Kysely<Database>,
  id: number,
  changes: { state: StoredState; version: number; confirmedOn?: IsoDate | null; at: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('task')
    .set({
      state: changes.state,
      version: changes.version + 1,
      updated_at: changes.at,
      ...(changes.confirmedOn !== undefined ? { confirmed_on: changes.confirmedOn } : {}),
    })
    .where('id', '=', id)
    .where('version', '=', changes.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface TaskQuery {
  ids?: number[];
  meetingIds?: number[];
  unitIds?: number[];
}

/** Tasks with their directive, meeting and events, in meeting, directive and unit order. */
export async function loadTasks(db: Kysely<Database>, q: TaskQuery = {}): Promise<TaskRecord[]> {
  let query = db
    .selectFrom('task')
    .innerJoin('directive', 'directive.id', 'task.directive_id')
    .innerJoin('meeting', 'meeting.id', 'directive.meeting_id')
    .select([
      'task.id as id',
      'task.directive_id as directive_id',
      'directive.content as content',
      'directive.position as position',
      'directive.lead_unit_id as lead_unit_id',
      'directive.secrecy as secrecy',
      'directive.indicators as indicators',
      'meeting.id as meeting_id',
      'meeting.title as meeting_title',
      'meeting.held_on as held_on',
      'task.unit_id as unit_id',
      'task.role as role',
      'task.state as state',
      'task.deadline as deadline',
      'task.assigned_on as assigned_on',
      'task.confirmed_on as confirmed_on',
      'task.version as version',
    ]);
  if (q.ids) query = query.where('task.id', 'in', q.ids.length > 0 ? q.ids : [-1]);
  if (q.meetingIds) query = query.where('meeting.id', 'in', q.meetingIds.length > 0 ? q.meetingIds : [-1]);
  if (q.unitIds) query = query.where('task.unit_id', 'in', q.unitIds.length > 0 ? q.unitIds : [-1]);
  const rows = await query
    .orderBy('meeting.held_on')
    .orderBy('directive.position')
    .orderBy('task.role')
    .orderBy('task.id')
    .execute();
  const events = new Map<number, TaskEventRecord[]>();
  const ids = rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const evs = await db
      .selectFrom('task_event')
      .selectAll()
      .where('task_id', 'in', chunk)
      .orderBy('on_date')
      .orderBy('id')
      .execute();
    for (const e of evs) {
      const list = events.get(e.task_id) ?? [];
      list.push({
        id: e.id,
        on: e.on_date,
        at: e.at,
        action: e.action as TaskEventRecord['action'],
        fromState: e.from_state as StoredState,
        toState: e.to_state as StoredState,
        userId: e.user_id,
        actorName: e.actor_name,
        note: e.note,
        period: e.period,
        figures: e.figures ? (JSON.parse(e.figures) as Record<string, number>) : null,
        attachments: e.attachments ? (JSON.parse(e.attachments) as string[]) : null,
        deadline: e.deadline ? (JSON.parse(e.deadline) as Deadline) : null,
      });
      events.set(e.task_id, list);
    }
  }
  return rows.map((r) => ({
    id: r.id,
    directiveId: r.directive_id,
    directive: r.content,
    directivePosition: r.position,
    meetingId: r.meeting_id,
    meetingTitle: r.meeting_title,
    meetingHeldOn: r.held_on,
    unitId: r.unit_id,
    leadUnitId: r.lead_unit_id,
    role: r.role as 'lead' | 'coordinate',
    state: r.state as StoredState,
    deadline: JSON.parse(r.deadline) as Deadline,
    assignedOn: r.assigned_on,
    confirmedOn: r.confirmed_on,
    version: r.version,
    secrecy: r.secrecy as SecrecyLevel,
    indicators: JSON.parse(r.indicators) as string[],
    events: events.get(r.id) ?? [],
  }));
}
