// A hash router: the whole view (page, unit, period, options) lives in the URL after "#", so a view can be
// bookmarked, shared and reloaded, and the server needs no knowledge of the page's paths. No Preact here: the
// page's first script reads the address with it before any other code has loaded (the hook is in app.tsx).

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

export function parseHash(hash: string): Route {
  const text = hash.replace(/^#/, '');
  const [path = '', search = ''] = text.split('?');
  const [first = '', ...rest] = path.split('/').filter(Boolean);
  const params = Object.fromEntries(new URLSearchParams(search));
  if (first === '') return { page: 'tong-hop', sub: null, params };
  const page = (PAGES as readonly string[]).includes(first) ? (first as Page) : 'not-found';
  return { page, sub: rest.length > 0 ? rest.map(decodeURIComponent).join('/') : null, params };
}

export function href(
  page: Page,
  sub: string | null,
  params: Record<string, string | null | undefined>,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return `#/${page}${sub ? `/${encodeURIComponent(sub)}` : ''}${text ? `?${text}` : ''}`;
}

export function navigate(target: string, options: { replace?: boolean } = {}): void {
  if (options.replace) {
    history.replaceState(null, '', target);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = target.replace(/^#/, '');
  }
}

/** Changes some parameters of the current view, keeping the page and the others. */
export function updateParams(
  changes: Record<string, string | null>,
  options: { replace?: boolean } = {},
): void {
  const route = parseHash(location.hash);
  const page = route.page === 'not-found' ? 'tong-hop' : route.page;
  navigate(href(page, route.sub, { ...route.params, ...changes }), options);
}
