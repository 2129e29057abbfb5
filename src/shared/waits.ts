import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What a request waited on inside the store, for the slow-request log (`SLOW_REQUEST_MS`): the write lock (SQLite
 * serialises writes), the write itself, and the disk flush that makes it durable. Time a slow request spent
 * elsewhere went to its own work or to other requests' (the event loop, garbage collection).
 */
export interface RequestWaits {
  writes: number;
  writeLockMs: number;
  writeMs: number;
  flushMs: number;
}

const current = new AsyncLocalStorage<RequestWaits>();

export function newRequestWaits(): RequestWaits {
  return { writes: 0, writeLockMs: 0, writeMs: 0, flushMs: 0 };
}

/** Runs `fn` (and everything it starts) counting its waits into `waits`. */
export function countingWaits<T>(waits: RequestWaits, fn: () => T): T {
  return current.run(waits, fn);
}

/** Adds to the waits of the request being served, if they are being counted. */
export function noteWaits(lockMs: number, writeMs: number, flushMs: number): void {
  const waits = current.getStore();
  if (!waits) return;
  waits.writes++;
  waits.writeLockMs += lockMs;
  waits.writeMs += writeMs;
  waits.flushMs += flushMs;
}
