// What the page's first script does before anything else: it asks for the reads the address's view will need and
// for that view's code, so that both travel while the rest of the page's code loads. Kept small on purpose: it is
// the only script the browser must fetch and run before the first requests leave.
import { prefetch, query } from './api.ts';
import { isPeriod, periodDate } from './format.ts';
import { type Page, parseHash } from './router.ts';

/** The code of each page, loaded when the page is first shown (or, for the address's page, as the page starts). */
export const PAGE_CODE = {
  'bao-cao': () => import('./pages/data-entry.tsx'),
  'tong-hop': () => import('./pages/summary.tsx'),
  'giao-ban': () => import('./pages/meetings.tsx'),
  'nhiem-vu': () => import('./pages/tasks.tsx'),
  'van-ban': () => import('./pages/documents.tsx'),
  'quan-tri': () => import('./pages/admin.tsx'),
  'doi-mat-khau': () => import('./pages/password.tsx'),
  'thong-bao': () => import('./pages/inbox.tsx'),
} satisfies Record<Page, () => Promise<unknown>>;

/** The modules of the pages loaded so far: a page whose code is here is drawn in the same frame. */
export const loadedPages = new Map<Page, unknown>();

/** Loads a page's code, noting the module when it arrives. */
export function loadPage(page: Page): Promise<unknown> {
  return PAGE_CODE[page]().then((module) => {
    loadedPages.set(page, module);
    return module;
  });
}

export function unitPath(code: string, period: string): string {
  return `/api/units/${encodeURIComponent(code)}${query({ at: periodDate(period) })}`;
}

/**
 * The dashboard's figures, which the pivot's tables read too: one address per unit, period and inclusion (reports
 * submitted and approved unless `approved` or `draft` is asked for).
 */
export function aggregatesPath(unit: string, period: string, include?: string): string {
  const chosen = include === 'approved' || include === 'draft' ? include : null;
  // The cards and the pivot show the month against the month before and last year, not the year to date.
  return `/api/aggregates${query({ unit, period, compare: true, ytd: false, include: chosen })}`;
}

/** The list a view of the tasks page reads, from the address's parameters. */
export function tasksPath(params: Record<string, string>): string {
  const view = params.view ?? 'mine';
  return `/api/tasks${query({
    scope: view === 'mine' ? 'mine' : 'all',
    status: view === 'overdue' ? 'overdue' : params.status,
    unit: view === 'mine' ? undefined : (params.of ?? ''),
    at: params.at,
  })}`;
}

/**
 * Asks, as the script starts and alongside the session check, for what the address's view will read: the
 * catalogue, the unit, and the page's own figures or list, and starts loading the page's code. Without it each
 * waits for the one before (script → session → catalogue → figures). Signed out, these reads are refused and
 * forgotten.
 */
export function prefetchFirstView(): void {
  const route = parseHash(location.hash);
  prefetch('/api/auth/me');
  prefetch('/api/indicators');
  prefetch('/api/forms');
  // A page's code that fails to load now is asked for again when the page is shown.
  if (route.page !== 'not-found') loadPage(route.page).catch(() => {});
  const { unit, period } = route.params;
  if (!unit || !isPeriod(period)) return;
  prefetch(unitPath(unit, period));
  if (route.page === 'tong-hop' && (route.sub === null || route.sub === 'bang')) {
    // The pivot's first table (indicators by measures) reads the same figures as the dashboard.
    const pivotFirst = route.params.rows !== 'unit' && route.params.cols !== 'periods';
    if (route.sub === null || pivotFirst) prefetch(aggregatesPath(unit, period, route.params.include));
  } else if (route.page === 'nhiem-vu') {
    prefetch(tasksPath(route.params));
  }
}
