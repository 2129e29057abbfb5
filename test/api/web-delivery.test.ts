// How the page's files and the API's answers are delivered: hashed assets kept a year and sent precompressed,
// the page itself revalidated, answers compressed for browsers that take it, and every API answer timed for
// operators (Server-Timing).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

describe('delivering the web page and timing the API', () => {
  let app: TestApp;
  let server: FastifyInstance;
  let webRoot: string;
  const script = `export const greeting = ${JSON.stringify('xin chào '.repeat(200))};\n`;

  before(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'giaoban-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(
      join(webRoot, 'index.html'),
      '<!doctype html><script type="module" src="/assets/app-3f9a1c.js"></script>',
    );
    writeFileSync(join(webRoot, 'assets', 'app-3f9a1c.js'), script);
    writeFileSync(join(webRoot, 'assets', 'app-3f9a1c.js.br'), brotliCompressSync(script));
    writeFileSync(join(webRoot, 'assets', 'app-3f9a1c.js.gz'), gzipSync(script));
    app = await createTestApp();
    server = await buildServer(app.ctx, { secureCookies: false, logLevel: 'silent', webRoot });
  });
  after(async () => {
    await server?.close();
    await app?.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('sends a hashed script brotli-compressed to a browser that takes it, to be kept for a year', async () => {
    const res = await server.inject({
      url: '/assets/app-3f9a1c.js',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-encoding'], 'br');
    assert.match(String(res.headers['content-type']), /javascript/);
    assert.match(String(res.headers.vary), /accept-encoding/i);
    assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.ok(res.rawPayload.length < script.length / 4, 'the compressed copy was sent');
  });

  it('sends gzip to a browser without brotli, and the plain file to one that takes neither', async () => {
    const gz = await server.inject({ url: '/assets/app-3f9a1c.js', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    const plain = await server.inject({
      url: '/assets/app-3f9a1c.js',
      headers: { 'accept-encoding': 'identity' },
    });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body, script);
  });

  it('has the page itself asked about each time, so that a new build is picked up at once', async () => {
    const res = await server.inject({ url: '/' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-cache');
    assert.ok(res.headers.etag, 'an ETag makes the revalidation a 304');
    const again = await server.inject({ url: '/', headers: { 'if-none-match': String(res.headers.etag) } });
    assert.equal(again.statusCode, 304);
  });

  it('compresses an answer for a browser that takes brotli or gzip, to the same JSON, and not for one that does not', async () => {
    const plain = await server.inject({
      url: '/api/openapi.json',
      headers: { 'accept-encoding': 'identity' },
    });
    assert.equal(plain.statusCode, 200);
    assert.equal(plain.headers['content-encoding'], undefined);
    const document = JSON.parse(plain.body) as { paths: Record<string, unknown> };
    assert.ok(Object.keys(document.paths).length > 30);
    const decoders = { br: brotliDecompressSync, gzip: gunzipSync } as const;
    for (const [accept, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const res = await server.inject({ url: '/api/openapi.json', headers: { 'accept-encoding': accept } });
      assert.equal(res.headers['content-encoding'], encoding, accept);
      assert.match(String(res.headers.vary), /accept-encoding/i);
      assert.ok(
        res.rawPayload.length < plain.rawPayload.length / 4,
        `${encoding}: ${res.rawPayload.length} bytes`,
      );
      assert.deepEqual(JSON.parse(decoders[encoding](res.rawPayload).toString('utf8')), document, encoding);
    }
    // A compressed request body is not inflated: refused as the JSON it is not.
    const packed = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: gzipSync(JSON.stringify({ username: 'x'.repeat(10), password: 'y'.repeat(10) })),
    });
    assert.equal(packed.statusCode, 400, packed.body);
    // A short answer (a refusal) is not worth compressing.
    const refused = await server.inject({ url: '/api/auth/me', headers: { 'accept-encoding': 'gzip, br' } });
    assert.equal(refused.statusCode, 401);
    assert.equal(refused.headers['content-encoding'], undefined);
  });

  it('times every API answer in a Server-Timing header, refusals included, and keeps them out of caches', async () => {
    for (const url of ['/api/indicators', '/api/auth/me', '/api/no-such-thing']) {
      const res = await server.inject({ url });
      assert.match(String(res.headers['server-timing']), /^app;dur=\d+(\.\d)?$/, url);
      assert.equal(res.headers['cache-control'], 'no-store', url);
    }
    const page = await server.inject({ url: '/' });
    assert.equal(page.headers['server-timing'], undefined, 'the page is not an API answer');
  });
});
