import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, apiSend } from '../api.ts';
import { Notice } from '../components/notice.tsx';
import { type Lang, pick, useLang } from '../i18n.ts';
import type { Me } from '../types.ts';
import { AuthCard } from './sign-in.tsx';

interface Enrolment {
  secret: string;
  otpauthUrl: string;
  /** The otpauth address as a QR code (an SVG data URL drawn by the server: no outside service). */
  qrCode: string;
}

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": read aloud or typed in groups, as authenticator apps show keys. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * The step after the password for roles that must prove a second factor: a one-time code from the enrolled
 * authenticator, or enrolling one first. Until it is passed the server answers nothing else.
 */
export function SecondFactorPage(props: {
  me: Me;
  onVerified: (me: Me) => void;
  onCancel: () => void;
  onLang: (lang: Lang) => void;
}) {
  const { lang, t } = useLang();
  const enrolling = props.me.secondFactor === 'enrol';
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const secretRef = useRef<HTMLElement>(null);

  const message = (e: unknown) => (e instanceof ApiError ? pick(lang, e.messageVi, e.messageEn) : String(e));

  useEffect(() => {
    if (!enrolling) {
      codeRef.current?.focus();
      return;
    }
    apiSend<Enrolment>('POST', '/api/auth/totp/enrol')
      .then(setEnrolment)
      .catch((e: unknown) => setError(message(e)));
  }, [enrolling]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code)) {
      setError(t('codeFormat'));
      codeRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const me = await apiSend<Me>('POST', enrolling ? '/api/auth/totp/confirm' : '/api/auth/totp', { code });
      props.onVerified(me);
    } catch (e) {
      setError(message(e));
      setCode('');
      codeRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (!enrolment) return;
    try {
      await navigator.clipboard.writeText(enrolment.secret);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // Without clipboard access the key is selected, so that the usual copy keys work.
      const node = secretRef.current;
      if (node) getSelection()?.selectAllChildren(node);
    }
  };

  return (
    <AuthCard onLang={props.onLang}>
      <h2 class="auth-step-title">{enrolling ? t('enrolTitle') : t('secondFactorTitle')}</h2>
      <p class="muted">{enrolling ? t('enrolLead') : t('codeLead')}</p>
      {error && <Notice kind="error">{error}</Notice>}
      {enrolling && !enrolment && !error && <p class="muted">{t('loading')}</p>}
      {enrolment && (
        <div class="totp-setup">
          <img class="totp-qr" src={enrolment.qrCode} alt={t('qrCodeAlt')} width={180} height={180} />
          <div class="totp-key">
            <span class="field-label">{t('secretKey')}</span>
            <div class="totp-key-row">
              <code class="totp-secret" ref={secretRef}>
                {groupSecret(enrolment.secret)}
              </code>
              <button type="button" class="button-quiet" onClick={copy}>
                {copied ? t('copied') : t('copy')}
              </button>
            </div>
            <p class="hint">{t('secretKeyHint')}</p>
          </div>
          <details>
            <summary>{t('otpauthAddress')}</summary>
            <code class="otpauth-url">{enrolment.otpauthUrl}</code>
            <a href={enrolment.otpauthUrl}>{t('openInApp')}</a>
          </details>
        </div>
      )}
      {(!enrolling || enrolment) && (
        <form onSubmit={submit} noValidate>
          <label for="one-time-code">{t('oneTimeCode')}</label>
          <input
            id="one-time-code"
            name="code"
            class="code-input"
            inputMode="numeric"
            autocomplete="one-time-code"
            maxLength={7}
            ref={(input) => {
              codeRef.current = input;
              // The enrolment key arrives after the first render; the code field takes focus once shown.
              if (input && enrolling && !input.dataset.focused) {
                input.dataset.focused = '1';
                input.focus();
              }
            }}
            value={code}
            onInput={(event) => setCode(event.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
          />
          <button type="submit" class="button-primary" disabled={busy}>
            {busy ? t('verifying') : t('verify')}
          </button>
        </form>
      )}
      <button type="button" class="button-quiet auth-back" onClick={props.onCancel}>
        {t('backToSignIn')}
      </button>
    </AuthCard>
  );
}
