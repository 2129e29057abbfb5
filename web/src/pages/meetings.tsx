import { useState } from 'preact/hooks';
import { ApiError, apiGet, apiSend } from '../api.ts';
import { useLang } from '../i18n.ts';
import { href, navigate } from '../router.ts';
import { useWorkspace } from '../session.ts';
import { useLoad } from '../use-load.ts';
import { CampaignsPage } from './campaigns.tsx';
import { TargetsPage } from './targets.tsx';
import { type TaskRow, TaskTable } from './tasks.tsx';

interface MeetingRow {
  id: number;
  title: string;
  period: string;
  heldOn: string;
  place: string;
  chair: string;
  statusLabel: string;
  conclusion: { number: string; date: string; text: string } | null;
}

interface MeetingDetail extends MeetingRow {
  agenda: Array<{ id: number; title: string; presenter: string | null; outcomeLabel: string }>;
  minutes: string | null;
  packFrozenAt: string | null;
  directives: Array<{
    id: number;
    position: number;
    content: string;
    deadlineText: string;
    tasks: TaskRow[];
  }>;
}

interface Pack {
  asOf: string;
  frozen: boolean;
  figures: Array<{ indicator: string; name: string; value: number | null; yoy: number | null }>;
  overdue: TaskRow[];
  followUp: { tasks: TaskRow[]; summary: { completionRate: number | null } };
}

const viDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** Giao ban: the list of meetings, one meeting, and the campaign and target views under it. */
export function MeetingsPage(props: { sub: string | null; params: Record<string, string> }) {
  if (props.sub === 'dot-cao-diem') return <CampaignsPage params={props.params} />;
  if (props.sub === 'chi-tieu') return <TargetsPage params={props.params} />;
  if (props.sub && /^\d+$/.test(props.sub)) return <MeetingView id={Number(props.sub)} />;
  return <MeetingList />;
}

function field(
  label: string,
  value: string,
  set: (v: string) => void,
  type: 'text' | 'date' = 'text',
  name?: string,
) {
  const onInput = (e: Event) => set((e.target as HTMLInputElement).value);
  return type === 'date' ? (
    <label>
      {label}
      <input type="date" name={name} value={value} onInput={onInput} />
    </label>
  ) : (
    <label>
      {label}
      <input type="text" name={name} value={value} onInput={onInput} />
    </label>
  );
}

function MeetingList() {
  const { t } = useLang();
  const ws = useWorkspace();
  const [load] = useLoad(() => apiGet<{ meetings: MeetingRow[] }>('/api/meetings'), []);
  const [period, setPeriod] = useState(ws.period);
  const [heldOn, setHeldOn] = useState(ws.me.today);
  const [place, setPlace] = useState('Trụ sở Bộ Công an, Hà Nội');
  const [chair, setChair] = useState('');
  const [error, setError] = useState<string | null>(null);
  const canManage = ws.me.role === 'analyst' || ws.me.role === 'leader';
  const create = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      const m = await apiSend<{ id: number }>('POST', '/api/meetings', { period, heldOn, place, chair });
      navigate(href('giao-ban', String(m.id), { unit: ws.unitCode, period: ws.period }));
    } catch (err) {
      setError(err instanceof ApiError ? err.messageVi : String(err));
    }
  };
  const sub = (name: string, label: string) => (
    <a href={href('giao-ban', name, { unit: ws.unitCode, period: ws.period })}>{label}</a>
  );
  return (
    <section class="page">
      <h1>{t('meetingsHeading')}</h1>
      <nav class="tabs">
        {sub('dot-cao-diem', t('mtgCampaigns'))} · {sub('chi-tieu', t('mtgTargets'))}
      </nav>
      {load.state === 'failed' && <p class="error">{load.error.messageVi}</p>}
      {load.state === 'ready' && (
        <table class="data-table meeting-list">
          <thead>
            <tr>
              <th>{t('mtgHeldOn')}</th>
              <th>{t('meetingsHeading')}</th>
              <th>{t('mtgChair')}</th>
              <th>{t('mtgConclusion')}</th>
            </tr>
          </thead>
          <tbody>
            {load.data.meetings.map((m) => (
              <tr key={m.id}>
                <td>{viDate(m.heldOn)}</td>
                <td>
                  <a href={href('giao-ban', String(m.id), { unit: ws.unitCode, period: ws.period })}>
                    {m.title}
                  </a>
                  <div class="muted">{m.statusLabel}</div>
                </td>
                <td>{m.chair}</td>
                <td>{m.conclusion ? `${m.conclusion.number} (${viDate(m.conclusion.date)})` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canManage && (
        <form class="panel meeting-form" onSubmit={create}>
          <h2>{t('mtgNew')}</h2>
          {field(t('mtgPeriod'), period, setPeriod, 'text', 'period')}
          {field(t('mtgHeldOn'), heldOn, setHeldOn, 'date', 'heldOn')}
          {field(t('mtgPlace'), place, setPlace, 'text', 'place')}
          {field(t('mtgChair'), chair, setChair, 'text', 'chair')}
          <button type="submit">{t('mtgNew')}</button>
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </section>
  );
}

function MeetingView(props: { id: number }) {
  const { t } = useLang();
  const ws = useWorkspace();
  const [load, reload] = useLoad(() => apiGet<MeetingDetail>(`/api/meetings/${props.id}`), [props.id]);
  const [pack, reloadPack] = useLoad(() => apiGet<Pack>(`/api/meetings/${props.id}/pack`), [props.id]);
  const [content, setContent] = useState('');
  const [lead, setLead] = useState('');
  const [coordinating, setCoordinating] = useState('');
  const [deadline, setDeadline] = useState('');
  const [error, setError] = useState<string | null>(null);
  const canManage = ws.me.role === 'analyst' || ws.me.role === 'leader';
  const addDirective = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await apiSend('POST', `/api/meetings/${props.id}/directives`, {
        content,
        leadUnit: lead.trim(),
        coordinatingUnits: coordinating
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
        deadline: { kind: 'date', date: deadline },
      });
      setContent('');
      reload();
      reloadPack();
    } catch (err) {
      setError(err instanceof ApiError ? err.messageVi : String(err));
    }
  };
  const hold = async () => {
    try {
      await apiSend('POST', `/api/meetings/${props.id}/hold`);
      reload();
      reloadPack();
    } catch (err) {
      setError(err instanceof ApiError ? err.messageVi : String(err));
    }
  };
  if (load.state === 'loading') return <p class="muted">{t('loading')}</p>;
  if (load.state === 'failed') return <p class="error">{load.error.messageVi}</p>;
  const m = load.data;
  return (
    <section class="page meeting-detail">
      <h1>{m.title}</h1>
      <p class="lead">
        {viDate(m.heldOn)} · {m.place} · {t('mtgChair')}: {m.chair} · {m.statusLabel}
      </p>
      <h2>{t('mtgAgenda')}</h2>
      <ol class="agenda">
        {m.agenda.map((a) => (
          <li key={a.id}>
            {a.title} {a.presenter ? `(${a.presenter})` : ''} — <em>{a.outcomeLabel}</em>
          </li>
        ))}
      </ol>
      <h2>{t('mtgPack')}</h2>
      {pack.state === 'ready' && (
        <div class="pack">
          <p class="muted">
            {pack.data.frozen
              ? `Đã chốt theo ngày ${viDate(pack.data.asOf)}`
              : `Tính đến ${viDate(pack.data.asOf)}`}
          </p>
          <h3>{t('mtgOverdue')}</h3>
          <TaskTable tasks={pack.data.overdue} actions={false} />
          <h3>{t('mtgFollowUp')}</h3>
          <p>
            {t('taskCompletion')}: {pack.data.followUp.summary.completionRate ?? '—'}%
          </p>
          <TaskTable tasks={pack.data.followUp.tasks} actions={false} />
        </div>
      )}
      {canManage && !m.packFrozenAt && (
        <button type="button" onClick={hold}>
          {t('mtgHold')}
        </button>
      )}
      <h2>{t('mtgDirectives')}</h2>
      {m.directives.map((d) => (
        <div class="directive" key={d.id}>
          <p>
            <strong>{d.position}.</strong> {d.content} — {t('mtgDeadline')}: {d.deadlineText}
          </p>
          <TaskTable tasks={d.tasks} onChanged={reload} />
        </div>
      ))}
      {canManage && (
        <form class="panel directive-form" onSubmit={addDirective}>
          <h3>{t('mtgAddDirective')}</h3>
          <label>
            {t('mtgContent')}
            <textarea
              name="content"
              value={content}
              onInput={(e) => setContent((e.target as HTMLTextAreaElement).value)}
            />
          </label>
          {field(t('mtgLead'), lead, setLead, 'text', 'leadUnit')}
          {field(t('mtgCoordinating'), coordinating, setCoordinating, 'text', 'coordinatingUnits')}
          {field(t('mtgDeadline'), deadline, setDeadline, 'date', 'deadline')}
          <button type="submit">{t('mtgAddDirective')}</button>
        </form>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {m.minutes && (
        <>
          <h2>{t('mtgMinutes')}</h2>
          <pre class="minutes">{m.minutes}</pre>
        </>
      )}
      {m.conclusion && (
        <>
          <h2>{t('mtgConclusion')}</h2>
          <pre class="conclusion">{m.conclusion.text}</pre>
        </>
      )}
    </section>
  );
}
