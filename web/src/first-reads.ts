// Which reads the address's view needs first, and how one is started. No Preact and no state: this module is also
// built on its own into the small script index.html runs while the page is still being read (see early-reads.ts),
// so that these reads leave before any of the page's code has been fetched.
import { isPeriod, periodDate } from './format.ts';
import type { Route } from './router.ts';

/** Builds a query string, leaving out empty values. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
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

/** The reads of every view: who is signed in and the catalogue. */
export const SESSION_READS = ['/api/auth/me', '/api/indicators', '/api/forms'] as const;

/**
 * What `route`'s view reads first: who is signed in, the catalogue, the unit, and the page's own figures or
 * list. Without asking for them together each would wait for the one before (script → session → catalogue →
 * figures).
 */
export function firstViewReads(route: Route): string[] {
  const reads: string[] = [...SESSION_READS];
  const { unit, period } = route.params;
  if (!unit || !isPeriod(period)) return reads;
  reads.push(unitPath(unit, period));
  if (route.page === 'tong-hop' && (route.sub === null || route.sub === 'bang')) {
    // The pivot's first table (indicators by measures) reads the same figures as the dashboard.
    const pivotFirst = route.params.rows !== 'unit' && route.params.cols !== 'periods';
    if (route.sub === null || pivotFirst) reads.push(aggregatesPath(unit, period, route.params.include));
  } else if (route.page === 'nhiem-vu') {
    reads.push(tasksPath(route.params));
  }
  return reads;
}

// The reads a commune's officer needs to keep typing without a network (who they are, the catalogue, the unit, the
// form's figures): each answer is copied here by the page as it arrives, and read back when the network is gone.
// The page keeps them itself, so that no read waits on a hop through the service worker.
export const OFFLINE_READS = 'giaoban-reads-v1';
const KEPT_FOR_OFFLINE = [
  /^\/api\/auth\/me$/,
  /^\/api\/indicators$/,
  /^\/api\/forms$/,
  /^\/api\/units\/[^/]+$/,
  /^\/api\/values$/,
  /^\/api\/submissions$/,
  /^\/api\/submissions\/due$/,
  /^\/api\/validation\/history$/,
];

function keptForOffline(path: string): boolean {
  const pathname = path.split('?')[0] ?? path;
  return typeof caches !== 'undefined' && KEPT_FOR_OFFLINE.some((pattern) => pattern.test(pathname));
}

/**
 * A GET from the network; for the reads kept for offline use, a good answer is copied and, when the network cannot
 * be reached, the last copy answers instead. Other failures (no copy, other reads) are the network's error.
 */
export async function fetchRead(path: string, init: RequestInit): Promise<Response> {
  if (!keptForOffline(path)) return fetch(path, init);
  try {
    const response = await fetch(path, init);
    if (response.ok) {
      const copy = response.clone();
      caches
        .open(OFFLINE_READS)
        .then((cache) => cache.put(path, copy))
        .catch(() => {});
    }
    return response;
  } catch (error) {
    const kept = await caches.match(path, { cacheName: OFFLINE_READS }).catch(() => undefined);
    if (kept) return kept;
    throw error;
  }
}

/** A GET of a JSON answer; a refusal (an ended session, no access) is a failure the page asks again about. */
export function startRead(path: string): Promise<unknown> {
  return fetchRead(path, { headers: { accept: 'application/json' }, credentials: 'same-origin' }).then(
    (response) => {
      if (!response.ok) throw new Error(String(response.status));
      return response.json() as Promise<unknown>;
    },
  );
}

/**
 * A page the server drew its view into says so in its head (the meta element named so, read by index.html's script
 * before the body arrives; its content is the page's first script, which that script then starts once the drawn
 * view is on screen) and carries the view's first answers in the JSON script element of this id.
 */
export const SERVER_DRAWN_META = 'giaoban-drawn';
export const FIRST_ANSWERS_ID = 'giaoban-first-answers';

/**
 * The paths whose views the server draws (with a unit and period in the query, see entry-server.tsx): the dashboard,
 * the first view most readers open each morning, the pivot's first table, and the tasks page, where each unit
 * follows up the briefing's directives.
 */
export const DRAWN_PATHS: readonly string[] = ['/tong-hop', '/tong-hop/bang', '/nhiem-vu'];

/**
 * Where the script of index.html keeps what a person did on a drawn view before the page's code took it over
 * (clicks on its buttons, changes of its fields), for the page to do them once it has (see start.tsx).
 */
export const EARLY_EVENTS = '__giaobanEarlyEvents';
export interface EarlyEvents {
  /** Each event with, for a field's, the value (or check) it left: the page's first render puts the drawn one back. */
  events: Array<{ type: string; target: Element; value?: string; checked?: boolean }>;
  stop(): void;
}

/** Where the script of index.html leaves the reads it started, for the page's code to take. */
export const EARLY_READS = '__giaobanEarlyReads';
export type EarlyReads = Map<string, Promise<unknown>>;
