import type { AppContext } from './context.ts';

/**
 * What an HTTP route holds: the application context with its storage and its analytics engine typed away. A route
 * passes it on to services (which take the principal and go through the read gate, src/auth/gate.ts) and reads the
 * clock, the unit tree and the catalogue; it cannot read rows itself: `ctx.store.db…` or `ctx.engine.ranking(…)`
 * does not compile in a route (`never` has no members). Passing `ctx.store` on whole still would, so
 * test/security/route-layering.test.ts also refuses the words in route files, and Biome refuses their imports of
 * the full context, the storage and the engine.
 */
export interface RouteContext extends AppContext {
  readonly store: never;
  readonly engine: never;
}

/** The one place the full context is narrowed for the routes (src/server/app.ts). */
export function forRoutes(ctx: AppContext): RouteContext {
  return ctx as unknown as RouteContext;
}
