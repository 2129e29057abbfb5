import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import type { RouteContext } from '../../src/app/route-context.ts';

/**
 * Routes cannot read rows without a principal, by construction: they hold a RouteContext whose storage and engine
 * are typed `never` (a use does not compile), Biome refuses their imports of repositories, the full context, the
 * store and the engine, and this test refuses the words that would reach them in any other way (passing
 * `ctx.store` on whole, a `.db`, a transaction). Each mechanism is shown to fail on a violating route.
 */

const root = new URL('../..', import.meta.url).pathname;

function routeFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...routeFiles(path));
    else if ((name === 'routes.ts' || name.endsWith('-routes.ts')) && !name.endsWith('.test.ts'))
      out.push(path);
  }
  return out;
}

const FORBIDDEN: Array<{ pattern: RegExp; why: string }> = [
  { pattern: /\bctx\s*\.\s*store\b/, why: 'the store (raw rows, transactions)' },
  { pattern: /\bctx\s*\.\s*engine\b/, why: 'the analytics engine (figures without the read gate)' },
  { pattern: /\.\s*(db|readDb)\b/, why: 'a database handle' },
  { pattern: /\.\s*(selectFrom|insertInto|updateTable|deleteFrom|transaction)\s*\(/, why: 'a query' },
  { pattern: /\bsql\s*`/, why: 'raw SQL' },
];

/** The lines of a route's source that reach storage or the engine other than through a service. */
export function layeringViolations(source: string): string[] {
  const out: string[] = [];
  source.split('\n').forEach((line, i) => {
    const code = line.replace(/\/\/.*$/, '');
    for (const { pattern, why } of FORBIDDEN)
      if (pattern.test(code)) out.push(`${i + 1}: ${why}: ${line.trim()}`);
  });
  return out;
}

const VIOLATING_ROUTE = `import type { FastifyPluginAsync } from 'fastify';
import type { RouteContext } from '../app/route-context.ts';
import { findUserById } from '../users/repository.ts';

export function leakyRoutes(ctx: RouteContext): FastifyPluginAsync {
  return async (app) => {
    app.get('/leak', async () => ({
      ranking: await ctx.engine.ranking({ unitId: 1 }),
      rows: await ctx.store.db.selectFrom('data_value').selectAll().execute(),
      user: await findUserById(ctx.store.db, 1),
    }));
  };
}
`;

describe('routes reach figures and texts only through services that take the principal', () => {
  const files = routeFiles(join(root, 'src'));

  it('finds the route files (every module with routes)', () => {
    assert.ok(files.length >= 20, `only ${files.length} route files found`);
  });

  it('no route file touches the store, the engine, a database handle, a query or raw SQL', () => {
    const found = files.flatMap((f) =>
      layeringViolations(readFileSync(f, 'utf8')).map((v) => `${relative(root, f)}:${v}`),
    );
    assert.deepEqual(found, []);
  });

  it('the source check fails on a route that reads rows itself', () => {
    const found = layeringViolations(VIOLATING_ROUTE);
    // Every offending line of the fixture (8: the engine, 9: a query on the store, 10: the store passed on).
    assert.deepEqual([...new Set(found.map((v) => Number(v.split(':')[0])))], [8, 9, 10], found.join('\n'));
    assert.match(found.join('\n'), /a query/);
    assert.match(found.join('\n'), /analytics engine/);
    assert.match(found.join('\n'), /the store/);
    assert.match(found.join('\n'), /database handle/);
  });

  it('the linter refuses a route importing a repository, the full context or the engine', () => {
    // The project's own configuration, on a copy of the violating route placed as a route and as a service.
    const dir = mkdtempSync(join(tmpdir(), 'giaoban-layering-'));
    const lint = (path: string, source: string) => {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), source);
      return spawnSync(join(root, 'node_modules/.bin/biome'), ['lint', '--max-diagnostics=50', path], {
        cwd: dir,
        encoding: 'utf8',
      });
    };
    copyFileSync(join(root, 'biome.json'), join(dir, 'biome.json'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const bad = `${VIOLATING_ROUTE}import type { AppContext } from '../app/context.ts';\nimport { AnalyticsEngine } from '../analytics/engine.ts';\nexport type Leak = [AppContext, AnalyticsEngine];\n`;
    const asRoute = lint('src/leaky/routes.ts', bad);
    const output = asRoute.stdout + asRoute.stderr;
    assert.notEqual(asRoute.status, 0, output);
    assert.match(output, /repository/);
    assert.match(output, /RouteContext/);
    assert.equal((output.match(/noRestrictedImports/g) ?? []).length, 3, output);
    // The same source outside a route file (a service) is allowed to import them.
    const asService = lint('src/leaky/service.ts', bad);
    assert.doesNotMatch(asService.stdout + asService.stderr, /noRestrictedImports/);
  });
});

/*
 * Type-level proof, checked by `npm run typecheck` (the tests are type-checked): each line below is a use a route
 * could attempt; if RouteContext ever exposed the store or the engine again, the `@ts-expect-error` would be unused
 * and the type check would fail.
 */
export async function routeCannotReadRows(ctx: RouteContext): Promise<unknown[]> {
  return [
    // @ts-expect-error the store is typed away in routes
    await ctx.store.db.selectFrom('data_value').selectAll().execute(),
    // @ts-expect-error the engine is typed away in routes
    await ctx.engine.ranking({ unitId: 1, period: null, indicator: 'x', option: null }),
    // @ts-expect-error no transaction either
    await ctx.store.write(async () => 1),
    // What a route may read: the clock, the unit tree and the catalogue (reference data, no figures).
    ctx.clock.today(),
    ctx.graph.root(ctx.clock.today()).code,
    ctx.catalogue.indicators.length,
  ];
}
