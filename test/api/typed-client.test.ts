import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import createClient from 'openapi-fetch';
import type { paths } from '../../src/contract/paths.ts';
import { useApiSuite } from '../support/api-suite.ts';
import type { TestApp } from '../support/app.ts';
import { PASSWORD, signIn } from '../support/canary.ts';

/**
 * A client typed from the committed document alone (src/contract/paths.ts, generated from openapi.json), as an
 * outside system would build one: bodies are typed by the document's response schemas, so `data.units[0].code` is
 * a string to the compiler, and a document that changes without its `paths` type fails test/api/openapi.test.ts.
 */
describe('a typed client over the OpenAPI document (openapi-fetch)', () => {
  let app: TestApp;
  let server: FastifyInstance;
  let cookie = '';

  useApiSuite({ demo: true }, async (suite) => {
    ({ app, server } = suite);
    await signIn(
      server,
      app.ctx,
      app.clock,
      { username: 'khach.phantich', role: 'analyst', unitCode: 'BCA' },
      'none',
    );
  });

  /** fetch answered by the server in-process (no port), keeping the session cookie like a browser. */
  const fetchInProcess = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const headers: Record<string, string> = Object.fromEntries(request.headers.entries());
    if (cookie) headers.cookie = cookie;
    const res = await server.inject({
      method: request.method as 'GET',
      url: `${url.pathname}${url.search}`,
      headers,
      ...(body ? { payload: body } : {}),
    });
    const set = res.headers['set-cookie'];
    if (set) cookie = String(Array.isArray(set) ? set[0] : set).split(';')[0] ?? '';
    return new Response(new Uint8Array(res.rawPayload), {
      status: res.statusCode,
      headers: { 'content-type': String(res.headers['content-type'] ?? '') },
    });
  };

  /** Fails to compile when a body's type is `never` (a document without response schemas types every body so). */
  const typed = <T>(value: T, _notNever: [T] extends [never] ? 'never' : 'typed') => value;

  it('signs in, reads units and aggregates with typed bodies, and gets typed error bodies', async () => {
    const client = createClient<paths>({ baseUrl: 'http://giaoban.test', fetch: fetchInProcess });
    const login = await client.POST('/api/auth/login', {
      body: { username: 'khach.phantich', password: PASSWORD },
    });
    assert.equal(login.response.status, 200);
    const csrf: string | undefined = typed(login.data?.csrfToken, 'typed');
    assert.ok(csrf);

    const units = await client.GET('/api/units', { params: { query: { kind: 'province', limit: 5 } } });
    const first: string | undefined = typed(units.data?.units[0]?.code, 'typed');
    assert.equal(units.data?.units.length, 5);
    assert.ok(first);

    const aggregates = await client.GET('/api/aggregates', {
      params: { query: { unit: 'BCA', period: '2026-10' } },
    });
    const rows = aggregates.data?.rows ?? [];
    assert.ok(rows.length > 0);
    const value: number | null | undefined = typed(rows[0]?.value, 'typed');
    assert.notEqual(value, undefined);

    const missing = await client.GET('/api/units/{code}', { params: { path: { code: 'KHONG-CO' } } });
    assert.equal(missing.response.status, 404);
    const code: string | undefined = typed(missing.error?.error, 'typed');
    assert.equal(code, 'not_found');
  });
});
