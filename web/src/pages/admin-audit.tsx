import { useState } from 'preact/hooks';
import { ApiError, apiGet, query } from '../api.ts';
import { Notice } from '../components/notice.tsx';
import { formatDateTime, formatNumber } from '../format.ts';
import { pick, SECRECY_LABEL, useLang } from '../i18n.ts';
import { updateParams } from '../router.ts';
import type { AuditEntry, AuditVerdict } from '../types.ts';
import { useLoad } from '../use-load.ts';

// The actions the server records; the filter matches a prefix, so "users" finds every account change.
const ACTIONS = [
  'auth',
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_out',
  'auth.second_factor',
  'auth.second_factor_enrolled',
  'auth.password_changed',
  'users',
  'users.create',
  'users.update',
  'users.reset_password',
  'users.sign_out_everywhere',
  'values',
  'submission',
  'document.generate',
  'export',
  'read.classified',
  'meeting',
  'task',
  'system',
];

const LIMITS = ['50', '200', '1000'];

/** A day picked in the form covers that whole day in Vietnam, whatever the browser's time zone. */
function dayStart(date: string): string {
  return new Date(`${date}T00:00:00+07:00`).toISOString();
}

function dayEnd(date: string): string {
  return new Date(`${date}T23:59:59.999+07:00`).toISOString();
}

/** The audit log with its filters in the address, and the check that its hash chain is unbroken. */
export function AuditView(props: { params: Record<string, string> }) {
  const { lang, t } = useLang();
  const actor = props.params.actor ?? '';
  const action = props.params.action ?? '';
  const from = props.params.from ?? '';
  const to = props.params.to ?? '';
  const limit = LIMITS.includes(props.params.limit ?? '') ? (props.params.limit as string) : '200';
  const [draft, setDraft] = useState({ actor, action, from, to, limit });
  const [entries, reload] = useLoad(
    () =>
      apiGet<{ entries: AuditEntry[] }>(
        `/api/audit${query({
          actor,
          action,
          from: from && dayStart(from),
          to: to && dayEnd(to),
          limit,
        })}`,
      ),
    [actor, action, from, to, limit],
  );
  const [verdict, setVerdict] = useState<AuditVerdict | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);
  const [verifying, setVerifying] = useState(false);

  const verify = async () => {
    setVerifying(true);
    setVerdict(null);
    setVerifyError(null);
    try {
      setVerdict(await apiGet<AuditVerdict>('/api/audit/verify'));
    } catch (e) {
      setVerifyError(e instanceof ApiError ? pick(lang, e.messageVi, e.messageEn) : String(e));
    } finally {
      setVerifying(false);
    }
  };

  const apply = (values: typeof draft) => {
    updateParams({
      actor: values.actor.trim() || null,
      action: values.action.trim() || null,
      from: values.from || null,
      to: values.to || null,
      limit: values.limit === '200' ? null : values.limit,
    });
    // The same filters again still mean "look again": new entries may have been written since.
    reload();
  };

  return (
    <>
      <p class="lead">{t('auditLead')}</p>
      <section class="panel" aria-labelledby="verify-heading">
        <div class="panel-bar">
          <h2 id="verify-heading" class="visually-hidden">
            {t('verifyChain')}
          </h2>
          <button type="button" class="button-primary" onClick={verify} disabled={verifying}>
            {verifying ? t('verifying') : t('verifyChain')}
          </button>
          <div class="verdict" aria-live="polite">
            {verdict?.ok === true && (
              <Notice kind="success">
                <strong>{t('chainIntact')}</strong> · {formatNumber(verdict.count)} {t('chainEntries')} ·{' '}
                <code title={verdict.headHash}>{verdict.headHash.slice(0, 16)}…</code>
              </Notice>
            )}
            {verdict?.ok === false && (
              <Notice kind="error">
                <strong>{t('chainBroken')}</strong>: {pick(lang, verdict.messageVi, verdict.messageEn)}
              </Notice>
            )}
            {verifyError && <Notice kind="error">{verifyError}</Notice>}
          </div>
        </div>
      </section>
      <section class="panel" aria-labelledby="audit-heading">
        <h2 id="audit-heading">{t('adminAudit')}</h2>
        <form
          class="admin-form audit-filters"
          onSubmit={(event) => {
            event.preventDefault();
            apply(draft);
          }}
        >
          <label class="inline-field">
            <span>{t('actor')}</span>
            <input
              name="actor"
              value={draft.actor}
              onInput={(e) => setDraft({ ...draft, actor: e.currentTarget.value })}
            />
          </label>
          <label class="inline-field">
            <span>{t('action')}</span>
            <input
              name="action"
              list="audit-actions"
              value={draft.action}
              onInput={(e) => setDraft({ ...draft, action: e.currentTarget.value })}
            />
            <datalist id="audit-actions">
              {ACTIONS.map((code) => (
                <option key={code} value={code} />
              ))}
            </datalist>
          </label>
          <label class="inline-field">
            <span>{t('fromDate')}</span>
            <input
              type="date"
              name="from"
              value={draft.from}
              onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
            />
          </label>
          <label class="inline-field">
            <span>{t('toDate')}</span>
            <input
              type="date"
              name="to"
              value={draft.to}
              onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
            />
          </label>
          <label class="inline-field">
            <span>{t('limit')}</span>
            <select
              value={draft.limit}
              onChange={(e) => setDraft({ ...draft, limit: e.currentTarget.value })}
            >
              {LIMITS.map((n) => (
                <option key={n} value={n}>
                  {formatNumber(Number(n))}
                </option>
              ))}
            </select>
          </label>
          <div class="form-buttons">
            <button type="submit" class="button-primary">
              {t('applyFilter')}
            </button>
            <button
              type="button"
              class="button-quiet"
              onClick={() => {
                const empty = { actor: '', action: '', from: '', to: '', limit: '200' };
                setDraft(empty);
                apply(empty);
              }}
            >
              {t('clearFilter')}
            </button>
          </div>
        </form>
        {entries.state === 'loading' && <p class="muted">{t('loading')}</p>}
        {entries.state === 'failed' && (
          <Notice kind="error">{pick(lang, entries.error.messageVi, entries.error.messageEn)}</Notice>
        )}
        {entries.state === 'ready' && entries.data.entries.length === 0 && (
          <p class="muted">{t('noEntries')}</p>
        )}
        {entries.state === 'ready' && entries.data.entries.length > 0 && (
          <div class="table-scroll">
            <table class="data-table audit-table">
              <thead>
                <tr>
                  <th scope="col" class="num">
                    #
                  </th>
                  <th scope="col">{t('auditTime')}</th>
                  <th scope="col">{t('actor')}</th>
                  <th scope="col">{t('action')}</th>
                  <th scope="col">{t('target')}</th>
                  <th scope="col">{t('secrecy')}</th>
                  <th scope="col">{t('details')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.data.entries.map((entry) => {
                  const details = Object.keys(entry.details ?? {}).length
                    ? JSON.stringify(entry.details)
                    : '';
                  return (
                    <tr key={entry.seq} data-action={entry.action}>
                      <td class="num muted" title={`${entry.hash}`}>
                        {entry.seq}
                      </td>
                      <td class="nowrap">{formatDateTime(entry.at)}</td>
                      <td>{entry.actorName}</td>
                      <td>
                        <code class={entry.action.endsWith('_failed') ? 'action-failed' : undefined}>
                          {entry.action}
                        </code>
                      </td>
                      <td>{entry.target}</td>
                      <td>
                        {entry.secrecy !== 'none' && (
                          <span class="badge badge-secret">{t(SECRECY_LABEL[entry.secrecy])}</span>
                        )}
                      </td>
                      <td class="audit-details" title={details}>
                        {details}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
