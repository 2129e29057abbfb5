// SLOW_REQUEST_MS: a request at or over the threshold is logged with what it waited on in the store (the write
// lock, the write, the disk flush that makes it durable); faster requests and servers without it log nothing.
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildServer } from '../../src/server/app.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

describe('the slow-request log', () => {
  let app: TestApp;
  const servers: FastifyInstance[] = [];
  const open = async (slowRequestMs: number | undefined) => {
    const logs: Array<Record<string, unknown>> = [];
    const logStream = new PassThrough();
    logStream.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logs.push(JSON.parse(line));
    });
    const server = await buildServer(app.ctx, {
      secureCookies: false,
      logLevel: 'warn',
      logStream,
      ...(slowRequestMs === undefined ? {} : { slowRequestMs }),
    });
    // Two writes, one after the other, each waiting for the lock and for its flush.
    server.post('/api/test-write', async () => {
      for (let i = 0; i < 2; i++)
        await app.ctx.store.write((trx) => sql`UPDATE data_generation SET n = n + 0`.execute(trx));
      return { ok: true };
    });
    servers.push(server);
    return { server, slow: () => logs.filter((l) => l.msg === 'slow request') };
  };

  before(async () => {
    app = await createTestApp();
  });
  after(async () => {
    for (const s of servers) await s.close();
    await app?.close();
  });

  it('logs a request over the threshold with its route and what it waited on', async () => {
    const { server, slow } = await open(0);
    const res = await server.inject({ method: 'POST', url: '/api/test-write' });
    assert.equal(res.statusCode, 200);
    const [line] = slow();
    assert.ok(line, 'one slow request logged');
    assert.equal(line.route, '/api/test-write');
    assert.equal(line.method, 'POST');
    assert.equal(line.status, 200);
    assert.equal(line.writes, 2);
    for (const field of ['ms', 'writeLockMs', 'writeMs', 'flushMs'])
      assert.equal(typeof line[field], 'number', field);
  });

  it('logs nothing under the threshold, nor without one', async () => {
    const high = await open(600_000);
    await high.server.inject({ method: 'POST', url: '/api/test-write' });
    assert.deepEqual(high.slow(), []);
    const none = await open(undefined);
    await none.server.inject({ method: 'POST', url: '/api/test-write' });
    assert.deepEqual(none.slow(), []);
  });
});
