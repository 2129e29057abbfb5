import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, apiSend } from '../api.ts';
import { Notice } from '../components/notice.tsx';
import { type Lang, pick, useLang } from '../i18n.ts';
import type { Me } from '../types.ts';

export function SignInPage(props: {
  onSignedIn: (me: Me) => void;
  onLang: (lang: Lang) => void;
  sessionEnded: boolean;
}) {
  const { lang, t } = useLang();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const usernameRef = useRef<HTMLInputElement>(null);
  useEffect(() => usernameRef.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError(t('signInRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const me = await apiSend<Me>('POST', '/api/auth/login', { username: username.trim(), password });
      props.onSignedIn(me);
    } catch (e) {
      setError(e instanceof ApiError ? pick(lang, e.messageVi, e.messageEn) : String(e));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard onLang={props.onLang}>
      <p class="muted">{t('signInLead')}</p>
      {props.sessionEnded && !error && <Notice kind="info">{t('sessionEnded')}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      <form onSubmit={submit} noValidate>
        <label for="username">{t('username')}</label>
        <input
          id="username"
          name="username"
          autocomplete="username"
          ref={usernameRef}
          value={username}
          onInput={(event) => setUsername(event.currentTarget.value)}
        />
        <label for="password">{t('password')}</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          value={password}
          onInput={(event) => setPassword(event.currentTarget.value)}
        />
        <button type="submit" class="button-primary" disabled={busy}>
          {busy ? t('signingIn') : t('signIn')}
        </button>
      </form>
    </AuthCard>
  );
}

/** The card the sign-in steps share: the ministry's mark, the step's content, the language switch. */
export function AuthCard(props: { onLang: (lang: Lang) => void; children: ComponentChildren }) {
  const { lang, t } = useLang();
  return (
    <div class="sign-in-page">
      <main class="sign-in-card">
        <div class="sign-in-brand">
          <svg class="emblem" viewBox="0 0 40 40" aria-hidden="true" focusable="false">
            <circle cx="20" cy="20" r="19" fill="#b3261e" />
            <path fill="#f2c14e" d="M20 7.5l3.1 9.4h9.9l-8 5.8 3.1 9.4-8.1-5.8-8.1 5.8 3.1-9.4-8-5.8h9.9z" />
          </svg>
          <div>
            <div class="brand-ministry">{t('ministry')}</div>
            <h1>{t('appName')}</h1>
          </div>
        </div>
        {props.children}
        <div class="lang-toggle sign-in-lang">
          {(['vi', 'en'] as const).map((code) => (
            <button key={code} type="button" aria-pressed={lang === code} onClick={() => props.onLang(code)}>
              {code === 'vi' ? 'Tiếng Việt' : 'English'}
            </button>
          ))}
        </div>
      </main>
    </div>
  );
}
