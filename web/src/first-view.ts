// What the page's first script does before anything else: it takes the reads index.html's inlined script started
// (or, where there is none, as in the development server, starts them) and asks for the view's code, so that both
// travel while the rest of the page's code loads. Kept small on purpose: the view's code waits for it.
import { drawnByServer, prefetch } from './api.ts';
import { firstViewReads } from './first-reads.ts';
import { currentRoute, type Page } from './router.ts';

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

/**
 * Asks, as the script starts and alongside the session check, for what the address's view will read (those index.html's
 * script has not already asked for) and starts loading the page's code. Signed out, these reads are refused and
 * forgotten.
 */
export function prefetchFirstView(): void {
  const route = currentRoute();
  // A view the server has drawn came with its first reads' answers (see api.ts).
  if (!drawnByServer()) for (const path of firstViewReads(route)) prefetch(path);
  // A page's code that fails to load now is asked for again when the page is shown.
  if (route.page !== 'not-found') loadPage(route.page).catch(() => {});
}
