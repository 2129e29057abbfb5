import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { useApiSuite } from '../support/api-suite.ts';
import { createUser, ROOT, TEST_TODAY, type TestApp } from '../support/app.ts';
import { ApiClient } from '../support/http.ts';

function verify(dbFile: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'audit', 'verify', '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: `sqlite:${dbFile}`, GIAOBAN_NOW: TEST_TODAY },
  });
}

describe('tamper-evident audit log', () => {
  let app: TestApp;
  let server: FastifyInstance;
  useApiSuite({ demo: true }, async (suite) => {
    ({ app, server } = suite);
    const commune = app.ctx.graph
      .childrenOn(app.ctx.graph.findByCode('37', TEST_TODAY)?.id ?? 0, TEST_TODAY)
      .map((id) => app.ctx.graph.require(id).code)
      .sort()[0] as string;
    await createUser(app.ctx, { username: 'officer', role: 'officer', unitCode: commune });
    await createUser(app.ctx, {
      username: 'analyst',
      role: 'analyst',
      unitCode: 'BCA',
      clearance: 'toi_mat',
    });
    const officer = new ApiClient(server, app.clock);
    await officer.login('officer', 'wrong password');
    await officer.signIn('officer', 'Giaoban@2026-test');
    await officer.request('PUT', '/api/values', {
      form: 'BC-THANG',
      unit: commune,
      period: '2026-12',
      cells: [{ indicator: 'drug.cases', option: null, value: 2, version: 0 }],
    });
    const analyst = new ApiClient(server, app.clock);
    await analyst.signIn('analyst', 'Giaoban@2026-test');
    await analyst.get('/api/aggregates?unit=BCA&period=2020-02');
  });

  it('records sign-ins, failures, changes and reads of classified figures', async () => {
    const rows = await app.ctx.store.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name', 'secrecy'])
      .orderBy('seq')
      .execute();
    const actions = rows.map((r) => r.action);
    for (const action of ['auth.sign_in_failed', 'auth.sign_in', 'values.write', 'read.classified']) {
      assert.ok(actions.includes(action), `${action} recorded`);
    }
    assert.equal(rows.find((r) => r.action === 'read.classified')?.secrecy, 'mat');
  });

  it('verifies a whole chain, then names the first entry altered directly in the database', async () => {
    await app.ctx.close();
    const whole = verify(app.dbFile);
    assert.equal(whole.status, 0, whole.stderr);
    assert.equal((JSON.parse(whole.stdout) as { ok: boolean }).ok, true);

    const { default: Database } = await import('better-sqlite3');
    const db = new Database(app.dbFile);
    const target = db
      .prepare("SELECT seq FROM audit_log WHERE action = 'values.write' ORDER BY seq LIMIT 1")
      .get() as { seq: number };
    // The database itself refuses to rewrite or remove entries (reproduction 14)…
    assert.throws(
      () => db.prepare("UPDATE audit_log SET details = '{}' WHERE seq = ?").run(target.seq),
      /append-only/,
    );
    assert.throws(() => db.prepare('DELETE FROM audit_log WHERE seq = ?').run(target.seq), /append-only/);
    // …so someone with the database in hand drops the triggers first; the chain still names what they did.
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    db.prepare('UPDATE audit_log SET details = \'{"inserted":0}\' WHERE seq = ?').run(target.seq);
    db.close();
    const broken = verify(app.dbFile);
    assert.notEqual(broken.status, 0);
    const verdict = JSON.parse(broken.stdout) as { ok: boolean; firstBadSeq: number; reason: string };
    assert.equal(verdict.ok, false);
    assert.equal(verdict.firstBadSeq, target.seq);
    assert.equal(verdict.reason, 'altered');

    const db2 = new Database(app.dbFile);
    const count = (db2.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number }).n;
    db2
      .prepare('UPDATE audit_log SET details = (SELECT details FROM audit_log WHERE seq = ?) WHERE seq = ?')
      .run(target.seq, target.seq);
    db2.prepare('DELETE FROM audit_log WHERE seq = ?').run(count - 1);
    db2.close();
    const removed = verify(app.dbFile);
    assert.notEqual(removed.status, 0);
    assert.ok((JSON.parse(removed.stdout) as { firstBadSeq: number }).firstBadSeq <= count - 1);
  });
});
