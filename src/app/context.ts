import { AnswerCache } from '../analytics/answer-cache.ts';
import { AnalyticsEngine } from '../analytics/engine.ts';
import { liveAnalyticsSource } from '../analytics/repository.ts';
import type { AuditSeal } from '../audit/keyfile.ts';
import { generationsOf } from '../db/generations.ts';
import { createYearsAhead } from '../db/partitions.ts';
import { migrate, openStore, type Store } from '../db/store.ts';
import { FORMS, INDICATORS } from '../indicators/catalogue.ts';
import type { Catalogue } from '../indicators/registry.ts';
import { loadCatalogue, syncCatalogue } from '../indicators/repository.ts';
import type { Clock } from '../shared/clock.ts';
import type { UnitGraph } from '../units/graph.ts';
import { buildReferenceData } from '../units/reference-data.ts';
import { countUnits, loadUnitGraph, saveReferenceUnits } from '../units/repository.ts';

/** Everything a command or a request needs: storage, the clock, and the in-memory tree and catalogue. */
export interface AppContext {
  readonly store: Store;
  readonly clock: Clock;
  graph: UnitGraph;
  catalogue: Catalogue;
  engine: AnalyticsEngine;
  /** The key that signs checkpoints of the audit chain (kept outside the database); null when none is configured. */
  auditSeal: AuditSeal | null;
  /** Re-reads the unit tree and the catalogue after they changed. */
  reload(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl: string;
  clock: Clock;
  referenceDataDir: string;
  /** PostgreSQL streaming replicas for analytics and document reads (DATABASE_READ_URLS). */
  readUrls?: readonly string[];
  readWaitMs?: number;
  /** The audit key (GIAOBAN_AUDIT_KEY_FILE), loaded by the caller. */
  auditSeal?: AuditSeal | null;
}

/**
 * Opens the database, brings the schema up to date, and loads the reference organisation and the catalogue the
 * first time. Safe to call on every start.
 */
/**
 * The cache of the engine's answers, without read replicas only: replicas read in turn could answer the generation
 * from one that has replayed a write and the figures from one that has not yet, and a stale answer would then be kept.
 */
function answerCache(store: Store): AnswerCache | undefined {
  return store.readDb === store.db
    ? new AnswerCache(() =>
        generationsOf(store)
          .read()
          .then((g) => g.data),
      )
    : undefined;
}

export async function openApp(options: OpenOptions): Promise<AppContext> {
  const store = await openStore(options.databaseUrl, {
    ...(options.readUrls ? { readUrls: options.readUrls } : {}),
    ...(options.readWaitMs !== undefined ? { readWaitMs: options.readWaitMs } : {}),
  });
  try {
    await migrate(store);
    // PostgreSQL: this year's and the next two years' partitions exist before anyone saves into them.
    await createYearsAhead(store, Number(options.clock.today().slice(0, 4)));
    if ((await countUnits(store.db)) === 0) {
      await saveReferenceUnits(store, buildReferenceData(options.referenceDataDir));
    }
    await syncCatalogue(store, INDICATORS, FORMS);
  } catch (error) {
    await store.close();
    throw error;
  }
  const ctx: AppContext = {
    store,
    clock: options.clock,
    graph: await loadUnitGraph(store.db),
    catalogue: await loadCatalogue(store.db),
    engine: undefined as unknown as AnalyticsEngine,
    auditSeal: options.auditSeal ?? null,
    reload: async () => {
      ctx.graph = await loadUnitGraph(store.db);
      ctx.catalogue = await loadCatalogue(store.db);
      ctx.engine = new AnalyticsEngine(
        ctx.graph,
        ctx.catalogue,
        liveAnalyticsSource(store.readDb, () => ctx.graph),
        answerCache(store),
      );
    },
    close: () => store.close(),
  };
  ctx.engine = new AnalyticsEngine(
    ctx.graph,
    ctx.catalogue,
    liveAnalyticsSource(store.readDb, () => ctx.graph),
    answerCache(store),
  );
  return ctx;
}
