// Figures typed without a network are kept in IndexedDB, per user and report, until the server has taken them.
// The version each figure was typed against travels with it, so the server's version check still decides.

import { OFFLINE_READS } from './first-reads.ts';

export interface DraftCell {
  key: string;
  indicator: string;
  option: string | null;
  value: number | null;
  comment: string;
  /** The version of the figure the officer was looking at when typing. */
  version: number;
}

const DB_NAME = 'giaoban';
const STORE = 'drafts';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = act(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

export async function loadDraft(key: string): Promise<DraftCell[]> {
  if (typeof indexedDB === 'undefined') return [];
  return ((await run('readonly', (s) => s.get(key))) as DraftCell[] | undefined) ?? [];
}

/** Adds cells to a report's draft; a cell typed again replaces its earlier entry but keeps the first version. */
export async function addToDraft(key: string, cells: DraftCell[]): Promise<void> {
  const current = new Map((await loadDraft(key)).map((c) => [c.key, c]));
  for (const cell of cells) {
    const earlier = current.get(cell.key);
    current.set(cell.key, earlier ? { ...cell, version: earlier.version } : cell);
  }
  await run('readwrite', (s) => s.put([...current.values()], key));
}

export async function clearDraft(key: string): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  await run('readwrite', (s) => s.delete(key));
}

/** Installs the service worker that keeps the page's shell for when the network is gone. */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || location.protocol === 'file:') return;
  const register = () => navigator.serviceWorker.register('/sw.js').catch(() => {});
  // The page's code may arrive after the load event (it is loaded by the first script).
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register);
}

/** Forgets the copy of the reads kept for offline use, when the user signs out. */
export function forgetOfflineReads(): void {
  if (typeof caches !== 'undefined') caches.delete(OFFLINE_READS).catch(() => {});
}
