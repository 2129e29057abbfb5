import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { inflateSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { buildServer } from '../../src/server/app.ts';
import { clearanceAllows, type SecrecyLevel } from '../../src/shared/secrecy.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import {
  CANARY_INDICATOR,
  CANARY_PERIOD,
  CANARY_UNIT,
  FIGURE_CANARY_PATTERN,
  type Principal,
  plantCanaries,
  signInPrincipals,
  TEXT_CANARY,
} from '../support/canary.ts';

interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: { enum?: unknown[]; default?: unknown; type?: string | string[]; anyOf?: unknown[] };
}
type OpenApi = { paths: Record<string, Record<string, { parameters?: OpenApiParameter[] }>> };

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

  before(async () => {
    app = await createTestApp({ demo: true });
    server = await buildServer(app.ctx, { secureCookies: false, logLevel: 'silent' });
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
  after(async () => {
    await server?.close();
    await app?.close();
  });

  /** Values for each parameter, by name (and path for `id`): real codes, periods and ids of the demo. */
  function candidates(path: string, p: OpenApiParameter): string[] {
    const s = p.schema ?? {};
    if (s.enum && s.enum.length > 0) return s.enum.map(String);
    switch (p.name) {
      case 'unit':
        // Documents are slow to render: the nation's report holds every province, the canary's included.
        return path.startsWith('/api/reports') ? ['BCA'] : ['BCA', CANARY_UNIT];
      case 'code':
        return [CANARY_UNIT];
      case 'period':
        return [CANARY_PERIOD];
      case 'to':
        return [CANARY_PERIOD];
      case 'indicator':
        return [CANARY_INDICATOR];
      case 'asOf':
        return ['2026-11-01T00:00:00Z'];
      case 'year':
        return ['2026'];
      case 'meeting':
        return [String(planted.meetingId)];
      case 'id':
        if (path.startsWith('/api/meetings')) return [String(planted.meetingId)];
        if (path.startsWith('/api/tasks')) return [String(planted.taskIds[0])];
        if (path.startsWith('/api/periods')) return [CANARY_PERIOD];
        return ['1'];
      case 'form':
        return ['BC-THANG'];
      case 'at':
        return ['2026-11-29'];
      case 'limit':
        return ['1000'];
    }
    if (s.default !== undefined) return [String(s.default)];
    return p.required ? ['1'] : [];
  }

  function urls(path: string, params: OpenApiParameter[]): string[] {
    let combos: Array<Record<string, string>> = [{}];
    for (const p of params.filter((x) => x.in === 'path' || x.in === 'query')) {
      const values = candidates(path, p);
      if (values.length === 0) continue;
      combos = combos.flatMap((c) => values.map((v) => ({ ...c, [p.name]: v })));
    }
    return combos.map((c) => {
      const query: string[] = [];
      let url = path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(c[name] ?? '1'));
      for (const p of params)
        if (p.in === 'query' && c[p.name] !== undefined)
          query.push(`${p.name}=${encodeURIComponent(c[p.name] ?? '')}`);
      if (query.length > 0) url += `?${query.join('&')}`;
      return url;
    });
  }

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
      for (const url of urls(route.path, route.params)) {
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
            route.path !== '/api/geo/provinces'
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
