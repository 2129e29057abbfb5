// The service worker: the page's shell is served from the cache when the network is gone. The API is never passed
// through it: the page keeps its own copy of the few reads an officer needs offline (web/src/first-reads.ts).
const SHELL = 'giaoban-shell-v1';
// Every script and style sheet of the page (each page's code is a script of its own, loaded when first shown), so
// that a page never opened before still opens without a network. Filled in by the build (web/vite.config.ts).
const ASSETS = [];

async function cacheShell() {
  const cache = await caches.open(SHELL);
  const response = await fetch('/', { cache: 'no-store' });
  const html = await response.clone().text();
  await cache.put('/', response);
  const assets = [...html.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1]);
  await cache.addAll([...new Set([...assets, ...ASSETS])].filter((url) => !url.startsWith('/api/')));
}

// Static routes, where the browser supports them: the page's scripts and style sheets are read from the cache (the
// network when missing) and the API goes to the network, without running this worker's code for each: a hop through
// the worker costs every request of the first view time. A navigation races the network against the fetch handler
// below: online, the page comes straight from the server (through the worker, every new tab waited some 40 ms
// more); offline, the handler's cached page wins. The fetch handler does the same for browsers without static
// routes.
function staticRoutes() {
  const path = (pathname) => ({ urlPattern: new URLPattern({ pathname }) });
  return [
    { condition: path('/assets/*'), source: 'cache' },
    { condition: path('/api/*'), source: 'network' },
    { condition: { requestMode: 'navigate' }, source: 'race-network-and-fetch-handler' },
  ];
}

self.addEventListener('install', (event) => {
  if (event.addRoutes && typeof URLPattern === 'function') {
    try {
      event.waitUntil(event.addRoutes(staticRoutes()).catch(() => {}));
    } catch {
      // A browser that knows static routes but not one of these conditions keeps the fetch handler for all.
    }
  }
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  // Navigation preload: the page's request leaves while the worker starts, instead of after.
  const preload = self.registration.navigationPreload?.enable().catch(() => {}) ?? Promise.resolve();
  event.waitUntil(Promise.all([preload, self.clients.claim()]));
});

// The answer goes to the page as soon as it arrives; its copy is written meanwhile. An answer marked no-store (a
// view the server drew, which holds the reader's figures) is never copied: the shell stays the bare page.
async function networkFirst(event, request, cacheName, fallbackKey, preloaded) {
  try {
    const response = (await preloaded) ?? (await fetch(request));
    if (response.ok && !/no-store/.test(response.headers.get('cache-control') ?? '')) {
      const copy = response.clone();
      event.waitUntil(caches.open(cacheName).then((cache) => cache.put(fallbackKey ?? request, copy)));
    }
    return response;
  } catch (error) {
    const cached = await (await caches.open(cacheName)).match(fallbackKey ?? request);
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) return;
  // Navigations are the one page; assets are named by their content, so a cached copy is always right.
  if (request.mode === 'navigate')
    event.respondWith(networkFirst(event, request, SHELL, '/', event.preloadResponse));
  else if (
    url.pathname.startsWith('/assets/') ||
    url.pathname === '/icon.svg' ||
    url.pathname === '/manifest.webmanifest'
  )
    event.respondWith(caches.match(request).then((hit) => hit ?? networkFirst(event, request, SHELL)));
});
