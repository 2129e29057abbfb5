import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { generateOpenApi } from '../../scripts/openapi.ts';
import { PATHS_FILE, pathsModule } from '../../scripts/openapi-types.ts';
import { ROOT } from '../support/app.ts';

interface Operation {
  operationId?: string;
  security?: unknown[];
  responses?: Record<string, unknown>;
}

describe('the OpenAPI document', () => {
  it('matches the committed snapshot (regenerate with `npm run openapi` and commit openapi.json)', async () => {
    const generated = await generateOpenApi();
    const committed = readFileSync(join(ROOT, 'openapi.json'), 'utf8');
    assert.ok(
      generated === committed,
      'openapi.json is out of date: the routes changed. Run `npm run openapi` and commit openapi.json',
    );
    assert.ok(
      pathsModule(JSON.parse(generated)) === readFileSync(join(ROOT, PATHS_FILE), 'utf8'),
      `${PATHS_FILE} is out of date: run \`npm run openapi\` and commit it with openapi.json`,
    );
    const doc = JSON.parse(generated) as { paths: Record<string, Record<string, Operation>> };
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
    );
    assert.ok(operations.length > 50);
    const ids = new Set<string>();
    for (const { name, op } of operations) {
      assert.ok(op.operationId && !ids.has(op.operationId), `${name}: a unique operationId`);
      ids.add(op.operationId);
      assert.ok(Array.isArray(op.security), `${name}: declares its security`);
      // The API's operations; the probes (/healthz, /readyz, /metrics) declare their own few answers.
      if (name.includes(' /api/'))
        for (const status of ['400', '401', '403', '404', '409', '415', '422'])
          assert.ok(op.responses?.[status], `${name}: documents ${status}`);
    }
    const post = doc.paths['/api/dataValueSets']?.post;
    assert.deepEqual(post?.security, [{ session: [], csrf: [] }]);
    assert.deepEqual(doc.paths['/api/auth/login']?.post?.security, []);
  });
});

/** Every .ts and .tsx file under a folder. */
function sourcesIn(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourcesIn(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the page’s API types', () => {
  it('come from the contract’s zod schemas only: web/src/types.ts re-exports them and declares nothing', () => {
    const code = readFileSync(join(ROOT, 'web/src/types.ts'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.trim().startsWith('//'));
    assert.deepEqual(code, ["export type * from '../../src/contract/index.ts';"]);
  });

  it('are not declared again anywhere in the page under a contract type’s name', () => {
    const contract = sourcesIn(join(ROOT, 'src/contract'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const names = [...contract.matchAll(/^export type (\w+) =/gm)].map((m) => m[1] as string);
    assert.ok(names.includes('Aggregates') && names.includes('Me'), `contract types: ${names.length}`);
    const copies: string[] = [];
    for (const file of sourcesIn(join(ROOT, 'web/src'))) {
      const text = readFileSync(file, 'utf8');
      for (const name of names)
        if (new RegExp(`^\\s*(export )?(interface ${name}\\b|type ${name}\\s*=)`, 'm').test(text))
          copies.push(`${file.slice(ROOT.length + 1)}: ${name}`);
    }
    assert.deepEqual(copies, [], 'a hand-written copy of an API type in the page');
  });
});
