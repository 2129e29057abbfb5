// The page itself, loaded by main.tsx once the first view's reads have left.
import { render } from 'preact';
import { drawnByServer, earlyReadsSettled, freshGet, setCsrfToken } from './api.ts';
import { App, type SessionCheck } from './app.tsx';
import { EARLY_EVENTS, type EarlyEvents } from './first-reads.ts';
import { loadPage } from './first-view.ts';
import { registerServiceWorker } from './offline.ts';
import { currentRoute, followLinks } from './router.ts';
import type { Me } from './types.ts';

/**
 * How long the first frame waits for the address's view to be ready: the session, the catalogue, the page's code and
 * its first reads, all asked for before this script ran. Drawn at once, the view would take a "checking" frame, a
 * "loading" frame and then a frame per answer, each laid out in turn; what comes later than this is drawn as it comes.
 */
const FIRST_FRAME_WAIT_MS = 300;

/** The session check's outcome if it and the rest of the first view came within the wait, else null. */
function firstViewReady(check: Promise<Me>): Promise<SessionCheck | null> {
  const route = currentRoute();
  const ready = Promise.all([
    check.then(
      (me): SessionCheck => ({ me }),
      (): SessionCheck => ({ me: null }),
    ),
    earlyReadsSettled(),
    route.page === 'not-found' ? null : loadPage(route.page).catch(() => null),
  ]).then(([outcome]) => outcome);
  // A view the server drew is on screen already: the page takes it over once everything is here, never drawing a
  // "checking" frame over it.
  if (drawnByServer()) return ready;
  const waited = new Promise<null>((resolve) => setTimeout(() => resolve(null), FIRST_FRAME_WAIT_MS));
  return Promise.race([ready, waited]);
}

/** What a person did on the drawn view before this code took it over, done now that it has (see early-reads.ts). */
function doEarlyEvents(): void {
  const early = (window as unknown as Record<string, EarlyEvents | undefined>)[EARLY_EVENTS];
  if (!early) return;
  early.stop();
  for (const { type, target, value, checked } of early.events.splice(0)) {
    if (!target.isConnected) continue;
    // The render has put the drawn value back into the field: the person's is restored before it is acted on.
    if (value !== undefined && 'value' in target) (target as HTMLInputElement).value = value;
    if (checked !== undefined && target instanceof HTMLInputElement) target.checked = checked;
    if (type === 'click' && target instanceof HTMLElement) target.click();
    else target.dispatchEvent(new Event(type, { bubbles: true }));
  }
}

const root = document.getElementById('app');
if (root) {
  followLinks();
  const check = freshGet<Me>('/api/auth/me');
  // A failure is the app's to handle (signed out); this copy only must not be reported as unhandled.
  check.catch(() => {});
  void firstViewReady(check).then((checked) => {
    if (checked?.me) setCsrfToken(checked.me.csrfToken);
    // Over a view the server drew (this script is started once it has been painted), the render keeps its
    // elements and attaches the page's handlers to them; a section a person opened meanwhile (a <details>, which
    // opens without any script) would be closed by it, having no "open" in the page's markup: it is opened again.
    const opened = [...root.querySelectorAll('details')].filter((details) => details.open);
    render(<App sessionCheck={check} checked={checked} />, root);
    for (const details of opened) if (details.isConnected) details.open = true;
    doEarlyEvents();
  });
}
registerServiceWorker();
