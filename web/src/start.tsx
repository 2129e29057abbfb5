// The page itself, loaded by main.tsx once the first view's reads have left.
import { render } from 'preact';
import { drawnByServer, earlyReadsSettled, freshGet, setCsrfToken } from './api.ts';
import { App, type SessionCheck } from './app.tsx';
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
  const waited = new Promise<null>((resolve) => setTimeout(() => resolve(null), FIRST_FRAME_WAIT_MS));
  return Promise.race([ready, waited]);
}

/**
 * Resolves once the page's first frame has been painted: a view the server drew is shown by the browser as the page
 * is read, and the page's code takes it over only after that (taking it over costs a render of the whole view,
 * which would otherwise hold the first frame back).
 */
function afterFirstPaint(): Promise<void> {
  const frame = () => new Promise((next) => requestAnimationFrame(next));
  return frame()
    .then(frame)
    .then(() => undefined);
}

const root = document.getElementById('app');
if (root) {
  followLinks();
  const check = freshGet<Me>('/api/auth/me');
  // A failure is the app's to handle (signed out); this copy only must not be reported as unhandled.
  check.catch(() => {});
  const painted = drawnByServer() ? afterFirstPaint() : null;
  void firstViewReady(check).then(async (checked) => {
    if (checked?.me) setCsrfToken(checked.me.csrfToken);
    await painted;
    // Over a view the server drew, the render keeps its elements and attaches the page's handlers to them.
    render(<App sessionCheck={check} checked={checked} />, root);
  });
}
registerServiceWorker();
