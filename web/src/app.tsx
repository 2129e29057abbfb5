import { useContext, useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, apiSend, cachedGet, clearCache, peekCached, setCsrfToken, whenSignedOut } from './api.ts';
import { Header } from './components/header.tsx';
import { MainNav } from './components/nav.tsx';
import { Notice } from './components/notice.tsx';
import { unitPath } from './first-reads.ts';
import { loadedPages, loadPage, type PAGE_CODE } from './first-view.ts';
import { isPeriod } from './format.ts';
import { type Lang, LangContext, translator } from './i18n.ts';
import { forgetOfflineReads } from './offline.ts';
import { PasswordPage, RequiredPasswordStep } from './pages/password.tsx';
import { NotFoundPage } from './pages/placeholder.tsx';
import { SecondFactorPage } from './pages/second-factor.tsx';
import { SignInPage } from './pages/sign-in.tsx';
import {
  currentAddress,
  currentRoute,
  href,
  navigate,
  type Page,
  ROUTE_CHANGED,
  type Route,
} from './router.ts';
import { currentPeriod, type Workspace, WorkspaceContext } from './session.ts';
import type { Catalogue, Form, Me, Role, UnitDetail } from './types.ts';

const LANG_KEY = 'giaoban.lang';
/** The language also goes in a cookie, for the server to draw a view in it (see entry-server.tsx). */
export const LANG_COOKIE = 'giaoban_lang';

function initialLang(): Lang {
  return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi';
}

const HOME: Record<Role, Page> = {
  officer: 'bao-cao',
  approver: 'bao-cao',
  analyst: 'tong-hop',
  leader: 'tong-hop',
  admin: 'quan-tri',
};

type SessionState =
  | { state: 'checking' }
  | { state: 'signed-out'; ended: boolean }
  // Signed in with the password, but a second factor or a new password is still owed before the app opens.
  | { state: 'second-factor'; me: Me }
  | { state: 'change-password'; me: Me }
  | { state: 'signed-in'; me: Me };

/** Which step a session that has passed the password is at. */
function stepOf(me: Me): SessionState {
  if (me.secondFactor) return { state: 'second-factor', me };
  if (me.mustChangePassword) return { state: 'change-password', me };
  return { state: 'signed-in', me };
}

interface LoadedCatalogue {
  catalogue: Catalogue;
  forms: Form[];
}

function loadCatalogue(): Promise<LoadedCatalogue> {
  return Promise.all([
    cachedGet<Catalogue>('/api/indicators'),
    cachedGet<{ forms: Form[] }>('/api/forms'),
  ]).then(([indicators, forms]) => ({ catalogue: indicators, forms: forms.forms }));
}

/** The catalogue when both its answers are already held. */
function peekCatalogue(): LoadedCatalogue | null {
  const indicators = peekCached<Catalogue>('/api/indicators');
  const forms = peekCached<{ forms: Form[] }>('/api/forms');
  return indicators && forms ? { catalogue: indicators, forms: forms.forms } : null;
}

/** The session check's answer: who is signed in, or null when nobody is (or the server could not be asked). */
export type SessionCheck = { me: Me | null };

function stateOf(checked: SessionCheck): SessionState {
  return checked.me ? stepOf(checked.me) : { state: 'signed-out', ended: false };
}

/**
 * The app, given the session check start.tsx began (`sessionCheck`) and, when it and the first view's reads came
 * before the first frame, its outcome (`checked`): the first frame then draws the view itself.
 */
export function App(props: { sessionCheck: Promise<Me>; checked: SessionCheck | null; lang?: Lang }) {
  const [lang, setLang] = useState<Lang>(() => props.lang ?? initialLang());
  const [session, setSession] = useState<SessionState>(() =>
    props.checked ? stateOf(props.checked) : { state: 'checking' },
  );

  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem(LANG_KEY, lang);
    // biome-ignore lint/suspicious/noDocumentCookie: one fixed name and a two-letter value; the Cookie Store API is missing from some browsers officers use.
    document.cookie = `${LANG_COOKIE}=${lang}; path=/; max-age=31536000; samesite=strict`;
  }, [lang]);

  useEffect(() => {
    whenSignedOut(() => {
      clearCache();
      // A session that ended on its own leaves no copy of its reads behind either.
      forgetOfflineReads();
      setSession({ state: 'signed-out', ended: true });
    });
    // Checked before the first frame (start.tsx has taken the answer's token).
    if (props.checked) return;
    props.sessionCheck
      .then(async (me) => {
        setCsrfToken(me.csrfToken);
        const next = stepOf(me);
        // The catalogue was asked for alongside the session: waiting for it here lets the shell's first frame draw
        // the page instead of a "loading" (a failure is the shell's to show).
        if (next.state === 'signed-in') await loadCatalogue().catch(() => {});
        setSession(next);
      })
      .catch(() => setSession({ state: 'signed-out', ended: false }));
  }, []);

  const signedIn = (me: Me) => {
    setCsrfToken(me.csrfToken);
    const next = stepOf(me);
    setSession(next);
    if (next.state !== 'signed-in') return;
    if (location.pathname === '/') {
      navigate(href(HOME[me.role], null, { unit: me.unit.code, period: currentPeriod(me.today) }), {
        replace: true,
      });
    }
  };

  const signOut = async () => {
    try {
      await apiSend('POST', '/api/auth/logout');
    } finally {
      clearCache();
      forgetOfflineReads();
      setSession({ state: 'signed-out', ended: false });
      navigate('/', { replace: true });
    }
  };

  return (
    <LangContext.Provider value={lang}>
      {session.state === 'checking' ? (
        <div class="boot" aria-busy="true" />
      ) : session.state === 'signed-out' ? (
        <SignInPage onSignedIn={signedIn} onLang={setLang} sessionEnded={session.ended} />
      ) : session.state === 'second-factor' ? (
        <SecondFactorPage me={session.me} onVerified={signedIn} onCancel={signOut} onLang={setLang} />
      ) : session.state === 'change-password' ? (
        <RequiredPasswordStep me={session.me} onChanged={signedIn} onCancel={signOut} onLang={setLang} />
      ) : (
        <Shell me={session.me} lang={lang} onLang={setLang} onSignOut={signOut} />
      )}
    </LangContext.Provider>
  );
}

/** The view the address names, followed as it changes. */
function useRoute(): Route {
  const [route, setRoute] = useState(currentRoute);
  const [drawnFor] = useState(currentAddress);
  // Listening from the moment the view is in the page (a layout effect, not one after the next paint): what a person
  // did on a drawn view before the page's code took it over is done right after the first render, and a move to
  // another month then told nobody. An address changed before this listened is caught up with.
  useLayoutEffect(() => {
    const onChange = () => setRoute(currentRoute());
    window.addEventListener(ROUTE_CHANGED, onChange);
    if (currentAddress() !== drawnFor) onChange();
    return () => window.removeEventListener(ROUTE_CHANGED, onChange);
  }, [drawnFor]);
  return route;
}

function Shell(props: { me: Me; lang: Lang; onLang: (lang: Lang) => void; onSignOut: () => void }) {
  const { me, lang } = props;
  const t = translator(lang);
  const route = useRoute();
  const unitCode = route.params.unit || me.unit.code;
  const period = isPeriod(route.params.period) ? route.params.period : currentPeriod(me.today);
  const [catalogue, setCatalogue] = useState<LoadedCatalogue | null>(peekCatalogue);
  const [catalogueError, setCatalogueError] = useState<ApiError | null>(null);
  const [loadedUnit, setUnit] = useState<UnitDetail | null>(
    () => peekCached<UnitDetail>(unitPath(unitCode, period)) ?? null,
  );
  // While another unit loads, the previous one's details must not be shown under the new code.
  const unit = loadedUnit?.code === unitCode ? loadedUnit : null;
  const [unitError, setUnitError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (catalogue) return;
    loadCatalogue()
      .then(setCatalogue)
      .catch((error: unknown) => setCatalogueError(error instanceof ApiError ? error : null));
  }, []);

  useEffect(() => {
    let current = true;
    setUnitError(null);
    cachedGet<UnitDetail>(unitPath(unitCode, period))
      .then((detail) => current && setUnit(detail))
      .catch((error: unknown) => {
        if (!current) return;
        setUnit(null);
        setUnitError(error instanceof ApiError ? error : null);
      });
    return () => {
      current = false;
    };
  }, [unitCode, period]);

  // Keep the unit and period in the address so that the view can be bookmarked and reloaded as it is.
  useEffect(() => {
    if (route.page !== 'not-found' && (!route.params.unit || !route.params.period)) {
      navigate(href(route.page, route.sub, { ...route.params, unit: unitCode, period }), { replace: true });
    }
  }, [route, unitCode, period]);

  const workspace = useMemo<Workspace | null>(
    () =>
      catalogue && {
        me,
        lang,
        catalogue: catalogue.catalogue,
        forms: catalogue.forms,
        unit,
        unitCode,
        period,
      },
    [me, lang, catalogue, unit, unitCode, period],
  );

  return (
    <div class="shell">
      <button type="button" class="skip-link" onClick={() => document.getElementById('main')?.focus()}>
        {t('skipToContent')}
      </button>
      <Header
        me={me}
        unit={unit}
        unitCode={unitCode}
        period={period}
        onLang={props.onLang}
        onSignOut={props.onSignOut}
      />
      <MainNav route={route} unitCode={unitCode} period={period} role={me.role} />
      <main id="main" tabIndex={-1}>
        {unitError && (
          <Notice kind="error">{lang === 'vi' ? unitError.messageVi : unitError.messageEn}</Notice>
        )}
        {catalogueError && (
          <Notice kind="error">{lang === 'vi' ? catalogueError.messageVi : catalogueError.messageEn}</Notice>
        )}
        {workspace ? (
          <WorkspaceContext.Provider value={workspace}>
            <PageView page={route.page} sub={route.sub} params={route.params} />
          </WorkspaceContext.Provider>
        ) : (
          !catalogueError && <p class="muted">{t('loading')}</p>
        )}
      </main>
    </div>
  );
}

type PageModule<P extends Page> = Awaited<ReturnType<(typeof PAGE_CODE)[P]>>;

/** A page's module, loaded on first use (its own script, fetched with what it needs), or null while it loads. */
function usePageCode<P extends Page>(page: P): [PageModule<P> | null, boolean] {
  const [, setLoaded] = useState(0);
  const [failed, setFailed] = useState<Page | null>(null);
  const module = loadedPages.get(page) as PageModule<P> | undefined;
  useEffect(() => {
    if (module) return;
    let current = true;
    setFailed(null);
    loadPage(page).then(
      () => current && setLoaded((n) => n + 1),
      () => current && setFailed(page),
    );
    return () => {
      current = false;
    };
  }, [page, module]);
  return [module ?? null, failed === page];
}

function PageView(props: { page: Page | 'not-found'; sub: string | null; params: Record<string, string> }) {
  const t = translator(useContext(LangContext));
  const [module, failed] = usePageCode(props.page === 'not-found' ? 'thong-bao' : props.page);
  if (props.page === 'not-found') return <NotFoundPage />;
  if (failed) return <Notice kind="error">{t('pageLoadFailed')}</Notice>;
  if (!module) return <p class="muted">{t('loading')}</p>;
  return <PageOf page={props.page} sub={props.sub} params={props.params} module={module} />;
}

function PageOf(props: { page: Page; sub: string | null; params: Record<string, string>; module: unknown }) {
  switch (props.page) {
    case 'bao-cao': {
      const { DataEntryPage } = props.module as PageModule<'bao-cao'>;
      return <DataEntryPage formCode={props.sub} />;
    }
    case 'tong-hop': {
      const { SummaryPage } = props.module as PageModule<'tong-hop'>;
      return <SummaryPage view={props.sub === 'bang' ? 'pivot' : 'dashboard'} params={props.params} />;
    }
    case 'giao-ban': {
      const { MeetingsPage } = props.module as PageModule<'giao-ban'>;
      return <MeetingsPage sub={props.sub} params={props.params} />;
    }
    case 'nhiem-vu': {
      const { TasksPage } = props.module as PageModule<'nhiem-vu'>;
      return <TasksPage params={props.params} />;
    }
    case 'van-ban': {
      const { DocumentsPage } = props.module as PageModule<'van-ban'>;
      return <DocumentsPage />;
    }
    case 'quan-tri': {
      const { AdminPage } = props.module as PageModule<'quan-tri'>;
      return <AdminPage sub={props.sub} params={props.params} />;
    }
    case 'doi-mat-khau':
      return <PasswordPage />;
    case 'thong-bao': {
      const { InboxPage } = props.module as PageModule<'thong-bao'>;
      return <InboxPage />;
    }
  }
}
