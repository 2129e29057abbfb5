// The page's first view drawn on the server, with the same components the page draws it with: the server reads the
// view's first answers through its own routes (the same gate as the page's reads), and this draws the view from
// them into the HTML it sends, so that the figures are on screen as soon as the page is read, before its scripts
// have run; the page then takes the drawn view over (start.tsx). Built on its own for Node (web/vite.server.config.ts).
import { renderToString } from 'preact-render-to-string';
import { clearCache, takeAnswers } from './api.ts';
import { App, LANG_COOKIE } from './app.tsx';
import {
  DRAWN_PATHS,
  FIRST_ANSWERS_ID,
  firstViewReads,
  SERVER_DRAWN_META,
  SESSION_READS,
} from './first-reads.ts';
import { loadPage } from './first-view.ts';
import type { Lang } from './i18n.ts';
import { drawAt, parseAddress, type Route } from './router.ts';
import type { Me } from './types.ts';

export { DRAWN_PATHS, FIRST_ANSWERS_ID, LANG_COOKIE, SERVER_DRAWN_META };

/** Loads the code of the pages drawn here (the page loads a page's code when first shown; here, once at start). */
export async function prepare(): Promise<void> {
  await Promise.all(
    DRAWN_PATHS.map((path) => {
      const { page } = parseAddress(path, '');
      if (page === 'not-found') throw new Error(`${path} is not an address of the page`);
      return loadPage(page);
    }),
  );
}

/**
 * Whether the server draws the route's view (`DRAWN_PATHS`). Other views are drawn by the page (their first answers
 * are asked for as the page is read).
 */
function drawnOnServer(route: Route): boolean {
  return DRAWN_PATHS.includes(route.sub === null ? `/${route.page}` : `/${route.page}/${route.sub}`);
}

/** The reads a view drawn on the server needs, or null when the server does not draw it. */
export function serverReads(pathname: string, search: string): string[] | null {
  const route = parseAddress(pathname, search);
  if (!drawnOnServer(route)) return null;
  const reads = firstViewReads(route);
  // Drawn only with the view's own read (figures, task list) after the session's and the unit's: without a unit
  // and period in the address the view is the signed-in user's home, which the page works out, and the pivot's
  // other shapes (units by month) read theirs in turn.
  return reads.length > SESSION_READS.length + 1 ? reads : null;
}

/**
 * The view at the address drawn from its first answers (every path of `serverReads`, each answered), or null when
 * the signed-in session is not ready for the view (a second factor or a new password owed).
 */
export function drawView(input: {
  pathname: string;
  search: string;
  answers: Record<string, unknown>;
  lang: Lang;
}): string | null {
  const me = input.answers['/api/auth/me'] as Me | undefined;
  if (!me || me.secondFactor || me.mustChangePassword) return null;
  drawAt({ pathname: input.pathname, search: input.search });
  takeAnswers(input.answers);
  try {
    // Drawn at once from the answers given: nothing is awaited, so no other request's drawing can interleave with
    // this one's use of the page's module state (the answers, the address), which is cleared before returning.
    const never = new Promise<Me>(() => {});
    return renderToString(<App sessionCheck={never} checked={{ me }} lang={input.lang} />);
  } finally {
    clearCache();
    drawAt(null);
  }
}
