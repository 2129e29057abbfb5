import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../src/shared/errors.ts';
import { importFigures } from '../../src/transfer/import.ts';
import { useApiSuite } from '../support/api-suite.ts';
import { createUser, type TestApp } from '../support/app.ts';
import { ApiClient } from '../support/http.ts';

/** Hostile and malformed input: the importers and the API must answer with a clear refusal and write nothing. */
describe('fuzzing the importers and the API', () => {
  let app: TestApp;
  let server: FastifyInstance;
  let client: ApiClient;

  const fingerprint = () => {
    const db = app.ctx.store.sqlite;
    assert.ok(db);
    return JSON.stringify([
      db.prepare('SELECT count(*) AS n, total(value) AS s FROM data_value').get(),
      db.prepare('SELECT count(*) AS n FROM change_set').get(),
      db.prepare('SELECT count(*) AS n FROM data_value_history').get(),
    ]);
  };

  useApiSuite({ demo: true }, async (suite) => {
    ({ app, server } = suite);
    await createUser(app.ctx, { username: 'officer', role: 'officer', unitCode: '37' });
    client = new ApiClient(server, app.clock);
    await client.signIn('officer', 'Giaoban@2026-test');
  });

  const header = 'form,unit,period,indicator,option,value,comment\n';
  const cell = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      'BC-THANG',
      '37',
      '2026-12',
      'drug.cases',
      'heroin',
      '1.457',
      '138,6',
      '-1',
      '1e309',
      'NaN',
      '"',
      '=cmd|calc',
      '\u0000',
      'ma tuý',
    ),
  );
  const csvRow = fc
    .array(cell, { minLength: 0, maxLength: 9 })
    .map((cells) => cells.map((c) => (c.includes(',') ? `"${c.replaceAll('"', '""')}"` : c)).join(','));

  it('CSV: random rows are refused with reasons naming rows, and nothing is written', async () => {
    const before = fingerprint();
    await fc.assert(
      fc.asyncProperty(fc.array(csvRow, { minLength: 1, maxLength: 20 }), async (rows) => {
        const text = header + rows.join('\n');
        try {
          const summary = await importFigures(app.ctx, {
            buffer: Buffer.from(text, 'utf8'),
            filename: 'fuzz.csv',
            dryRun: false,
            userId: null,
            source: 'api',
          });
          if (summary.rejected.length > 0) {
            for (const r of summary.rejected)
              assert.ok(typeof r.row === 'number' && r.field.length > 0 && r.reason.length > 0);
            assert.equal(fingerprint(), before);
          }
        } catch (error) {
          assert.ok(error instanceof AppError, String(error));
          assert.equal(fingerprint(), before);
        }
      }),
      { numRuns: 150, seed: 20200226 },
    );
  });

  it('JSON and XLSX: random bytes and broken documents are refused cleanly', async () => {
    const before = fingerprint();
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 400 }),
        fc.constantFrom('x.json', 'x.xlsx', 'x.csv'),
        async (bytes, filename) => {
          try {
            const summary = await importFigures(app.ctx, {
              buffer: Buffer.from(bytes),
              filename,
              dryRun: false,
              userId: null,
              source: 'api',
            });
            assert.ok(
              summary.rejected.length > 0 || summary.imported + summary.updated + summary.unchanged === 0,
            );
          } catch (error) {
            assert.ok(error instanceof AppError, String(error));
          }
          assert.equal(fingerprint(), before);
        },
      ),
      { numRuns: 150, seed: 7 },
    );
    const broken = [
      '{"dataValues": [{"dataElement": "drug.cases", "value": {}}]}',
      '{"dataSet":"BC-THANG","period":"202613","orgUnit":"37","dataValues":[]}',
      '[]',
      'null',
      '{"dataValues": 5}',
    ];
    for (const text of broken) {
      try {
        const summary = await importFigures(app.ctx, {
          buffer: Buffer.from(text),
          filename: 'x.json',
          dryRun: false,
          userId: null,
          source: 'api',
        });
        assert.ok(summary.imported + summary.updated === 0);
      } catch (error) {
        assert.ok(error instanceof AppError, String(error));
      }
    }
    assert.equal(fingerprint(), before);
  });

  it('API: random JSON bodies get a 4xx naming the problem, never a 500, and write nothing', async () => {
    const before = fingerprint();
    const json = fc.jsonValue({ maxDepth: 3 });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '/api/values',
          '/api/submissions/submit',
          '/api/extract',
          '/api/users',
          '/api/auth/password',
          '/api/exports/table.xlsx',
        ),
        fc.oneof(
          json,
          fc.record({
            form: cell,
            unit: cell,
            period: cell,
            cells: fc.array(
              fc.record({
                indicator: cell,
                option: fc.oneof(cell, fc.constant(null)),
                value: fc.oneof(fc.double(), fc.constant(null), cell),
              }),
              { maxLength: 4 },
            ),
          }),
        ),
        async (url, body) => {
          const response = await client.request(url === '/api/values' ? 'PUT' : 'POST', url, body);
          assert.ok(
            response.status >= 400 && response.status < 500,
            `${url} ${JSON.stringify(body)} → ${response.status}`,
          );
          if (response.status === 400 || response.status === 422)
            assert.ok(typeof response.body.message === 'string');
        },
      ),
      { numRuns: 300, seed: 42 },
    );
    assert.equal(fingerprint(), before);
  });

  it('API: oversized and wrongly typed requests are refused', async () => {
    const big = await server.inject({
      method: 'PUT',
      url: '/api/values',
      headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, 'content-type': 'application/json' },
      payload: `{"form":"BC-THANG","unit":"37","period":"2026-12","cells":[${'{"indicator":"drug.cases","option":null,"value":1},'.repeat(120_000)}{}]}`,
    });
    assert.equal(big.statusCode, 413);
    const xml = await server.inject({
      method: 'PUT',
      url: '/api/values',
      headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, 'content-type': 'application/xml' },
      payload: '<values/>',
    });
    assert.equal(xml.statusCode, 415);
  });
});
