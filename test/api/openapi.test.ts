import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { generateOpenApi } from '../../scripts/openapi.ts';
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
      for (const status of ['400', '401', '403', '404', '409', '415', '422'])
        assert.ok(op.responses?.[status], `${name}: documents ${status}`);
    }
    const post = doc.paths['/api/dataValueSets']?.post;
    assert.deepEqual(post?.security, [{ session: [], csrf: [] }]);
    assert.deepEqual(doc.paths['/api/auth/login']?.post?.security, []);
  });
});
