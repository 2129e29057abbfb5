import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { FastifyInstance } from 'fastify';
import { useApiSuite } from '../support/api-suite.ts';
import type { TestApp } from '../support/app.ts';
import { type Principal, plantCanaries, signIn } from '../support/canary.ts';
import { type OpenApi, type Planted, sweepUrls } from '../support/sweep.ts';

interface Media {
  schema?: Record<string, unknown>;
}
interface Answer {
  description?: string;
  content?: Record<string, Media>;
}
type Document = OpenApi & {
  paths: Record<string, Record<string, { responses?: Record<string, Answer> }>>;
  components: { schemas: Record<string, unknown> };
};

const ERROR_STATUSES = ['400', '401', '403', '404', '409', '415', '422', '428'];

/** A schema that says something: a type, a reference or a combination, not `{}` or a bare description. */
function saysSomething(schema: Record<string, unknown> | undefined): boolean {
  return (
    schema !== undefined &&
    ['type', '$ref', 'anyOf', 'oneOf', 'allOf', 'enum', 'const'].some((k) => k in schema)
  );
}

/** The shared error body, by reference, or among the alternatives of a route that has its own (import summaries). */
function isErrorBody(schema: Record<string, unknown>): boolean {
  if (schema.$ref === '#/components/schemas/ApiError') return true;
  const options = (schema.anyOf ?? schema.oneOf ?? []) as Array<{ properties?: Record<string, unknown> }>;
  return options.some((o) => o.properties?.error !== undefined && o.properties?.message !== undefined);
}

/**
 * The API's one contract: every operation of the OpenAPI document declares a schema for each answer it gives,
 * and what the GET routes really answer (called with the canary sweep's parameters) validates against it.
 */
describe('the API contract', () => {
  let app: TestApp;
  let server: FastifyInstance;
  let doc: Document;
  let readers: Principal[];
  let planted: Planted;

  useApiSuite({ demo: true }, async (suite) => {
    ({ app, server } = suite);
    const leader = await signIn(
      server,
      app.ctx,
      app.clock,
      { username: 'hopdong.lanhdao', role: 'leader', unitCode: 'BCA' },
      'tuyet_mat',
    );
    const admin = await signIn(
      server,
      app.ctx,
      app.clock,
      // The administrator reads the user list and the audit log, which a leader may not.
      { username: 'hopdong.quantri', role: 'admin' as 'leader', unitCode: 'BCA' },
      'tuyet_mat',
    );
    readers = [leader, admin];
    planted = await plantCanaries(app.ctx, leader.client);
    doc = (await server.inject({ method: 'GET', url: '/api/openapi.json' })).json() as Document;
  });

  it('declares a schema for every answer of every operation, and the success answer is never empty', () => {
    const missing: string[] = [];
    let operations = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        operations++;
        const name = `${method.toUpperCase()} ${path}`;
        const responses = op.responses ?? {};
        const success = Object.keys(responses).filter((status) => status.startsWith('2'));
        if (success.length === 0) missing.push(`${name}: no 2xx answer`);
        for (const [status, answer] of Object.entries(responses)) {
          const media = Object.entries(answer.content ?? {});
          if (media.length === 0) missing.push(`${name} ${status}: no content`);
          for (const [type, { schema }] of media)
            if (!saysSomething(schema)) missing.push(`${name} ${status} ${type}: empty schema`);
        }
        if (path.startsWith('/api/'))
          for (const status of ERROR_STATUSES) {
            const schema = responses[status]?.content?.['application/json']?.schema;
            if (!schema) missing.push(`${name}: ${status} undocumented`);
            else if (!isErrorBody(schema)) missing.push(`${name} ${status}: not the shared error body`);
          }
      }
    }
    assert.ok(operations > 80, `operations: ${operations}`);
    assert.deepEqual(missing, []);
  });

  it('answers every GET route with a body its documented schema accepts', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    ajv.addSchema({ $id: 'doc', components: doc.components });
    const compiled = new Map<Record<string, unknown>, ReturnType<typeof ajv.compile>>();
    const validatorFor = (schema: Record<string, unknown>) => {
      let validate = compiled.get(schema);
      if (!validate) {
        validate = ajv.compile(
          JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/')),
        );
        compiled.set(schema, validate);
      }
      return validate;
    };
    const timings = new Map<string, number>();
    const problems: string[] = [];
    const answered = new Map<string, Set<string>>();
    let validated = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      const op = methods.get as { parameters?: []; responses?: Record<string, Answer> } | undefined;
      if (!op) continue;
      for (const url of sweepUrls(path, op.parameters ?? [], planted)) {
        for (const reader of readers) {
          // The administrator is asked only what the leader may not read (the user list, the audit log).
          if (reader !== readers[0] && answered.get(path)?.has('200')) continue;
          const started = performance.now();
          const res = await reader.client.get(url);
          timings.set(path, (timings.get(path) ?? 0) + performance.now() - started);
          const status = String(res.status);
          answered.set(path, (answered.get(path) ?? new Set()).add(status));
          const answer = op.responses?.[status];
          if (!answer) {
            problems.push(
              `${url}: status ${status} is not documented (${res.raw.toString('utf8').slice(0, 300)})`,
            );
            continue;
          }
          const type = String(res.headers['content-type'] ?? '').split(';')[0] ?? '';
          const schema = answer.content?.[type]?.schema;
          if (!schema) {
            problems.push(`${url}: ${status} in ${type}, not a documented content type`);
            continue;
          }
          if (type !== 'application/json') continue;
          const validate = validatorFor(schema);
          if (!validate(res.body)) problems.push(`${url} ${status}: ${ajv.errorsText(validate.errors)}`);
          validated++;
        }
      }
    }
    // Routes the sweep's parameters cannot bring to a success: nothing is issued or concluded in the fixture.
    const noSuccess = [...answered.entries()]
      .filter(([, statuses]) => ![...statuses].some((s) => s.startsWith('2')))
      .map(([path]) => path);
    const slowest = [...timings.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6);
    console.log(
      `contract sweep, slowest: ${slowest.map(([p, ms]) => `${p} ${Math.round(ms)} ms`).join(', ')}`,
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(noSuccess.sort(), [
      '/api/meetings/{id}/conclusion',
      '/api/reports/briefing/issued/{id}',
      '/api/reports/briefing/issued/{id}/verify',
      '/metrics',
    ]);
    assert.ok(validated > 60, `JSON answers validated: ${validated}`);
  });
});
