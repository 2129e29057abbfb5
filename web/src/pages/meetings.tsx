import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, apiGet, apiSend } from '../api.ts';
import { Notice } from '../components/notice.tsx';
import { UnitField, UnitListField } from '../components/unit-field.tsx';
import { formatNumber, unitLabel } from '../format.ts';
import { useLang } from '../i18n.ts';
import { href, navigate } from '../router.ts';
import { useWorkspace } from '../session.ts';
import type { MeetingDetail, Meeting as MeetingRow, BriefingPack as Pack } from '../types.ts';
import { useLoad } from '../use-load.ts';
import { CampaignsPage } from './campaigns.tsx';
import { TargetsPage } from './targets.tsx';
import { TaskTable } from './tasks.tsx';

const viDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const messageOf = (err: unknown) => (err instanceof ApiError ? err.messageVi : String(err));

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
  extra: { required?: boolean; placeholder?: string; hint?: string } = {},
) {
  const onInput = (e: Event) => set((e.target as HTMLInputElement).value);
  // Field names are unique within each view, so they make stable ids for the labels.
  const id = `mtg-${name ?? label}`;
  return (
    <label class="form-field" htmlFor={id}>
      <span>{label}</span>
      {/* Preact's input types are a union per kind, so the two kinds are written out. */}
      {type === 'date' ? (
        <input type="date" id={id} name={name} value={value} onInput={onInput} required={extra.required} />
      ) : (
        <input
          type="text"
          id={id}
          name={name}
          value={value}
          onInput={onInput}
          required={extra.required}
          placeholder={extra.placeholder}
        />
      )}
      {extra.hint && <small class="muted">{extra.hint}</small>}
    </label>
  );
}

/** Who may create and run meetings: the roles with meeting.manage in the access policy. */
function canManageMeetings(role: string): boolean {
  return role === 'analyst' || role === 'leader';
}

function MeetingList() {
  const { lang, t } = useLang();
  const ws = useWorkspace();
  const [load] = useLoad(() => apiGet<{ meetings: MeetingRow[] }>('/api/meetings'), []);
  const [period, setPeriod] = useState(ws.period);
  const [heldOn, setHeldOn] = useState(ws.me.today);
  const [place, setPlace] = useState('Trụ sở Bộ Công an, Hà Nội');
  const [chair, setChair] = useState('');
  const [error, setError] = useState<string | null>(null);
  const canManage = canManageMeetings(ws.me.role);
  const create = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      const m = await apiSend<{ id: number }>('POST', '/api/meetings', { period, heldOn, place, chair });
      navigate(href('giao-ban', String(m.id), { unit: ws.unitCode, period: ws.period }));
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const sub = (name: string, label: string) => (
    <a href={href('giao-ban', name, { unit: ws.unitCode, period: ws.period })}>{label}</a>
  );
  return (
    <section class="page">
      <h1>{t('meetingsHeading')}</h1>
      <nav class="tabs" aria-label={t('meetingsHeading')}>
        {sub('dot-cao-diem', t('mtgCampaigns'))}
        {sub('chi-tieu', t('mtgTargets'))}
      </nav>
      {load.state === 'loading' && <p class="muted">{t('loading')}</p>}
      {load.state === 'failed' && <Notice kind="error">{load.error.messageVi}</Notice>}
      {load.state === 'ready' && (
        <div class="table-scroll">
          <table class="data-table meeting-list">
            <thead>
              <tr>
                <th scope="col">{t('mtgHeldOn')}</th>
                <th scope="col">{t('meetingsHeading')}</th>
                <th scope="col">{t('mtgChair')}</th>
                <th scope="col">{t('mtgConclusion')}</th>
              </tr>
            </thead>
            <tbody>
              {load.data.meetings.map((m) => (
                <tr key={m.id} data-meeting={m.id} data-period={m.period}>
                  <td>{viDate(m.heldOn)}</td>
                  <td>
                    <a href={href('giao-ban', String(m.id), { unit: ws.unitCode, period: ws.period })}>
                      {m.title}
                    </a>
                    <div class="muted">{lang === 'en' ? MEETING_STATUS_EN[m.status] : m.statusLabel}</div>
                  </td>
                  <td>{m.chair}</td>
                  <td>{m.conclusion ? `${m.conclusion.number} (${viDate(m.conclusion.date)})` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canManage && (
        <form class="panel meeting-form stacked-form" onSubmit={create}>
          <h2>{t('mtgNew')}</h2>
          <div class="form-grid">
            {field(t('mtgPeriod'), period, setPeriod, 'text', 'period', {
              required: true,
              placeholder: 'YYYY-MM',
            })}
            {field(t('mtgHeldOn'), heldOn, setHeldOn, 'date', 'heldOn', { required: true })}
            {field(t('mtgPlace'), place, setPlace, 'text', 'place', { required: true })}
            {field(t('mtgChair'), chair, setChair, 'text', 'chair', { required: true })}
          </div>
          <div class="form-buttons">
            <button type="submit" class="button-primary">
              {t('mtgCreate')}
            </button>
          </div>
          {error && <Notice kind="error">{error}</Notice>}
        </form>
      )}
    </section>
  );
}

/** A titled part of the meeting page, its heading naming the region for screen readers. */
function Part(props: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="meeting-part" id={props.id} aria-labelledby={`${props.id}-h`}>
      <h2 id={`${props.id}-h`}>{props.title}</h2>
      {props.children}
    </section>
  );
}

function MeetingView(props: { id: number }) {
  const { lang, t } = useLang();
  const ws = useWorkspace();
  const [load, reload] = useLoad(() => apiGet<MeetingDetail>(`/api/meetings/${props.id}`), [props.id], {
    keepOnReload: true,
  });
  // The pack holds the nation's figures: it is asked for only when the server says this reader may open it.
  const packReadable = load.state === 'ready' ? load.data.packReadable : null;
  const [pack, reloadPack] = useLoad(
    () => (packReadable ? apiGet<Pack>(`/api/meetings/${props.id}/pack`) : Promise.resolve(null)),
    [props.id, packReadable],
    { keepOnReload: true },
  );
  const [error, setError] = useState<string | null>(null);
  const canManage = canManageMeetings(ws.me.role);
  const hold = async () => {
    setError(null);
    try {
      await apiSend('POST', `/api/meetings/${props.id}/hold`);
      reload();
      reloadPack();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  if (load.state === 'loading') return <p class="muted">{t('loading')}</p>;
  if (load.state === 'failed') return <Notice kind="error">{load.error.messageVi}</Notice>;
  const m = load.data;
  const refresh = () => {
    reload();
    reloadPack();
  };
  return (
    <section class="page meeting-detail">
      <p class="breadcrumb">
        <a href={href('giao-ban', null, { unit: ws.unitCode, period: ws.period })}>{t('meetingsHeading')}</a>
      </p>
      <h1>{m.title}</h1>
      <p class="lead">
        {viDate(m.heldOn)} · {m.place} · {t('mtgChair')}: {m.chair} ·{' '}
        <span class="meeting-status">{lang === 'en' ? MEETING_STATUS_EN[m.status] : m.statusLabel}</span>
      </p>
      <nav class="meeting-toc" aria-label={t('mtgContents')}>
        <a href={`/giao-ban/${m.id}#tai-lieu`} onClick={jumpTo('tai-lieu')}>
          {t('mtgPack')}
        </a>
        <a href={`/giao-ban/${m.id}#chi-dao`} onClick={jumpTo('chi-dao')}>
          {t('mtgDirectives')}
        </a>
        <a href={`/giao-ban/${m.id}#bien-ban`} onClick={jumpTo('bien-ban')}>
          {t('mtgMinutes')}
        </a>
        <a href={`/giao-ban/${m.id}#ket-luan`} onClick={jumpTo('ket-luan')}>
          {t('mtgConclusion')}
        </a>
      </nav>
      {m.agenda.length > 0 && (
        <Part id="chuong-trinh" title={t('mtgAgenda')}>
          <ol class="agenda">
            {m.agenda.map((a) => (
              <li key={a.id}>
                {a.title} {a.presenter ? `(${a.presenter})` : ''} — <em>{a.outcomeLabel}</em>
              </li>
            ))}
          </ol>
        </Part>
      )}
      <Part id="tai-lieu" title={t('mtgPack')}>
        {!m.packReadable && <Notice kind="info">{t('mtgPackNotPermitted')}</Notice>}
        {pack.state === 'loading' && m.packReadable && <p class="muted">{t('loading')}</p>}
        {pack.state === 'failed' && <Notice kind="error">{pack.error.messageVi}</Notice>}
        {pack.state === 'ready' && pack.data && (
          <div class="pack">
            <p class="muted">
              {pack.data.frozen
                ? `${t('mtgPackFrozen')} ${viDate(pack.data.asOf)}`
                : `${t('mtgPackAsOf')} ${viDate(pack.data.asOf)}`}
            </p>
            <h3>
              {t('mtgFigures')} <span class="count-badge">{pack.data.figures.length}</span>
            </h3>
            <PackFigures figures={pack.data.figures} />
            <h3>
              {t('mtgOverdue')} <span class="count-badge">{pack.data.overdue.length}</span>
            </h3>
            <div class="pack-overdue">
              <TaskTable tasks={pack.data.overdue} actions={false} label={t('mtgOverdue')} />
            </div>
            <h3>{t('mtgFollowUp')}</h3>
            <p>
              {t('taskCompletion')}: <strong>{pack.data.followUp.summary.completionRate ?? '—'}%</strong>
            </p>
            <div class="pack-follow-up">
              <TaskTable tasks={pack.data.followUp.tasks} actions={false} label={t('mtgFollowUp')} />
            </div>
          </div>
        )}
        {canManage && !m.packFrozenAt && (
          <div class="form-buttons">
            <button type="button" class="button-quiet" onClick={hold}>
              {t('mtgHold')}
            </button>
          </div>
        )}
        {error && <Notice kind="error">{error}</Notice>}
      </Part>
      <Part id="chi-dao" title={t('mtgDirectives')}>
        {m.directives.length === 0 && <p class="muted">{t('mtgNoDirectives')}</p>}
        {m.directives.map((d) => (
          <div class="directive" key={d.id} data-directive={d.id}>
            <p>
              <strong>{d.position}.</strong> {d.content} — {t('mtgDeadline')}: {d.deadlineText}
            </p>
            <TaskTable tasks={d.tasks} onChanged={refresh} label={`${t('mtgDirective')} ${d.position}`} />
          </div>
        ))}
        {canManage && <DirectiveForm meetingId={m.id} version={m.version} onAdded={refresh} />}
      </Part>
      <Part id="bien-ban" title={t('mtgMinutes')}>
        {canManage ? (
          <MinutesForm meetingId={m.id} version={m.version} minutes={m.minutes} onSaved={reload} />
        ) : m.minutes ? (
          <pre class="minutes">{m.minutes}</pre>
        ) : (
          <p class="muted">{t('mtgNoMinutes')}</p>
        )}
      </Part>
      <Part id="ket-luan" title={t('mtgConclusion')}>
        {m.conclusion ? (
          <>
            <p class="conclusion-number">
              {t('mtgConclusionNumber')}: <strong>{m.conclusion.number}</strong> · {viDate(m.conclusion.date)}
            </p>
            <ConclusionPreview text={m.conclusion.text} />
          </>
        ) : (
          <p class="muted">{t('mtgNoConclusion')}</p>
        )}
        {canManage && (
          <ConclusionForm
            meetingId={m.id}
            version={m.version}
            heldOn={m.heldOn}
            today={ws.me.today}
            issued={m.conclusion !== null}
            onIssued={reload}
          />
        )}
      </Part>
    </section>
  );
}

/** In-page links must not change the hash (it holds the route): they move focus to the section instead. */
function jumpTo(id: string) {
  return (e: Event) => {
    e.preventDefault();
    const target = document.getElementById(id);
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    target.querySelector('h2')?.setAttribute('tabindex', '-1');
    target.querySelector<HTMLElement>('h2')?.focus();
  };
}

function DirectiveForm(props: { meetingId: number; version: number; onAdded: () => void }) {
  const { t } = useLang();
  const [content, setContent] = useState('');
  const [lead, setLead] = useState('');
  const [coordinating, setCoordinating] = useState<Array<{ code: string; name: string }>>([]);
  const [deadline, setDeadline] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setAdded(false);
    try {
      await apiSend('POST', `/api/meetings/${props.meetingId}/directives`, {
        content: content.trim(),
        leadUnit: lead,
        coordinatingUnits: coordinating.map((u) => u.code),
        deadline: { kind: 'date', date: deadline },
        version: props.version,
      });
      setContent('');
      setLead('');
      setCoordinating([]);
      setAdded(true);
      props.onAdded();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <form class="panel directive-form stacked-form" onSubmit={submit}>
      <h3>{t('mtgAddDirective')}</h3>
      <label class="form-field">
        <span>{t('mtgContent')}</span>
        <textarea
          name="content"
          rows={3}
          required
          value={content}
          onInput={(e) => setContent((e.target as HTMLTextAreaElement).value)}
        />
      </label>
      <div class="form-grid">
        <UnitField
          id="mtg-leadUnit"
          label={t('mtgLead')}
          value={lead}
          required
          onChange={(code) => setLead(code)}
        />
        <UnitListField
          id="mtg-coordinatingUnits"
          label={t('mtgCoordinating')}
          value={coordinating}
          onChange={setCoordinating}
        />
        {field(t('mtgDeadline'), deadline, setDeadline, 'date', 'deadline', { required: true })}
      </div>
      <div class="form-buttons">
        <button type="submit" class="button-primary">
          {t('mtgAddDirective')}
        </button>
      </div>
      {added && <Notice kind="success">{t('mtgDirectiveAdded')}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
    </form>
  );
}

function MinutesForm(props: {
  meetingId: number;
  version: number;
  minutes: string | null;
  onSaved: () => void;
}) {
  const { t } = useLang();
  const [text, setText] = useState(props.minutes ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await apiSend('PUT', `/api/meetings/${props.meetingId}/minutes`, {
        minutes: text,
        version: props.version,
      });
      setSaved(true);
      props.onSaved();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <form class="panel minutes-form stacked-form" onSubmit={submit}>
      <label class="form-field">
        <span>{t('mtgMinutesText')}</span>
        <textarea
          name="minutes"
          rows={8}
          value={text}
          onInput={(e) => {
            setText((e.target as HTMLTextAreaElement).value);
            setSaved(false);
          }}
        />
      </label>
      <div class="form-buttons">
        <button type="submit" class="button-primary">
          {t('mtgSaveMinutes')}
        </button>
      </div>
      {saved && <Notice kind="success">{t('mtgMinutesSaved')}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
    </form>
  );
}

function ConclusionForm(props: {
  meetingId: number;
  version: number;
  heldOn: string;
  today: string;
  issued: boolean;
  onIssued: () => void;
}) {
  const { t } = useLang();
  const [number, setNumber] = useState('');
  const [date, setDate] = useState(
    // The later of the two ISO dates: a notice cannot predate its meeting.
    [props.today, props.heldOn].sort()[1] ?? props.today,
  );
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await apiSend('POST', `/api/meetings/${props.meetingId}/conclusion`, {
        number: number.trim(),
        date,
        ...(summary.trim() ? { summary: summary.trim() } : {}),
        version: props.version,
      });
      props.onIssued();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <form class="panel conclusion-form stacked-form" onSubmit={submit}>
      <h3>{props.issued ? t('mtgReissueConclusion') : t('mtgIssueConclusion')}</h3>
      <p class="hint">{t('mtgConclusionHint')}</p>
      <div class="form-grid">
        {field(t('mtgConclusionNumber'), number, setNumber, 'text', 'number', {
          required: true,
          placeholder: '45/TB-BCA',
        })}
        {field(t('mtgConclusionDate'), date, setDate, 'date', 'date', { required: true })}
      </div>
      <label class="form-field">
        <span>{t('mtgConclusionSummary')}</span>
        <textarea
          name="summary"
          rows={4}
          value={summary}
          onInput={(e) => setSummary((e.target as HTMLTextAreaElement).value)}
        />
      </label>
      <div class="form-buttons">
        <button type="submit" class="button-primary">
          {t('mtgIssueConclusion')}
        </button>
      </div>
      {error && <Notice kind="error">{error}</Notice>}
    </form>
  );
}

const figureText = (value: number | null) =>
  value === null ? '—' : formatNumber(value, Number.isInteger(value) ? 0 : 2);
const changeText = (pct: number | null) =>
  pct === null ? '—' : `${pct > 0 ? '+' : ''}${formatNumber(pct, 2)}%`;

/** The pack's figures: the nation's month beside the previous month and the same month last year. */
function PackFigures(props: { figures: Pack['figures'] }) {
  const { lang, t } = useLang();
  if (props.figures.length === 0) return <p class="muted">{t('noFigure')}</p>;
  return (
    <div class="table-scroll pack-figures">
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{t('indicator')}</th>
            <th scope="col" class="num">
              {t('value')}
            </th>
            <th scope="col" class="num">
              {t('previousPeriod')}
            </th>
            <th scope="col" class="num">
              {t('samePeriodLastYear')}
            </th>
            <th scope="col" class="num">
              {t('mtgChangeYoy')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.figures.map((f) => (
            <tr key={`${f.indicator}/${f.option ?? ''}`}>
              <th scope="row">{f.name}</th>
              <td class="num">
                {figureText(f.value)} <span class="muted">{unitLabel(f.unit, lang)}</span>
              </td>
              <td class="num">{figureText(f.prev)}</td>
              <td class="num">{figureText(f.yoy)}</td>
              <td class="num">{changeText(f.changeYoyPct)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const MEETING_STATUS_EN: Record<MeetingRow['status'], string> = {
  planned: 'Planned',
  held: 'Held',
  concluded: 'Conclusion notice issued',
};

/**
 * The conclusion notice laid out as Decree 30 sets a document's head: the issuing body and number on the left, the
 * national heading and the place and date on the right, then the body.
 */
function ConclusionPreview(props: { text: string }) {
  const lines = props.text.split('\n');
  const [body0, number, placeDate] = lines;
  const headed = body0 === 'BỘ CÔNG AN' && number?.startsWith('Số:') && placeDate?.startsWith('Hà Nội');
  const rest = headed ? lines.slice(3).join('\n').replace(/^\n+/, '') : props.text;
  return (
    <div class="conclusion-document">
      <div class="document-head">
        <div class="document-issuer">
          <strong>BỘ CÔNG AN</strong>
          {headed && <div>{number}</div>}
        </div>
        <div class="document-nation">
          <strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong>
          <div class="document-motto">Độc lập - Tự do - Hạnh phúc</div>
          {headed && <div class="document-date">{placeDate}</div>}
        </div>
      </div>
      <pre class="conclusion">{rest}</pre>
    </div>
  );
}
