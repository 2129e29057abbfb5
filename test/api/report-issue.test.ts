import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { verifyPdf } from '../../src/documents/index.ts';
import { configureSigning } from '../../src/reports/issue.ts';
import { buildServer } from '../../src/server/app.ts';
import { createTestApp, createUser, OUTPUT_DIR, ROOT, type TestApp } from '../support/app.ts';
import { ApiClient } from '../support/http.ts';
import { throwawayKey } from '../support/signing.ts';

const PASSWORD = 'Giaoban@2026-test';

describe('issuing a report deliberately, signed (issue 14.4, issue 15)', () => {
  let app: TestApp;
  let server: FastifyInstance;
  let office: ApiClient;
  const dir = join(OUTPUT_DIR, 'signing');
  before(async () => {
    app = await createTestApp({ demo: true });
    mkdirSync(dir, { recursive: true });
    const key = throwawayKey('Bộ Công an', 'Bộ Công an', 'mat-khau-thu');
    writeFileSync(join(dir, 'BCA.p12'), key.p12);
    configureSigning({ dir, passphrase: key.passphrase });
    server = await buildServer(app.ctx, { secureCookies: false, logLevel: 'silent' });
    await createUser(app.ctx, { username: 'office', role: 'analyst', unitCode: 'BCA' });
    await createUser(app.ctx, { username: 'canbo', role: 'officer', unitCode: '01' });
    office = new ApiClient(server, app.clock);
    await office.signIn('office', PASSWORD);
  });
  after(async () => {
    configureSigning({});
    await server?.close();
    await app?.close();
  });

  const issue = (body: Record<string, unknown>) =>
    office.request('POST', '/api/reports/briefing/issue', { unit: 'BCA', period: '2020-02', ...body });

  it('refuses an unconfirmed issue, an empty draft and a signer without a name', async () => {
    assert.equal((await issue({ confirm: 'có' })).status, 400);
    const empty = await issue({ confirm: 'BCA/2020-02' });
    assert.equal(empty.status, 422);
    assert.match(JSON.stringify(empty.body), /trống/);
    const saved = await office.request('PUT', '/api/reports/briefing/draft', {
      unit: 'BCA',
      period: '2020-02',
      version: 0,
      human: { situation: ['Tình hình an ninh, trật tự dịp Tết cơ bản ổn định.'] },
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const nameless = await issue({ confirm: 'BCA/2020-02' });
    assert.equal(nameless.status, 422);
    assert.match(JSON.stringify(nameless.body), /người ký/);
    const canbo = new ApiClient(server, app.clock);
    await canbo.signIn('canbo', PASSWORD);
    const denied = await canbo.request('POST', '/api/reports/briefing/issue', {
      unit: 'BCA',
      period: '2020-02',
      confirm: 'BCA/2020-02',
    });
    assert.equal(denied.status, 403);
  });

  it('issues a signed PDF, replaces it only with a reason, withdraws with a reason, keeps every version readable', async () => {
    await office.request('PUT', '/api/reports/settings', {
      unit: 'BCA',
      version: Number((await office.get('/api/reports/settings?unit=BCA')).body.version),
      symbol: null,
      signers: [
        { authority: 'KT. BỘ TRƯỞNG', position: 'THỨ TRƯỞNG', rank: 'Thượng tướng', name: 'Lê Văn Ký' },
      ],
    });
    const first = await issue({ confirm: 'BCA/2020-02' });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const id = Number(first.body.id);
    const verified = await office.request('GET', `/api/reports/briefing/issued/${id}/verify`);
    assert.equal(verified.status, 200);
    const v = verified.body.verification as { intact: boolean; signer: string; signingTime: string };
    assert.equal(v.intact, true);
    assert.equal(v.signer, 'Bộ Công an');
    assert.ok(v.signingTime);
    const file = await office.request('GET', `/api/reports/briefing/issued/${id}`);
    assert.equal(file.headers['content-type'], 'application/pdf');
    const pdf = Buffer.from(file.raw);
    assert.equal(verifyPdf(pdf).intact, true);
    // The visible signature names the signer at box 7c.
    const path = join(OUTPUT_DIR, 'signing', 'issued-2020-02.pdf');
    writeFileSync(path, pdf);
    // The CLI verifies the file and fails a modified copy.
    const cli = (f: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'verify', f], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, LOG_LEVEL: 'silent' },
      });
    const ok = cli(path);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /người ký: Bộ Công an/);
    const tampered = Buffer.from(pdf);
    const at = pdf.toString('latin1').indexOf('/Title');
    tampered[at + 2] = 'Z'.charCodeAt(0);
    const bad = join(OUTPUT_DIR, 'signing', 'tampered.pdf');
    writeFileSync(bad, tampered);
    assert.equal(cli(bad).status, 6);

    assert.equal((await issue({ confirm: 'BCA/2020-02' })).status, 422);
    const second = await issue({
      confirm: 'BCA/2020-02',
      reason: 'Bổ sung số liệu đính chính của Công an tỉnh Điện Biên',
    });
    assert.equal(second.status, 201);
    assert.equal(
      (
        await office.request('POST', '/api/reports/briefing/withdraw', {
          unit: 'BCA',
          period: '2020-02',
          reason: '',
        })
      ).status,
      422,
    );
    const withdrawn = await office.request('POST', '/api/reports/briefing/withdraw', {
      unit: 'BCA',
      period: '2020-02',
      reason: 'Thu hồi để sửa phần đánh giá',
    });
    assert.equal(withdrawn.status, 200);
    const list = await office.request('GET', '/api/reports/briefing/issued?unit=BCA&period=2020-02');
    const issues = list.body.issues as Array<{ id: number; status: string; endedReason: string | null }>;
    assert.deepEqual(
      issues.map((i) => i.status),
      ['withdrawn', 'replaced'],
    );
    assert.equal(issues[1]?.endedReason, 'Bổ sung số liệu đính chính của Công an tỉnh Điện Biên');
    const old = await office.request('GET', `/api/reports/briefing/issued/${id}`);
    assert.equal(old.status, 200);
    assert.equal(old.headers['x-document-status'], 'replaced');
    // After a withdrawal the written parts can be edited again.
    const draft = await office.request('GET', '/api/reports/briefing/draft?unit=BCA&period=2020-02');
    assert.equal(draft.body.status, 'draft');
    const audit = await app.ctx.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['report.issue', 'report.replace', 'report.withdraw'])
      .execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), [
      'report.issue',
      'report.replace',
      'report.withdraw',
    ]);
  });
});
