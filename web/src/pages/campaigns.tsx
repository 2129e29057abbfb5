import { useState } from 'preact/hooks';
import { ApiError, apiGet, apiSend, query } from '../api.ts';
import { Notice } from '../components/notice.tsx';
import { UnitField } from '../components/unit-field.tsx';
import { formatDate, formatNumber } from '../format.ts';
import { useLang } from '../i18n.ts';
import { href } from '../router.ts';
import { useWorkspace } from '../session.ts';
import type { Campaign, Commendation, CampaignSummary as Summary } from '../types.ts';
import { useLoad } from '../use-load.ts';

const num = (v: number | null) => (v === null ? '—' : formatNumber(v, 3));
/** "−66,67%", "+12,5%": a change in the Vietnamese way, signed. */
const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : `${v > 0 ? '+' : v < 0 ? '−' : ''}${formatNumber(Math.abs(v), 2)}%`;

/** Đợt cao điểm: the campaigns, and one campaign's summary against last year's and the window before. */
export function CampaignsPage(props: { params: Record<string, string> }) {
  const { t } = useLang();
  const ws = useWorkspace();
  const [list] = useLoad(() => apiGet<{ campaigns: Campaign[] }>('/api/campaigns'), []);
  const id = props.params.campaign;
  return (
    <section class="page">
      <h1>{t('mtgCampaigns')}</h1>
      {list.state === 'failed' && <Notice kind="error">{list.error.messageVi}</Notice>}
      {list.state === 'ready' && (
        <ul class="campaign-list">
          {list.data.campaigns.map((c) => (
            <li key={c.id}>
              <a
                href={href('giao-ban', 'dot-cao-diem', {
                  unit: ws.unitCode,
                  period: ws.period,
                  campaign: String(c.id),
                })}
              >
                {c.name}
              </a>{' '}
              ({formatDate(c.start)}–{formatDate(c.end)}; {c.ruleText})
            </li>
          ))}
        </ul>
      )}
      {id && <CampaignSummary id={Number(id)} />}
    </section>
  );
}

function CampaignSummary(props: { id: number }) {
  const { t } = useLang();
  const [load] = useLoad(() => apiGet<Summary>(`/api/campaigns/${props.id}/summary`), [props.id]);
  if (load.state === 'loading') return <p class="muted">{t('loading')}</p>;
  if (load.state === 'failed') return <Notice kind="error">{load.error.messageVi}</Notice>;
  const s = load.data;
  // A column with no figure at all says nothing; the ranking names what it ranks by.
  const hasBefore = s.totals.some((r) => r.before !== null);
  const rankedName = s.totals.find((r) => r.indicator === s.rankBy)?.name ?? null;
  return (
    <div class="campaign-summary page">
      <h2>{s.campaign.name}</h2>
      <p class="muted">
        {formatDate(s.windows.current.start)}–{formatDate(s.windows.current.end)} · {t('cmpLastYear')}:{' '}
        {formatDate(s.windows.lastYear.start)}–{formatDate(s.windows.lastYear.end)} · {t('cmpBefore')}:{' '}
        {formatDate(s.windows.before.start)}–{formatDate(s.windows.before.end)}
      </p>
      <div class="table-scroll">
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('cmpIndicator')}</th>
              <th scope="col" class="num">
                {t('cmpThis')}
              </th>
              <th scope="col" class="num">
                {t('cmpLastYear')}
              </th>
              {hasBefore && (
                <th scope="col" class="num">
                  {t('cmpBefore')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {s.totals.map((r) => (
              <tr key={r.indicator}>
                <td>{r.name}</td>
                <td class="num">{num(r.value)}</td>
                <td class="num">{num(r.lastYear)}</td>
                {hasBefore && <td class="num">{num(r.before)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>
        {t('cmpRanking')}
        {rankedName && (
          <>
            {' '}
            · {t('cmpRankedBy')}: {rankedName}
          </>
        )}
      </h3>
      <div class="table-scroll">
        <table class="data-table campaign-ranking">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('cmpUnit')}</th>
              <th scope="col" class="num">
                {t('cmpThis')}
              </th>
              <th scope="col" class="num">
                {t('cmpLastYearShort')}
              </th>
              <th scope="col" class="num">
                {t('cmpChangePct')}
              </th>
            </tr>
          </thead>
          <tbody>
            {s.units.map((u) => {
              const f = u.figures[s.rankBy];
              return (
                <tr key={u.unit}>
                  <td>{u.rank}</td>
                  <td>{u.name}</td>
                  <td class="num">{num(f?.value ?? null)}</td>
                  <td class="num">{num(f?.lastYear ?? null)}</td>
                  <td class="num">{pct(f?.pctLastYear)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Commendations campaign={s.campaign} />
    </div>
  );
}

/** Khen thưởng: the commendations awarded for a campaign, and recording a new one (ministry office). */
function Commendations(props: { campaign: Campaign }) {
  const { t } = useLang();
  const ws = useWorkspace();
  const [load, reload] = useLoad(
    () =>
      apiGet<{ commendations: Commendation[] }>(
        `/api/commendations${query({ campaign: props.campaign.id })}`,
      ),
    [props.campaign.id],
    { keepOnReload: true },
  );
  const canRecord = ws.me.role === 'analyst' || ws.me.role === 'leader';
  return (
    <section class="commendations" aria-labelledby="cmd-heading">
      <h3 id="cmd-heading">{t('cmdHeading')}</h3>
      {load.state === 'loading' && <p class="muted">{t('loading')}</p>}
      {load.state === 'failed' && <Notice kind="error">{load.error.messageVi}</Notice>}
      {load.state === 'ready' &&
        (load.data.commendations.length === 0 ? (
          <p class="muted">{t('cmdNone')}</p>
        ) : (
          <div class="table-scroll">
            <table class="data-table commendation-table">
              <thead>
                <tr>
                  <th scope="col">{t('cmdForm')}</th>
                  <th scope="col">{t('cmdRecipient')}</th>
                  <th scope="col">{t('cmdReason')}</th>
                  <th scope="col">{t('cmdDecisionNumber')}</th>
                </tr>
              </thead>
              <tbody>
                {load.data.commendations.map((c) => (
                  <tr key={c.id} data-unit={c.unit}>
                    <td>{c.form}</td>
                    <td>{c.recipient}</td>
                    <td>{c.reason}</td>
                    <td>
                      {c.decisionNumber}
                      <div class="muted">{formatDate(c.decisionDate)}</div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      {canRecord && <CommendationForm campaign={props.campaign} today={ws.me.today} onSaved={reload} />}
    </section>
  );
}

function CommendationForm(props: { campaign: Campaign; today: string; onSaved: () => void }) {
  const { t } = useLang();
  const [kind, setKind] = useState<'unit' | 'person'>('unit');
  const [values, setValues] = useState({
    unit: '',
    personName: '',
    personRank: '',
    personPosition: '',
    form: 'Bằng khen của Bộ trưởng Bộ Công an',
    reason: '',
    decisionNumber: '',
    decisionDate: props.today,
  });
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const set = (key: keyof typeof values) => (e: Event) =>
    setValues({ ...values, [key]: (e.target as HTMLInputElement).value });
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    const person = kind === 'person';
    try {
      await apiSend('POST', '/api/commendations', {
        recipientKind: kind,
        unit: values.unit.trim(),
        personName: person ? values.personName.trim() || null : null,
        personRank: person ? values.personRank.trim() || null : null,
        personPosition: person ? values.personPosition.trim() || null : null,
        form: values.form.trim(),
        reason: values.reason.trim(),
        decisionNumber: values.decisionNumber.trim(),
        decisionDate: values.decisionDate,
        campaignId: props.campaign.id,
      });
      setValues({ ...values, unit: '', personName: '', personRank: '', personPosition: '', reason: '' });
      setSaved(true);
      props.onSaved();
    } catch (err) {
      setError(err instanceof ApiError ? err.messageVi : String(err));
    }
  };
  const text = (key: keyof typeof values, label: string, required = false) => (
    <label class="form-field" htmlFor={`cmd-${key}`}>
      <span>{label}</span>
      <input
        type="text"
        id={`cmd-${key}`}
        name={key}
        value={values[key]}
        onInput={set(key)}
        required={required}
      />
    </label>
  );
  return (
    <form class="panel commendation-form stacked-form" onSubmit={submit}>
      <h4>{t('cmdNew')}</h4>
      <fieldset class="inline-form">
        <legend>{t('cmdRecipientKind')}</legend>
        <label>
          <input
            type="radio"
            name="recipientKind"
            checked={kind === 'unit'}
            onChange={() => setKind('unit')}
          />{' '}
          {t('cmdKindUnit')}
        </label>
        <label>
          <input
            type="radio"
            name="recipientKind"
            checked={kind === 'person'}
            onChange={() => setKind('person')}
          />{' '}
          {t('cmdKindPerson')}
        </label>
      </fieldset>
      <div class="form-grid">
        <UnitField
          id="cmd-unit"
          label={t('cmdUnit')}
          value={values.unit}
          required
          onChange={(code) => setValues((v) => ({ ...v, unit: code }))}
        />
        {kind === 'person' && text('personName', t('cmdPersonName'), true)}
        {kind === 'person' && text('personRank', t('cmdPersonRank'))}
        {kind === 'person' && text('personPosition', t('cmdPersonPosition'))}
        {text('form', t('cmdForm'), true)}
        {text('decisionNumber', t('cmdDecisionNumber'), true)}
        <label class="form-field" htmlFor="cmd-decisionDate">
          <span>{t('cmdDecisionDate')}</span>
          <input
            type="date"
            id="cmd-decisionDate"
            name="decisionDate"
            value={values.decisionDate}
            onInput={set('decisionDate')}
            required
          />
        </label>
      </div>
      <label class="form-field" htmlFor="cmd-reason">
        <span>{t('cmdReason')}</span>
        <textarea
          id="cmd-reason"
          name="reason"
          rows={3}
          value={values.reason}
          onInput={set('reason')}
          required
        />
      </label>
      <div class="form-buttons">
        <button type="submit" class="button-primary">
          {t('cmdNew')}
        </button>
      </div>
      {saved && <Notice kind="success">{t('cmdSaved')}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
    </form>
  );
}
