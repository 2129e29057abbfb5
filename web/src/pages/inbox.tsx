import { useEffect, useState } from 'preact/hooks';
import { ApiError, apiGet, apiSend } from '../api.ts';
import { INBOX_CHANGED } from '../components/inbox-link.tsx';
import { Notice } from '../components/notice.tsx';
import { formatDateTime } from '../format.ts';
import { pick, useLang } from '../i18n.ts';
import { navigate } from '../router.ts';
import type { Inbox, NotificationPreferences as Preferences } from '../types.ts';
import { useLoad } from '../use-load.ts';

const KIND_EN: Record<string, string> = {
  report_returned: 'Report returned',
  report_approved: 'Report approved',
  deadline_soon: 'Report due in two days',
  task_assigned: 'Task assigned',
  task_overdue: 'Task overdue',
  pack_ready: 'Briefing pack ready',
};

/** Thông báo: what happened that concerns the user, and what they choose to be told. */
export function InboxPage() {
  const { t } = useLang();
  const [inbox, reload] = useLoad(() => apiGet<Inbox>('/api/notifications'), []);
  const changed = () => {
    window.dispatchEvent(new Event(INBOX_CHANGED));
    reload();
  };
  const open = async (item: Inbox['items'][number]) => {
    if (!item.readAt) await apiSend('POST', '/api/notifications/read', { ids: [item.id] }).catch(() => {});
    window.dispatchEvent(new Event(INBOX_CHANGED));
    if (item.link) navigate(item.link);
    else reload();
  };
  return (
    <section class="page inbox-page">
      <h1>{t('inbox')}</h1>
      <div class="panel">
        {inbox.state === 'loading' && <p class="muted">{t('loading')}</p>}
        {inbox.state === 'failed' && <Notice kind="error">{inbox.error.messageVi}</Notice>}
        {inbox.state === 'ready' && inbox.data.items.length === 0 && <p class="muted">{t('inboxEmpty')}</p>}
        {inbox.state === 'ready' && inbox.data.unread > 0 && (
          <button
            type="button"
            class="button-quiet"
            onClick={() => void apiSend('POST', '/api/notifications/read', { all: true }).then(changed)}
          >
            {t('markAllRead')}
          </button>
        )}
        {inbox.state === 'ready' && inbox.data.items.length > 0 && (
          <ul class="inbox-list">
            {inbox.data.items.map((item) => (
              <li
                key={item.id}
                class={item.readAt ? 'inbox-item' : 'inbox-item unread'}
                data-kind={item.kind}
              >
                <button type="button" class="link-button inbox-title" onClick={() => void open(item)}>
                  {item.title}
                </button>
                <div>{item.body}</div>
                <small class="muted">{formatDateTime(item.createdAt)}</small>
              </li>
            ))}
          </ul>
        )}
      </div>
      <PreferencesForm />
    </section>
  );
}

function PreferencesForm() {
  const { lang, t } = useLang();
  const [prefs, setPrefs] = useState<Preferences | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  useEffect(() => {
    apiGet<Preferences>('/api/notifications/preferences').then(setPrefs, () => setPrefs(null));
  }, []);
  if (!prefs) return null;
  const toggle = (kind: string, channel: 'inApp' | 'email', on: boolean) =>
    setPrefs({ ...prefs, kinds: prefs.kinds.map((k) => (k.kind === kind ? { ...k, [channel]: on } : k)) });
  const save = async (event: Event) => {
    event.preventDefault();
    try {
      const saved = await apiSend<Preferences>('PUT', '/api/notifications/preferences', {
        email: prefs.email?.trim() || null,
        kinds: prefs.kinds.map(({ kind, inApp, email }) => ({ kind, inApp, email })),
        version: prefs.version,
      });
      setPrefs(saved);
      setMessage({ kind: 'success', text: t('preferencesSaved') });
    } catch (e) {
      setMessage({
        kind: 'error',
        text: e instanceof ApiError ? pick(lang, e.messageVi, e.messageEn) : String(e),
      });
    }
  };
  return (
    <form class="panel preferences-form" onSubmit={save}>
      <h2>{t('notificationChoices')}</h2>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <label class="form-field">
        <span>{t('emailAddress')}</span>
        <input
          type="email"
          value={prefs.email ?? ''}
          onInput={(e) => setPrefs({ ...prefs, email: e.currentTarget.value })}
        />
        {!prefs.emailEnabled && <small class="muted">{t('emailOff')}</small>}
      </label>
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{t('notificationKind')}</th>
            <th scope="col">{t('inApp')}</th>
            <th scope="col">{t('byEmail')}</th>
          </tr>
        </thead>
        <tbody>
          {prefs.kinds.map((k) => {
            const name = lang === 'en' ? (KIND_EN[k.kind] ?? k.label) : k.label;
            return (
              <tr key={k.kind}>
                <th scope="row">{name}</th>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${t('inApp')}: ${name}`}
                    checked={k.inApp}
                    onChange={(e) => toggle(k.kind, 'inApp', e.currentTarget.checked)}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${t('byEmail')}: ${name}`}
                    checked={k.email}
                    onChange={(e) => toggle(k.kind, 'email', e.currentTarget.checked)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="submit" class="button-primary">
        {t('save')}
      </button>
    </form>
  );
}
