import type { AppContext } from '../app/context.ts';
import type { ReadRouting } from '../db/replicas.ts';
import type { Clock } from '../shared/clock.ts';
import { appliedMigrations, countActiveSessions, pingDatabase } from './repository.ts';

/**
 * What the operator routes (/healthz, /readyz, /metrics) may ask of the database, and nothing more: whether it
 * answers, which migrations it carries, how many sessions are active, and where reads were served. They never hold
 * the store, so they cannot read figures or texts.
 */
export interface OpsHandle {
  readonly clock: Clock;
  ping(): Promise<void>;
  appliedMigrations(): Promise<string[]>;
  activeSessionsSince(since: string): Promise<number>;
  readRouting(): ReadRouting | null;
}

export function opsHandle(ctx: AppContext): OpsHandle {
  return {
    clock: ctx.clock,
    ping: () => pingDatabase(ctx.store.db),
    appliedMigrations: () => appliedMigrations(ctx.store.db),
    activeSessionsSince: (since) => countActiveSessions(ctx.store.db, since),
    readRouting: () => ctx.store.readRouting,
  };
}
