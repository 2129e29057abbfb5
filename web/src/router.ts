// The router: the whole view (page, unit, period, options) lives in the address's path and query
// ("/tong-hop?unit=BCA&period=2020-02"), so a view can be bookmarked, shared and reloaded, and the server, which sees
// the path, can draw the view's first figures into the page it sends. Addresses of the earlier form, with the view
// after "#" ("/#/tong-hop?…": old bookmarks, links in e-mails already sent), are taken and rewritten. No Preact here:
// the page's first script reads the address with it before any other code has loaded (the hook is in app.tsx).

export const PAGES = [
  'bao-cao',
  'tong-hop',
  'giao-ban',
  'nhiem-vu',
  'van-ban',
  'quan-tri',
  // The signed-in user's own account (password change), reached from the user menu.
  'doi-mat-khau',
  // The signed-in user's notifications and their choices, reached from the header.
  'thong-bao',
] as const;
export type Page = (typeof PAGES)[number];

export interface Route {
  page: Page | 'not-found';
  /** The rest of the path: "bang" for the pivot, a form code for data entry. */
  sub: string | null;
  params: Record<string, string>;
}

/** The view an address names, from its path ("/tong-hop/bang") and query ("?unit=BCA&period=2020-02"). */
export function parseAddress(pathname: string, search: string): Route {
  const [first = '', ...rest] = pathname.split('/').filter(Boolean);
  const params = Object.fromEntries(new URLSearchParams(search));
  if (first === '') return { page: 'tong-hop', sub: null, params };
  const page = (PAGES as readonly string[]).includes(first) ? (first as Page) : 'not-found';
  return { page, sub: rest.length > 0 ? rest.map(decodeURIComponent).join('/') : null, params };
}

/** The address an earlier-form fragment ("#/tong-hop?unit=…") stands for, or null for any other fragment. */
export function addressOfFragment(hash: string): string | null {
  if (!hash.startsWith('#/')) return null;
  const [path = '', search = ''] = hash.slice(1).split('?');
  return `${path}${search ? `?${search}` : ''}`;
}

/** Where the view is drawn from: the page's address, or the address a server-side drawing was asked for. */
let drawnAt: { pathname: string; search: string } | null = null;

/** Draws the next views (on the server, where there is no `location`) as if at `address`; null goes back. */
export function drawAt(address: { pathname: string; search: string } | null): void {
  drawnAt = address;
}

/** The current address, path and query. */
export function currentAddress(): string {
  const at = drawnAt ?? location;
  return `${at.pathname}${at.search}`;
}

/** The view of the current address. */
export function currentRoute(): Route {
  const at = drawnAt ?? location;
  return parseAddress(at.pathname, at.search);
}

export function href(
  page: Page,
  sub: string | null,
  params: Record<string, string | null | undefined>,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return `/${page}${sub ? `/${encodeURIComponent(sub)}` : ''}${text ? `?${text}` : ''}`;
}

/** The event by which the page learns that its address changed (a link followed, back or forward). */
export const ROUTE_CHANGED = 'giaoban:route';

export function navigate(target: string, options: { replace?: boolean } = {}): void {
  const address = addressOfFragment(target) ?? target;
  if (options.replace) history.replaceState(null, '', address);
  else history.pushState(null, '', address);
  window.dispatchEvent(new Event(ROUTE_CHANGED));
}

/** Changes some parameters of the current view, keeping the page and the others. */
export function updateParams(
  changes: Record<string, string | null>,
  options: { replace?: boolean } = {},
): void {
  const route = currentRoute();
  const page = route.page === 'not-found' ? 'tong-hop' : route.page;
  navigate(href(page, route.sub, { ...route.params, ...changes }), options);
}

/** Rewrites an address of the earlier form in place (before the first view reads it); true when it did. */
export function adoptFragmentAddress(): boolean {
  const address = addressOfFragment(location.hash);
  if (address === null) return false;
  history.replaceState(null, '', address);
  return true;
}

/**
 * Follows the page's own links without reloading it: a click on a link to one of the pages (or the home page) of
 * this origin changes the address and the view; back and forward, and earlier-form fragments, do the same.
 * Links opened elsewhere (modifier keys, another target, downloads) are left to the browser.
 */
export function followLinks(): void {
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element | null)?.closest?.('a[href]');
    if (!(link instanceof HTMLAnchorElement)) return;
    if ((link.target && link.target !== '_self') || link.hasAttribute('download')) return;
    const url = new URL(link.href);
    if (url.origin !== location.origin) return;
    if (parseAddress(url.pathname, url.search).page === 'not-found') return;
    // A link to a place on the same view ("#ket-luan") scrolls as the browser does.
    if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
  window.addEventListener('popstate', () => window.dispatchEvent(new Event(ROUTE_CHANGED)));
  window.addEventListener('hashchange', () => {
    if (adoptFragmentAddress()) window.dispatchEvent(new Event(ROUTE_CHANGED));
  });
}
