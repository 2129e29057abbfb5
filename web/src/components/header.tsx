import { useEffect, useRef, useState } from 'preact/hooks';
import { type Lang, pick, useLang } from '../i18n.ts';
import { href } from '../router.ts';
import { collectingPeriod } from '../session.ts';
import type { Me, UnitDetail } from '../types.ts';
import { InboxLink } from './inbox-link.tsx';
import { PeriodPicker } from './period-picker.tsx';
import { UnitPicker } from './unit-picker.tsx';

export function Header(props: {
  me: Me;
  unit: UnitDetail | null;
  unitCode: string;
  period: string;
  onLang: (lang: Lang) => void;
  onSignOut: () => void;
}) {
  const { lang, t } = useLang();
  return (
    <header class="app-header">
      <div class="brand">
        <Emblem />
        <div>
          <div class="brand-ministry">{t('ministry')}</div>
          <div class="brand-app">{t('appName')}</div>
        </div>
      </div>
      <div class="context-bar">
        <UnitPicker unit={props.unit} unitCode={props.unitCode} period={props.period} />
        <PeriodPicker period={props.period} latest={collectingPeriod(props.me.today)} />
      </div>
      <div class="user-bar">
        <fieldset class="lang-toggle">
          <legend class="visually-hidden">{t('language')}</legend>
          {(['vi', 'en'] as const).map((code) => (
            <button
              key={code}
              type="button"
              aria-pressed={lang === code}
              lang={code}
              onClick={() => props.onLang(code)}
            >
              {code.toUpperCase()}
            </button>
          ))}
        </fieldset>
        <InboxLink unitCode={props.unitCode} period={props.period} />
        <UserMenu
          me={props.me}
          passwordHref={href('doi-mat-khau', null, { unit: props.unitCode, period: props.period })}
          onSignOut={props.onSignOut}
        />
      </div>
    </header>
  );
}

/** The signed-in user's name opens their own account's actions: change the password, sign out. */
function UserMenu(props: { me: Me; passwordHref: string; onSignOut: () => void }) {
  const { lang, t } = useLang();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent) {
        if (event.key !== 'Escape') return;
        root.current?.querySelector<HTMLButtonElement>('.user-menu-button')?.focus();
      } else if (root.current?.contains(event.target as Node)) {
        return;
      }
      setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  return (
    <div class="user-menu" ref={root}>
      <button
        type="button"
        class="user-menu-button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls="user-menu-items"
        onClick={() => setOpen(!open)}
      >
        <span class="user-name">
          <span>{props.me.displayName}</span>
          <small>{pick(lang, props.me.roleLabel, props.me.roleLabelEn)}</small>
        </span>
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul class="user-menu-items" id="user-menu-items">
          <li>
            <a class="menu-item" href={props.passwordHref} onClick={() => setOpen(false)}>
              {t('changePassword')}
            </a>
          </li>
          <li>
            <button
              type="button"
              class="menu-item"
              onClick={() => {
                setOpen(false);
                props.onSignOut();
              }}
            >
              {t('signOut')}
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}

/** A plain five-pointed star on red: recognisable, drawn inline so that no image file is fetched. */
function Emblem() {
  return (
    <svg class="emblem" viewBox="0 0 40 40" aria-hidden="true" focusable="false">
      <circle cx="20" cy="20" r="19" fill="#b3261e" />
      <circle cx="20" cy="20" r="16.5" fill="none" stroke="#f2c14e" stroke-width="1.2" />
      <path fill="#f2c14e" d="M20 7.5l3.1 9.4h9.9l-8 5.8 3.1 9.4-8.1-5.8-8.1 5.8 3.1-9.4-8-5.8h9.9z" />
    </svg>
  );
}
