import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { inflateSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { clearanceAllows, type SecrecyLevel } from '../../src/shared/secrecy.ts';
import { useApiSuite } from '../support/api-suite.ts';
import type { TestApp } from '../support/app.ts';
import {
  FIGURE_CANARY_PATTERN,
  type Principal,
  plantCanaries,
  signInPrincipals,
  TEXT_CANARY,
} from '../support/canary.ts';
import { type OpenApi, sweepUrls } from '../support/sweep.ts';

/** Text of any answer: JSON or text as is; .docx/.xlsx unzipped; PDFs through pdftotext, else inflated streams. */
async function textOf(raw: Buffer, contentType: string): Promise<string> {
  if (raw.subarray(0, 2).toString('latin1') === 'PK') {
    const zip = await JSZip.loadAsync(raw);
    const parts = await Promise.all(
      Object.values(zip.files)
        .filter((f) => !f.dir)
        .map((f) => f.async('string')),
    );
    const xml = parts.join('\n');
    // Both the XML and its text without tags, so that a value split across runs is still seen.
    return `${xml}\n${xml.replace(/<[^>]+>/g, '')}`;
  }
  if (contentType.includes('pdf') || raw.subarray(0, 5).toString('latin1') === '%PDF-') {
    if (existsSync('/usr/bin/pdftotext')) {
      const dir = mkdtempSync(join(tmpdir(), 'sweep-'));
      try {
        const file = join(dir, 'doc.pdf');
        writeFileSync(file, raw);
        return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const streams: string[] = [];
    const text = raw.toString('latin1');
    for (const m of text.matchAll(/stream\r?\n/g)) {
      const start = (m.index ?? 0) + m[0].length;
      const end = text.indexOf('endstream', start);
      try {
        streams.push(inflateSync(raw.subarray(start, end)).toString('latin1'));
      } catch {
        // not a deflated stream
      }
    }
    return streams.join('\n');
  }
  return raw.toString('utf8');
}

/**
 * Plants a Tối mật figure and a Tuyệt mật text, then calls every GET route of the OpenAPI document with parameters
 * generated from its schema, as principals of each clearance and scope, and fails on any canary found where its
 * reader may not see it. Routes are read from the document, so a new route is swept without anyone adding it.
 */
describe('the canary sweep over every GET route of the OpenAPI document', () => {
  let app: TestApp;
  let server: FastifyInstance;
  let principals: Principal[];
  let planted: { meetingId: number; taskIds: number[] };

  useApiSuite({ demo: true }, async (suite) => {
    ({ app, server } = suite);
    const signedIn = await signInPrincipals(server, app.ctx, app.clock, {
      top: 'quet.tuyetmat',
      toiMat: 'quet.lanhdao',
      analyst: 'quet.phantich',
      approver: 'quet.pheduyet',
      commune: 'quet.canbo',
    });
    const { top } = signedIn;
    principals = [signedIn.analyst, signedIn.approver, signedIn.commune, signedIn.toiMat, top];
    planted = await plantCanaries(app.ctx, top.client);
  });

  it('finds no canary where its reader may not see it, on any route, and finds them where they may', async () => {
    const doc = (await server.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApi;
    const getRoutes = Object.entries(doc.paths)
      .filter(([, ops]) => ops.get !== undefined)
      .map(([path, ops]) => ({ path, params: ops.get?.parameters ?? [] }));
    assert.ok(getRoutes.length >= 30, `GET routes in the document: ${getRoutes.length}`);

    const swept = new Set<string>();
    const leaks: string[] = [];
    const seen = { figure: new Set<string>(), text: new Set<string>() };
    let calls = 0;
    const timings = new Map<string, number>();
    const uncached = new Set<string>();
    for (const route of getRoutes) {
      for (const url of sweepUrls(route.path, route.params, planted)) {
        for (const p of principals) {
          const started = performance.now();
          const res = await p.client.get(url);
          timings.set(route.path, (timings.get(route.path) ?? 0) + performance.now() - started);
          calls++;
          swept.add(route.path);
          const body = await textOf(res.raw, String(res.headers['content-type'] ?? ''));
          const check = (found: boolean, level: SecrecyLevel, kind: 'figure' | 'text') => {
            if (!found) return;
            if (clearanceAllows(p.clearance, level)) seen[kind].add(`${p.name} ${route.path}`);
            else leaks.push(`${kind} canary to ${p.name} (${p.clearance}) via ${url}`);
          };
          check(FIGURE_CANARY_PATTERN.test(body), 'toi_mat', 'figure');
          check(body.includes(TEXT_CANARY), 'tuyet_mat', 'text');
          // The province boundaries are public reference material, cached on purpose.
          if (
            route.path.startsWith('/api/') &&
            res.headers['cache-control'] !== 'no-store' &&
            !route.path.startsWith('/api/geo/provinces')
          )
            uncached.add(route.path);
        }
      }
    }
    const unswept = getRoutes.map((r) => r.path).filter((path) => !swept.has(path));
    assert.deepEqual(unswept, [], 'every GET route of the document is swept');
    console.log(`leaks: ${leaks.length}\n${leaks.join('\n')}`);
    assert.deepEqual(leaks, [], 'no canary reaches a reader below its level');
    assert.deepEqual([...uncached], [], 'every answer says Cache-Control: no-store');
    // The sweep can fail both ways: cleared readers do see the canaries, so the parameters reach them.
    const figureSeen = [...seen.figure].join('\n');
    for (const where of ['/api/aggregates/series', '/api/values', '/api/reports/briefing'])
      assert.match(figureSeen, new RegExp(`quet\\.lanhdao ${where.replaceAll('/', '\\/')}\\b`), where);
    const textSeen = [...seen.text].join('\n');
    for (const where of ['/api/meetings/{id}', '/api/tasks/{id}'])
      assert.ok(textSeen.includes(`quet.tuyetmat ${where}`), where);
    const slowest = [...timings.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
    console.log(`slowest: ${slowest.map(([path, ms]) => `${path} ${Math.round(ms)} ms`).join(', ')}`);
    console.log(
      `canary sweep: ${getRoutes.length} GET routes × ${principals.length} principals, ${calls} calls; ` +
        `figure canary seen by cleared readers on ${seen.figure.size} route×principal, text canary on ${seen.text.size}`,
    );
  });
});
