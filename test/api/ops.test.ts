import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { loadConfig } from '../../src/config/env.ts';
import { NO_OPTION } from '../../src/indicators/registry.ts';
import { buildServer } from '../../src/server/app.ts';
import { shutdownGracefully } from '../../src/server/shutdown.ts';
import { writeValues } from '../../src/values/repository.ts';
import { createTestApp, ROOT, TEST_TODAY, type TestApp } from '../support/app.ts';

const TOKEN = 'scrape-token-0123456789';

describe('operating the server: health, readiness, metrics, request ids', () => {
  let app: TestApp;
  let server: FastifyInstance;
  const logs: string[] = [];

  before(async () => {
    app = await createTestApp({ demo: true });
    const logStream = new PassThrough();
    logStream.on('data', (chunk: Buffer) => logs.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
    server = await buildServer(app.ctx, {
      secureCookies: false,
      logLevel: 'info',
      logStream,
      metrics: { token: TOKEN, allow: ['10.9.0.0/16'] },
    });
    server.get('/api/test-boom', async () => {
      throw new Error('boom for the error counter');
    });
  });
  after(async () => {
    await server?.close();
    await app?.close();
  });

  it('/healthz answers anyone without touching the database', async () => {
    const res = await server.inject({ method: 'GET', url: '/healthz' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().status, 'ok');
    assert.equal(typeof res.json().uptimeSeconds, 'number');
  });

  it('/readyz is ready on a migrated database and not ready when a migration is missing or unknown', async () => {
    const ok = await server.inject({ method: 'GET', url: '/readyz' });
    assert.equal(ok.statusCode, 200);
    assert.deepEqual(ok.json(), { status: 'ready', database: 'reachable', migrations: 'current' });

    const db = app.ctx.store.db;
    const { rows } = await sql<{ name: string; timestamp: string }>`
      SELECT name, timestamp FROM kysely_migration ORDER BY name DESC LIMIT 1`.execute(db);
    const last = rows[0];
    assert.ok(last);
    await sql`DELETE FROM kysely_migration WHERE name = ${last.name}`.execute(db);
    const behind = await server.inject({ method: 'GET', url: '/readyz' });
    assert.equal(behind.statusCode, 503);
    assert.deepEqual(behind.json(), { status: 'not_ready', database: 'reachable', migrations: 'behind' });
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES (${last.name}, ${last.timestamp})`.execute(
      db,
    );

    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_from_a_newer_build', ${last.timestamp})`.execute(
      db,
    );
    const ahead = await server.inject({ method: 'GET', url: '/readyz' });
    assert.equal(ahead.statusCode, 503);
    assert.equal(ahead.json().migrations, 'ahead');
    await sql`DELETE FROM kysely_migration WHERE name = '9999_from_a_newer_build'`.execute(db);
    assert.equal((await server.inject({ method: 'GET', url: '/readyz' })).statusCode, 200);
  });

  it('/metrics refuses callers outside the allow list without the token', async () => {
    for (const headers of [
      {},
      { authorization: 'Bearer wrong-token-0123456789' },
      { authorization: TOKEN },
    ]) {
      const res = await server.inject({ method: 'GET', url: '/metrics', headers });
      assert.equal(res.statusCode, 403, JSON.stringify(headers));
      assert.equal(res.json().error, 'forbidden');
      assert.doesNotMatch(res.body, /giaoban_http/);
    }
    const fromAllowed = await server.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.9.3.4' });
    assert.equal(fromAllowed.statusCode, 200);
    const fromOutside = await server.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.8.3.4' });
    assert.equal(fromOutside.statusCode, 403);
  });

  it('/metrics counts latency by route template, server errors, imports, figures and roll-up writes', async () => {
    await server.inject({ method: 'GET', url: '/api/units/37' });
    await server.inject({ method: 'GET', url: '/api/units/01' });
    const boom = await server.inject({ method: 'GET', url: '/api/test-boom' });
    assert.equal(boom.statusCode, 500);

    const { ctx } = app;
    const form = ctx.catalogue.form('BC-THANG');
    const indicator = ctx.catalogue.indicator('drug.cases');
    const unit = ctx.graph.findByCode('37', '2020-02-14');
    assert.ok(form && indicator && unit);
    const figure = {
      formId: form.id,
      unitId: unit.id,
      indicatorId: indicator.id,
      optionId: NO_OPTION,
      period: '2020-02',
      comment: null,
    };
    const at = ctx.clock.now().toISOString();
    const scrape = async () => {
      const res = await server.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/plain/);
      return res.body;
    };
    const counter = (text: string, name: string, labels: string) => {
      const line = text.split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
      return line ? Number(line.split(' ').at(-1)) : 0;
    };
    const before = await scrape();
    await writeValues(ctx.store, ctx.graph, [{ ...figure, value: 777_001 }], {
      at,
      userId: null,
      source: 'import',
      reason: 'metrics test',
    });
    await writeValues(ctx.store, ctx.graph, [{ ...figure, value: 777_001 }], {
      at,
      userId: null,
      source: 'import',
      reason: 'the same again: nothing to write',
    });
    const text = await scrape();

    assert.match(
      text,
      /giaoban_http_request_duration_seconds_count\{method="GET",route="\/api\/units\/:code",status_code="401"\} 2/,
    );
    assert.doesNotMatch(text, /route="\/api\/units\/37"/);
    assert.equal(counter(text, 'giaoban_http_errors_total', 'route="/api/test-boom",status_code="500"'), 1);
    assert.equal(
      counter(text, 'giaoban_figures_written_total', 'source="import"') -
        counter(before, 'giaoban_figures_written_total', 'source="import"'),
      1,
    );
    // The province and its ancestors up to the ministry get the change (the province has children, so it has a roll-up).
    assert.ok(
      counter(text, 'giaoban_rollup_writes_total', 'source="import"') -
        counter(before, 'giaoban_rollup_writes_total', 'source="import"') >=
        2,
    );
    assert.equal(
      counter(text, 'giaoban_imports_total', 'outcome="written"') -
        counter(before, 'giaoban_imports_total', 'outcome="written"'),
      1,
    );
    assert.equal(
      counter(text, 'giaoban_imports_total', 'outcome="unchanged"') -
        counter(before, 'giaoban_imports_total', 'outcome="unchanged"'),
      1,
    );
    assert.match(text, /^giaoban_active_sessions \d+$/m);
    assert.match(text, /^giaoban_process_resident_memory_bytes \d+/m);
  });

  it('every response carries its request id, and the structured log lines carry the same id', async () => {
    const given = await server.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'proxy-assigned-0042' },
    });
    assert.equal(given.headers['x-request-id'], 'proxy-assigned-0042');
    const forged = await server.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'x"}\n{"level":60' },
    });
    const fresh = String(forged.headers['x-request-id']);
    assert.match(fresh, /^[0-9a-f-]{36}$/);

    const failed = await server.inject({ method: 'GET', url: '/api/test-boom' });
    const id = String(failed.headers['x-request-id']);
    assert.match(failed.json().message, new RegExp(id));
    const entries = logs.map(
      (l) => JSON.parse(l) as { reqId?: string; msg?: string; err?: { message: string } },
    );
    assert.ok(entries.some((e) => e.reqId === 'proxy-assigned-0042'));
    assert.ok(!entries.some((e) => e.reqId?.includes('"')));
    const errorLine = entries.find((e) => e.reqId === id && e.msg === 'unhandled error');
    assert.equal(errorLine?.err?.message, 'boom for the error counter');
  });

  it('the OpenAPI document describes the operations routes', async () => {
    const doc = (await server.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, { get?: { responses: Record<string, unknown> } }>;
    };
    for (const path of ['/healthz', '/readyz', '/metrics']) assert.ok(doc.paths[path]?.get, path);
    assert.ok(doc.paths['/readyz']?.get?.responses['503']);
    assert.ok(doc.paths['/metrics']?.get?.responses['403']);
  });

  it('refuses a bad metrics configuration with the variable named', () => {
    assert.throws(() => loadConfig({ METRICS_ALLOW: '10.0.0.0/8, localhost' }), /METRICS_ALLOW/);
    assert.throws(() => loadConfig({ METRICS_TOKEN: 'short' }), /METRICS_TOKEN/);
    assert.deepEqual(loadConfig({ METRICS_ALLOW: ' 10.0.0.0/8 ,::1' }).metricsAllow, ['10.0.0.0/8', '::1']);
  });
});

describe('graceful shutdown', () => {
  it('finishes the requests in flight, refuses new connections, then closes the database', async () => {
    const app = await createTestApp();
    const server = await buildServer(app.ctx, { secureCookies: false, logLevel: 'silent' });
    let release: () => void = () => undefined;
    const entered = new Promise<void>((resolve) => {
      server.get('/api/test-slow', async () => {
        resolve();
        await new Promise<void>((r) => {
          release = r;
        });
        return { done: true };
      });
    });
    await server.listen({ port: 0, host: '127.0.0.1' });
    const { port } = server.server.address() as { port: number };
    try {
      const inFlight = fetch(`http://127.0.0.1:${port}/api/test-slow`);
      await entered;
      const stopping = shutdownGracefully(server, () => app.ctx.close(), 5000);
      await new Promise((r) => setTimeout(r, 100));
      await assert.rejects(fetch(`http://127.0.0.1:${port}/healthz`, { headers: { connection: 'close' } }));
      release();
      const res = await inFlight;
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { done: true });
      const result = await stopping;
      assert.equal(result.drained, true);
      await assert.rejects(sql`SELECT 1`.execute(app.ctx.store.db));
    } finally {
      release();
      await app.close().catch(() => undefined);
    }
  });

  it('gives up on a stuck request at the time limit and still closes the database', async () => {
    const app = await createTestApp();
    const server = await buildServer(app.ctx, { secureCookies: false, logLevel: 'silent' });
    let arrived = (): void => undefined;
    const inFlight = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    server.get('/api/test-stuck', () => {
      arrived();
      return new Promise(() => undefined);
    });
    await server.listen({ port: 0, host: '127.0.0.1' });
    const { port } = server.server.address() as { port: number };
    const stuck = fetch(`http://127.0.0.1:${port}/api/test-stuck`).catch(() => null);
    // Shut down once the request is being served (a fixed pause was too short on a busy machine).
    await inFlight;
    const result = await shutdownGracefully(server, () => app.ctx.close(), 300);
    assert.equal(result.drained, false);
    assert.ok(result.elapsedMs < 2000, `${result.elapsedMs} ms`);
    await assert.rejects(sql`SELECT 1`.execute(app.ctx.store.db));
    server.server.closeAllConnections();
    await stuck;
    await app.close().catch(() => undefined);
  });

  it('the server process drains and exits 0 on SIGTERM', async () => {
    const app = await createTestApp({ demo: true });
    await app.ctx.close();
    const dbFile = `${app.dbFile}.serve.sqlite`;
    copyFileSync(app.dbFile, dbFile);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `sqlite:${dbFile}`, GIAOBAN_NOW: TEST_TODAY, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString();
        const m = /running at (\S+)/.exec(stdout);
        if (m?.[1]) resolve(m[1]);
      });
      child.once('exit', () => reject(new Error(`server exited early: ${stderr}`)));
    });
    const health = await fetch(`${url.replace('localhost', '127.0.0.1')}/healthz`);
    assert.equal(health.status, 200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0, stderr);
    assert.match(stderr, /SIGTERM: draining/);
    assert.match(stderr, /database closed/);
    await app.close();
    const { rmSync } = await import('node:fs');
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true });
  });
});
