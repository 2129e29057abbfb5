import { useState } from 'preact/hooks';
import { ApiError, apiSend, freshGet, takeArrived } from '../api.ts';
import { tasksPath } from '../first-reads.ts';
import { type MessageKey, useLang } from '../i18n.ts';
import { href, updateParams } from '../router.ts';
import { useWorkspace } from '../session.ts';
import type { Me, Task, TaskList } from '../types.ts';
import { useLoad } from '../use-load.ts';

/** A task as the task list and the meeting pages show it. */
export type TaskRow = Task;

const viDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

// Which actions a stored state allows (the server's rules in src/tasks/status.ts); the server checks again.
const STATE_ACTIONS: Record<string, readonly TaskAction[]> = {
  assigned: ['report', 'report_done'],
  in_progress: ['report', 'report_done'],
  extended: ['report', 'report_done'],
  extension_requested: ['report'],
  reported_done: ['confirm', 'return'],
};
type TaskAction = 'report' | 'report_done' | 'confirm' | 'return';
const ACTION_LABEL: Record<TaskAction, MessageKey> = {
  report: 'taskReport',
  report_done: 'taskReportDone',
  confirm: 'taskConfirm',
  return: 'taskReturn',
};

/**
 * The actions the signed-in user may take on a task, so that nobody is offered a button the server would refuse:
 * a unit reports its own work; the assigning side (ministry office, or the province over its departments)
 * confirms or returns it.
 */
export function allowedTaskActions(task: TaskRow, me: Me): TaskAction[] {
  const own = task.unit === me.unit.code;
  const mayReport = own && (me.role === 'officer' || me.role === 'approver');
  const mayConfirm = !own && (me.role === 'analyst' || me.role === 'leader' || me.role === 'approver');
  return (STATE_ACTIONS[task.stateStored] ?? []).filter((a) =>
    a === 'confirm' || a === 'return' ? mayConfirm : mayReport,
  );
}

/** A table of tasks with their derived status; actions appear for the rows the user may act on. */
export function TaskTable(props: {
  tasks: TaskRow[];
  onChanged?: () => void;
  actions?: boolean;
  label?: string;
}) {
  const { lang, t } = useLang();
  const ws = useWorkspace();
  const [open, setOpen] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const act = async (task: TaskRow, action: TaskAction) => {
    setError(null);
    setDone(null);
    try {
      await apiSend('POST', `/api/tasks/${task.id}/${action}`, {
        note: note.trim() || null,
        version: task.version,
      });
      setNote('');
      setOpen(null);
      setDone(`${t(ACTION_LABEL[action])}: ${task.unitName} — ${t('taskSaved')}`);
      props.onChanged?.();
    } catch (e) {
      setError(e instanceof ApiError ? e.messageVi : String(e));
    }
  };
  const toggle = (id: number) => {
    setError(null);
    setNote('');
    setOpen(open === id ? null : id);
  };
  const withActions = props.actions !== false;
  if (props.tasks.length === 0) return <p class="muted empty-tasks">{t('taskNone')}</p>;
  return (
    <>
      {done && (
        <p class="notice notice-success task-done" role="status">
          {done}
        </p>
      )}
      <div class="table-scroll">
        <table class="data-table task-table" aria-label={props.label}>
          <thead>
            <tr>
              <th scope="col">{t('mtgContent')}</th>
              <th scope="col">{t('taskUnit')}</th>
              <th scope="col">{t('mtgDeadline')}</th>
              <th scope="col">{t('taskStatus')}</th>
              {withActions && <th scope="col">{t('taskActions')}</th>}
            </tr>
          </thead>
          <tbody>
            {props.tasks.map((task) => {
              const allowed = withActions ? allowedTaskActions(task, ws.me) : [];
              const panelId = `task-panel-${task.id}`;
              return (
                <tr
                  key={task.id}
                  class={task.status === 'overdue' ? 'task-row is-overdue' : 'task-row'}
                  data-task={task.id}
                  data-unit={task.unit}
                  data-status={task.status}
                  data-state={task.stateStored}
                >
                  <td>
                    {task.directive}
                    <div class="muted">{task.meeting}</div>
                  </td>
                  <td>
                    {task.unitName} ({task.unit})
                    <div class="muted">{task.role === 'lead' ? t('taskLead') : t('taskCoordinate')}</div>
                  </td>
                  <td>{task.deadlineText}</td>
                  <td>
                    <span class={`task-status status-${task.status}`}>
                      {lang === 'en' ? (TASK_STATUS_EN[task.status] ?? task.statusLabel) : task.statusLabel}
                    </span>
                    {task.status === 'overdue' && task.daysLate > 0 && (
                      <span class="task-late"> ({lateness(task.daysLate, lang)})</span>
                    )}
                    <div class="muted">
                      {lang === 'en' ? (TASK_STATE_EN[task.stateStored] ?? task.stateLabel) : task.stateLabel}
                    </div>
                  </td>
                  {withActions && (
                    <td>
                      {allowed.length === 0 ? (
                        <span class="muted">—</span>
                      ) : (
                        <>
                          <button
                            type="button"
                            class="button-quiet button-small"
                            aria-expanded={open === task.id}
                            aria-controls={panelId}
                            onClick={() => toggle(task.id)}
                          >
                            {t('taskAct')}
                          </button>
                          {open === task.id && (
                            <div class="task-actions" id={panelId}>
                              <label>
                                {t('taskNote')}
                                <textarea
                                  rows={3}
                                  value={note}
                                  onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
                                />
                              </label>
                              <div class="form-buttons">
                                {allowed.map((action) => (
                                  <button
                                    key={action}
                                    type="button"
                                    class={action === 'return' ? 'button-quiet' : 'button-primary'}
                                    onClick={() => act(task, action)}
                                  >
                                    {t(ACTION_LABEL[action])}
                                  </button>
                                ))}
                              </div>
                              {error && (
                                <p class="field-error" role="alert">
                                  {error}
                                </p>
                              )}
                            </div>
                          )}
                        </>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Nhiệm vụ: my unit's tasks, all tasks by unit and status, the overdue list. */
export function TasksPage(props: { params: Record<string, string> }) {
  const { t } = useLang();
  const ws = useWorkspace();
  const view = props.params.view ?? 'mine';
  const filterUnit = props.params.of ?? '';
  const [unitText, setUnitText] = useState(filterUnit);
  const [load, reload] = useLoad(
    () => freshGet<TaskList>(tasksPath(props.params)),
    [view, props.params.status, props.params.at, filterUnit],
    { keepOnReload: true, initial: () => takeArrived<TaskList>(tasksPath(props.params)) },
  );
  const tab = (name: string, label: string) => (
    <a
      class={view === name ? 'tab active' : 'tab'}
      aria-current={view === name ? 'page' : undefined}
      href={href('nhiem-vu', null, { unit: ws.unitCode, period: ws.period, view: name })}
    >
      {label}
    </a>
  );
  const filter = (e: Event) => {
    e.preventDefault();
    updateParams({ of: unitText.trim() || null });
  };
  return (
    <section class="page tasks-page">
      <h1>{t('tasksHeading')}</h1>
      <nav class="tabs" aria-label={t('tasksHeading')}>
        {tab('mine', t('taskMine'))}
        {tab('all', t('taskAll'))}
        {tab('overdue', t('taskOverdue'))}
      </nav>
      {view !== 'mine' && (
        <form class="inline-form task-filter" onSubmit={filter}>
          <label>
            {t('taskFilterUnit')}
            <input
              type="text"
              name="of"
              inputMode="numeric"
              value={unitText}
              onInput={(e) => setUnitText((e.target as HTMLInputElement).value)}
            />
          </label>
          <button type="submit" class="button-quiet">
            {t('taskFilter')}
          </button>
        </form>
      )}
      {load.state === 'loading' && <p class="muted">{t('loading')}</p>}
      {load.state === 'failed' && <p class="error">{load.error.messageVi}</p>}
      {load.state === 'ready' && (
        <>
          <p class="task-summary">
            {t('taskCompletion')}: <strong>{load.data.summary.completionRate ?? '—'}%</strong> ·{' '}
            {t('taskOverdue')}: <strong>{load.data.summary.overdue}</strong>/{load.data.summary.fallenDue} ·{' '}
            {t('taskAsOf')} {viDate(load.data.asOf)}
          </p>
          <TaskTable tasks={load.data.tasks} onChanged={reload} label={t('tasksHeading')} />
        </>
      )}
    </section>
  );
}

/**
 * How long a task has been overdue, in words a reader takes in at once: days for the first two months, then
 * months, then years and months ("quá hạn 6 năm 5 tháng" rather than "quá hạn 2348 ngày").
 */
export function lateness(days: number, lang: 'vi' | 'en'): string {
  const vi = lang === 'vi';
  if (days < 60) return vi ? `quá hạn ${days} ngày` : `${days} days overdue`;
  const months = Math.floor(days / 30.4375);
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (years === 0) return vi ? `quá hạn ${months} tháng` : `${months} months overdue`;
  if (vi) return `quá hạn ${years} năm${rest > 0 ? ` ${rest} tháng` : ''}`;
  return `${years} year${years > 1 ? 's' : ''}${rest > 0 ? ` ${rest} month${rest > 1 ? 's' : ''}` : ''} overdue`;
}

/** The server labels statuses in Vietnamese; English mode names them from the codes. */
const TASK_STATUS_EN: Record<string, string> = {
  not_started: 'Not started',
  in_progress: 'In progress – on time',
  done_on_time: 'Done on time',
  done_late: 'Done late',
  overdue: 'Not done – overdue',
  cancelled: 'Cancelled',
};

const TASK_STATE_EN: Record<string, string> = {
  assigned: 'Assigned',
  in_progress: 'In progress',
  reported_done: 'Reported done (awaiting confirmation)',
  confirmed_done: 'Confirmed done',
  extension_requested: 'Extension requested',
  extended: 'Extended',
  cancelled: 'Cancelled',
};
