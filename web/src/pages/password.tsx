import { useState } from 'preact/hooks';
import { ApiError, apiSend } from '../api.ts';
import { Notice } from '../components/notice.tsx';
import { type Lang, pick, useLang } from '../i18n.ts';
import type { Me } from '../types.ts';
import { AuthCard } from './sign-in.tsx';

/** Current, new and repeated password; the server judges the policy and lists every rule broken. */
function PasswordForm(props: { onChanged: () => void; autoFocus?: boolean }) {
  const { lang, t } = useLang();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<string[]>([]);

  const submit = async (event: Event) => {
    event.preventDefault();
    setIssues([]);
    if (!current || !next || !repeat) {
      setError(t('passwordFieldsRequired'));
      return;
    }
    if (next !== repeat) {
      setError(t('passwordMismatch'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await apiSend('POST', '/api/auth/password', { current, next });
      setCurrent('');
      setNext('');
      setRepeat('');
      props.onChanged();
    } catch (e) {
      if (e instanceof ApiError) {
        setError(pick(lang, e.messageVi, e.messageEn));
        setIssues(e.issues.filter((issue) => issue.field === 'next').map((issue) => issue.reason));
      } else {
        setError(String(e));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="password-form" onSubmit={submit} noValidate>
      {error && (
        <Notice kind="error">
          {error}
          {issues.length > 0 && (
            <ul class="issue-list">
              {issues.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          )}
        </Notice>
      )}
      <label for="current-password">{t('currentPassword')}</label>
      <input
        id="current-password"
        type="password"
        autocomplete="current-password"
        ref={(input) => {
          if (input && props.autoFocus && !input.dataset.focused) {
            input.dataset.focused = '1';
            input.focus();
          }
        }}
        value={current}
        onInput={(e) => setCurrent(e.currentTarget.value)}
      />
      <label for="new-password">{t('newPassword')}</label>
      <input
        id="new-password"
        type="password"
        autocomplete="new-password"
        aria-describedby="password-rules"
        aria-invalid={issues.length > 0 ? true : undefined}
        value={next}
        onInput={(e) => setNext(e.currentTarget.value)}
      />
      <p id="password-rules" class="password-rules">
        {t('passwordRules')}
      </p>
      <label for="repeat-password">{t('confirmPassword')}</label>
      <input
        id="repeat-password"
        type="password"
        autocomplete="new-password"
        value={repeat}
        onInput={(e) => setRepeat(e.currentTarget.value)}
      />
      <button type="submit" class="button-primary" disabled={busy}>
        {busy ? t('saving') : t('changePassword')}
      </button>
    </form>
  );
}

/** Before the app: a temporary password set by an administrator must be replaced first. */
export function RequiredPasswordStep(props: {
  me: Me;
  onChanged: (me: Me) => void;
  onCancel: () => void;
  onLang: (lang: Lang) => void;
}) {
  const { t } = useLang();
  return (
    <AuthCard onLang={props.onLang}>
      <h2 class="auth-step-title">{t('changePassword')}</h2>
      <Notice kind="warning">{t('mustChangeLead')}</Notice>
      <PasswordForm autoFocus onChanged={() => props.onChanged({ ...props.me, mustChangePassword: false })} />
      <button type="button" class="button-quiet auth-back" onClick={props.onCancel}>
        {t('backToSignIn')}
      </button>
    </AuthCard>
  );
}

/** "Đổi mật khẩu", from the user menu. */
export function PasswordPage() {
  const { t } = useLang();
  const [done, setDone] = useState(false);
  return (
    <section class="page">
      <h1>{t('changePassword')}</h1>
      <div class="panel narrow-panel">
        {done && <Notice kind="success">{t('passwordChanged')}</Notice>}
        <PasswordForm autoFocus onChanged={() => setDone(true)} />
      </div>
    </section>
  );
}
