import { useState } from 'preact/hooks';
import { ApiError, apiGet, apiSend, query } from '../api.ts';
import { useLang } from '../i18n.ts';
import { href } from '../router.ts';
import { useWorkspace } from '../session.ts';
import { useLoad } from '../use-load.ts';

export interface TaskRow {
  id: number;
  directive: string;
  meetingId: number;
  meeting: string;
  unit: string;
  unitName: string;
  leadUnit: string;
  role: 'lead' | 'coordinate';
  deadline: string;
  deadlineText: string;
  status: string;
  statusLabel: string;
  stateStored: string;
  stateLabel: string;
  confirmedAt: string | null;
  daysLate: number;
}

interface TaskList {
  asOf: string;
  summary: { total: number; fallenDue: number; overdue: number; completionRate: number | null };
  tasks: TaskRow[];
}

const viDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** A table of tasks with their derived status; actions appear for the rows the user may act on. */
export function TaskTable(props: { tasks: TaskRow[]; onChanged?: () => void; actions?: boolean }) {
  const { t } = useLang();
  const [open, setOpen] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const act = async (id: number, action: string) => {
    setError(null);
    try {
      await apiSend('POST', `/api/tasks/${id}/${action}`, { note: note || null });
      setNote('');
      setOpen(null);
      props.onChanged?.();
    } catch (e) {
      setError(e instanceof ApiError ? e.messageVi : String(e));
    }
  };
  return (
    <table class="data-table task-table">
      <thead>
        <tr>
          <th>{t('mtgContent')}</th>
          <th>{t('taskUnit')}</th>
          <th>{t('mtgDeadline')}</th>
          <th>{t('taskStatus')}</th>
          {props.actions !== false && <th />}
        </tr>
      </thead>
      <tbody>
        {props.tasks.map((task) => (
          <tr key={task.id} data-task={task.id} data-unit={task.unit} data-status={task.status}>
            <td>
              {task.directive}
              <div class="muted">{task.meeting}</div>
            </td>
            <td>
              {task.unitName} ({task.unit}){task.role === 'lead' ? ' — chủ trì' : ''}
            </td>
            <td>{task.deadlineText}</td>
            <td>
              <span class={`task-status status-${task.status}`}>{task.statusLabel}</span>
              <div class="muted">{task.stateLabel}</div>
            </td>
            {props.actions !== false && (
              <td>
                {open === task.id ? (
                  <div class="task-actions">
                    <label>
                      {t('taskNote')}
                      <textarea
                        value={note}
                        onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
                      />
                    </label>
                    <button type="button" onClick={() => act(task.id, 'report')}>
                      {t('taskReport')}
                    </button>
                    <button type="button" onClick={() => act(task.id, 'report_done')}>
                      {t('taskReportDone')}
                    </button>
                    <button type="button" onClick={() => act(task.id, 'confirm')}>
                      {t('taskConfirm')}
                    </button>
                    <button type="button" onClick={() => act(task.id, 'return')}>
                      {t('taskReturn')}
                    </button>
                    {error && (
                      <p class="error" role="alert">
                        {error}
                      </p>
                    )}
                  </div>
                ) : (
                  <button type="button" onClick={() => setOpen(task.id)}>
                    {t('taskReport')}…
                  </button>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Nhiệm vụ: my unit's tasks, all tasks by unit and status, the overdue list. */
export function TasksPage(props: { params: Record<string, string> }) {
  const { t } = useLang();
  const ws = useWorkspace();
  const view = props.params.view ?? 'mine';
  const [load, reload] = useLoad(
    () =>
      apiGet<TaskList>(
        `/api/tasks${query({
          scope: view === 'mine' ? 'mine' : 'all',
          status: view === 'overdue' ? 'overdue' : props.params.status,
          at: props.params.at,
        })}`,
      ),
    [view, props.params.status, props.params.at],
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
  return (
    <section class="page">
      <h1>{t('tasksHeading')}</h1>
      <nav class="tabs">
        {tab('mine', t('taskMine'))}
        {tab('all', t('taskAll'))}
        {tab('overdue', t('taskOverdue'))}
      </nav>
      {load.state === 'loading' && <p class="muted">{t('loading')}</p>}
      {load.state === 'failed' && <p class="error">{load.error.messageVi}</p>}
      {load.state === 'ready' && (
        <>
          <p class="task-summary">
            {t('taskCompletion')}: {load.data.summary.completionRate ?? '—'}% · {t('taskOverdue')}:{' '}
            {load.data.summary.overdue}/{load.data.summary.fallenDue} · {viDate(load.data.asOf)}
          </p>
          <TaskTable tasks={load.data.tasks} onChanged={reload} />
        </>
      )}
    </section>
  );
}
