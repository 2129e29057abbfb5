import assert from 'node:assert/strict';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { type AppContext, openApp } from '../../src/app/context.ts';
import { SYSTEM_ACTOR } from '../../src/audit/actor.ts';
import { type AuditEntry, appendEntry } from '../../src/audit/chain.ts';
import { keyIdOf, signCheckpoint } from '../../src/audit/checkpoint.ts';
import type { AuditVerdict } from '../../src/audit/integrity.ts';
import {
  type AuditSeal,
  appendCheckpointLine,
  appendRotationLine,
  createKeyFileIfMissing,
  loadAuditSeal,
} from '../../src/audit/keyfile.ts';
import { recordAudit } from '../../src/audit/repository.ts';
import { signRotation } from '../../src/audit/rotation.ts';
import {
  checkAuditIntegrity,
  rotateAuditKey,
  sealLegacyChangeSets,
  writeCheckpoint,
} from '../../src/audit/service.ts';
import { NO_OPTION } from '../../src/indicators/registry.ts';
import { FixedClock } from '../../src/shared/clock.ts';
import type { ValueInput } from '../../src/values/model.ts';
import { writeValues } from '../../src/values/repository.ts';
import { OUTPUT_DIR, REFERENCE_DIR } from '../support/app.ts';
import { BACKENDS, type ScratchDatabase, scratchDatabase } from '../support/backends.ts';

/** Reproduction 14: the audit log holds when whoever tampers has the database (and its triggers) in hand. */
for (const { backend, skip } of BACKENDS) {
  describe(`audit seals on ${backend}`, { skip }, () => {
    let scratch: ScratchDatabase;
    let ctx: AppContext;
    let dir: string;
    const clock = new FixedClock('2026-02-20');
    const postgres = backend === 'postgres';

    const verify = () => checkAuditIntegrity(ctx);
    const kinds = (v: AuditVerdict) => (v.ok ? [] : v.problems.map((p) => p.kind));
    const exec = (text: string) => sql.raw(text).execute(ctx.store.db);
    // What someone holding the database does first: the append-only triggers go.
    const dropTriggers = async () => {
      if (postgres) {
        await exec('ALTER TABLE audit_log DISABLE TRIGGER USER');
        await exec('ALTER TABLE audit_checkpoint DISABLE TRIGGER USER');
      } else {
        for (const t of [
          'audit_log_no_update',
          'audit_log_no_delete',
          'audit_checkpoint_no_update',
          'audit_checkpoint_no_delete',
        ])
          await exec(`DROP TRIGGER IF EXISTS ${t}`);
      }
    };
    const entries = async (): Promise<AuditEntry[]> => {
      const rows = await ctx.store.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
      return rows.map((r) => ({
        seq: r.seq,
        at: r.at,
        actorId: r.actor_id,
        actorName: r.actor_name,
        action: r.action,
        target: r.target,
        unitId: r.unit_id,
        secrecy: r.secrecy as AuditEntry['secrecy'],
        details: JSON.parse(r.details),
        prevHash: r.prev_hash,
        hash: r.hash,
      }));
    };
    const insertEntries = async (list: AuditEntry[]) => {
      for (const e of list)
        await ctx.store.db
          .insertInto('audit_log')
          .values({
            seq: e.seq,
            at: e.at,
            actor_id: e.actorId,
            actor_name: e.actorName,
            action: e.action,
            target: e.target,
            unit_id: e.unitId,
            secrecy: e.secrecy,
            details: JSON.stringify(e.details),
            prev_hash: e.prevHash,
            hash: e.hash,
          })
          .execute();
    };
    const signIn = (name: string) =>
      recordAudit(ctx.store, {
        at: clock.now().toISOString(),
        actorId: null,
        actorName: name,
        action: 'auth.sign_in_failed',
        target: `user:${name}`,
        unitId: null,
        secrecy: 'none',
        details: { address: '10.0.0.9' },
      });

    let figure: { unitId: number; indicatorId: number; optionId: number; period: string; formId: number };
    let unitCode: string;
    let indicatorCode: string;
    let optionCode: string;

    before(async () => {
      scratch = await scratchDatabase(backend);
      dir = join(OUTPUT_DIR, 'audit-keys', `${process.pid}-${backend}`);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      const keyFile = join(dir, 'audit-key.pem');
      assert.equal(createKeyFileIfMissing(keyFile), true);
      assert.equal(createKeyFileIfMissing(keyFile), false, 'an existing key is never replaced');
      assert.equal(statSync(keyFile).mode & 0o777, 0o600);
      const seal = loadAuditSeal({ keyFile, keyPem: undefined, checkpointFile: undefined });
      assert.ok(seal);
      assert.equal(seal.checkpointFile, join(dir, 'audit-checkpoints.jsonl'));
      ctx = await openApp({
        databaseUrl: scratch.url,
        clock,
        referenceDataDir: REFERENCE_DIR,
        auditSeal: seal,
      });

      const form = ctx.catalogue.form('BC-THANG');
      const withOptions = ctx.catalogue.indicators.find(
        (i) => i.options.length > 0 && form?.indicators.includes(i.code),
      );
      const plain = ctx.catalogue.indicator('drug.cases');
      const unit = ctx.graph.findByCode('40', '2020-02-14');
      assert.ok(form && withOptions && plain && unit);
      unitCode = unit.code;
      indicatorCode = withOptions.code;
      optionCode = withOptions.options[0]?.code as string;
      figure = {
        formId: form.id,
        unitId: unit.id,
        indicatorId: withOptions.id,
        optionId: withOptions.optionIds.get(optionCode) as number,
        period: '2020-02',
      };
      const change = (at: string) => ({ at, userId: null, source: 'api' as const, reason: 'kiểm thử' });
      const batch: ValueInput[] = [
        { ...figure, value: 12, comment: null },
        {
          ...figure,
          optionId: withOptions.optionIds.get(withOptions.options[1]?.code ?? '') as number,
          value: 3,
          comment: 'ghi chú',
        },
        { ...figure, indicatorId: plain.id, optionId: NO_OPTION, value: 7.5, comment: null },
      ];
      await writeValues(ctx.store, ctx.graph, batch, change('2020-02-20T01:00:00.000Z'));
      await signIn('a');
      await writeCheckpoint(ctx.store, seal, '2020-02-20T02:00:00.000Z');
      // A correction: version 1 goes to history, version 2 is current.
      await writeValues(
        ctx.store,
        ctx.graph,
        [{ ...figure, value: 14, comment: 'đính chính' }],
        change('2020-02-21T01:00:00.000Z'),
      );
      await signIn('b');
      await signIn('c');
      await writeCheckpoint(ctx.store, seal, '2020-02-21T02:00:00.000Z');
    });
    after(async () => {
      await ctx?.close();
      await scratch?.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('verifies an intact log against its last signed checkpoint', async () => {
      const v = await verify();
      assert.equal(v.ok, true, v.ok ? '' : v.messageEn);
      assert.equal(v.sealed, true);
      const head = (await entries()).at(-1);
      assert.equal(v.checkpoint?.seq, head?.seq);
      assert.equal(v.figures.changeSets, 2);
      assert.equal(v.figures.versions, 4);
    });

    it('names a figure edited directly in the database, current or superseded', async () => {
      const where = `period = '2020-02' AND unit_id = ${figure.unitId} AND indicator_id = ${figure.indicatorId} AND option_id = ${figure.optionId}`;
      await exec(`UPDATE data_value SET value = 4 WHERE ${where}`);
      let v = await verify();
      assert.equal(v.ok, false);
      assert.deepEqual(kinds(v), ['figures_altered']);
      const named = !v.ok ? v.problems[0]?.figures : undefined;
      assert.deepEqual(
        named?.map((f) => [f.unit, f.period, f.indicator, f.option, f.version]),
        [[unitCode, '2020-02', indicatorCode, optionCode, 2]],
      );
      assert.match(v.ok ? '' : v.messageVi, new RegExp(`${unitCode} 2020-02 ${indicatorCode}/${optionCode}`));
      await exec(`UPDATE data_value SET value = 14 WHERE ${where}`);
      assert.equal((await verify()).ok, true, 'the original value restored verifies again');

      await exec(`UPDATE data_value_history SET comment = 'sửa lén' WHERE ${where}`);
      v = await verify();
      assert.deepEqual(kinds(v), ['figures_altered']);
      assert.deepEqual(
        (!v.ok ? v.problems[0]?.figures : [])?.map((f) => [f.indicator, f.option, f.version]),
        [[indicatorCode, optionCode, 1]],
      );
      await exec(`UPDATE data_value_history SET comment = NULL WHERE ${where}`);
      assert.equal((await verify()).ok, true);

      // A figure slipped in under a change set that the log never recorded.
      await exec(
        `INSERT INTO data_value (period, unit_id, form_id, indicator_id, option_id, value, comment, version, change_id) VALUES ('2020-03', ${figure.unitId}, ${figure.formId}, ${figure.indicatorId}, ${figure.optionId}, 99, NULL, 1, 9999)`,
      );
      v = await verify();
      assert.deepEqual(kinds(v), ['figures_unsealed']);
      assert.equal(!v.ok && v.problems[0]?.figures?.[0]?.period, '2020-03');
      await exec(`DELETE FROM data_value WHERE change_id = 9999`);
      assert.equal((await verify()).ok, true);
    });

    it('refuses a checkpoint signed with another key, or altered after signing', async () => {
      const seal = ctx.auditSeal;
      assert.ok(seal);
      const before = readFileSync(seal.checkpointFile, 'utf8');
      const head = (await entries()).at(-1) as AuditEntry;
      const other = generateKeyPairSync('ed25519').privateKey;
      appendCheckpointLine(
        seal.checkpointFile,
        signCheckpoint(other, {
          seq: head.seq,
          headHash: head.hash,
          count: head.seq,
          at: '2020-02-22T00:00:00Z',
        }),
      );
      let v = await verify();
      assert.deepEqual(kinds(v), ['forged_checkpoint']);
      writeFileSync(seal.checkpointFile, before);

      const genuine = signCheckpoint(seal.privateKey, {
        seq: head.seq,
        headHash: head.hash,
        count: head.seq,
        at: '2020-02-22T00:00:00Z',
      });
      appendCheckpointLine(seal.checkpointFile, { ...genuine, seq: head.seq + 5 });
      v = await verify();
      assert.deepEqual(kinds(v), ['forged_checkpoint']);
      writeFileSync(seal.checkpointFile, before);
      assert.equal((await verify()).ok, true);
    });

    it('rotates the key: the old key signs the rotation, and checkpoints of both keys verify', async () => {
      const old = ctx.auditSeal as AuditSeal;
      const keyFile = join(dir, 'audit-key.pem');
      const oldPem = readFileSync(keyFile, 'utf8');
      const { rotation, checkpoint, seal } = await rotateAuditKey(ctx, SYSTEM_ACTOR);
      // The key file now holds the new key, still readable by its owner only; the old public key is in the keyring.
      assert.notEqual(readFileSync(keyFile, 'utf8'), oldPem);
      assert.equal(statSync(keyFile).mode & 0o777, 0o600);
      const reloaded = loadAuditSeal({ keyFile, keyPem: undefined, checkpointFile: undefined });
      assert.equal(reloaded?.keyId, seal.keyId);
      assert.notEqual(seal.keyId, old.keyId);
      assert.equal(rotation.keyId, old.keyId);
      assert.equal(rotation.newKeyId, seal.keyId);
      const keyring = readFileSync(join(dir, 'audit-keyring.jsonl'), 'utf8').trim().split('\n');
      assert.equal(keyring.length, 1);
      assert.equal(
        JSON.parse(keyring[0] as string).oldPublicKey,
        old.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      );
      assert.equal(checkpoint.keyId, seal.keyId);
      // More entries after the rotation, sealed by the new key; a fresh process (the reloaded key) verifies all.
      await signIn('d');
      await writeCheckpoint(ctx.store, seal, '2020-02-23T00:00:00.000Z');
      ctx.auditSeal = reloaded;
      const v = await verify();
      assert.equal(v.ok, true, v.ok ? '' : v.messageEn);
      assert.equal(v.checkpoint?.keyId, seal.keyId);
      assert.equal(v.checkpoint?.seq, (await entries()).at(-1)?.seq);

      // The retired key cannot sign a checkpoint after its rotation (someone who kept a copy of it).
      const before = readFileSync(old.checkpointFile, 'utf8');
      const head = (await entries()).at(-1) as AuditEntry;
      appendCheckpointLine(
        old.checkpointFile,
        signCheckpoint(old.privateKey, { seq: head.seq, headHash: head.hash, count: head.seq, at: head.at }),
      );
      const late = await verify();
      assert.deepEqual(kinds(late), ['forged_checkpoint']);
      assert.match(late.ok ? '' : late.messageEn, /outside the time that key was in use/);
      writeFileSync(old.checkpointFile, before);
      assert.equal((await verify()).ok, true);
    });

    it('reports a forged rotation: a key introduced without the old key’s signature', async () => {
      const genuine = ctx.auditSeal as AuditSeal;
      const keyringBefore = readFileSync(genuine.keyringFile, 'utf8');
      const checkpointsBefore = readFileSync(genuine.checkpointFile, 'utf8');
      const head = (await entries()).at(-1) as AuditEntry;
      const body = { seq: head.seq, headHash: head.hash, count: head.seq, at: '2020-02-24T00:00:00.000Z' };
      // The forger names the genuine key as the old one, but can sign only with a key of their own.
      const evil = generateKeyPairSync('ed25519').privateKey;
      const forged = {
        ...signRotation(evil, evil, body),
        keyId: genuine.keyId,
        oldPublicKey: genuine.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      };
      appendRotationLine(genuine.keyringFile, forged);
      let v = await verify();
      assert.deepEqual(kinds(v), ['forged_checkpoint']);
      assert.match(
        v.ok ? '' : v.messageEn,
        /key rotation at entry \d+ .* is forged: not signed by the old key/,
      );

      // ...and puts their key in place of the genuine one, signing the head with it: the rotation is still forged,
      // and every checkpoint of the genuine keys is now signed by a key the chain does not know.
      appendCheckpointLine(genuine.checkpointFile, signCheckpoint(evil, body));
      const evilPublic = createPublicKey(evil);
      ctx.auditSeal = { ...genuine, privateKey: evil, publicKey: evilPublic, keyId: keyIdOf(evilPublic) };
      v = await verify();
      assert.equal(v.ok, false);
      assert.ok(kinds(v).every((k) => k === 'forged_checkpoint'));
      assert.match(v.ok ? '' : v.messageEn, /is forged: not signed by the old key/);
      assert.match(v.ok ? '' : v.messageEn, /not in the chain of key rotations/);

      ctx.auditSeal = genuine;
      writeFileSync(genuine.keyringFile, keyringBefore);
      writeFileSync(genuine.checkpointFile, checkpointsBefore);
      assert.equal((await verify()).ok, true);
    });

    it('seals change sets written before seals existed once, as an audited and signed act', async () => {
      // A change set as a database migrated from before 0015 holds it: figures, no seal in any audit entry.
      const max = await ctx.store.db
        .selectFrom('change_set')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirst();
      const legacy = Number(max?.id ?? 0) + 1;
      await exec(
        `INSERT INTO change_set (id, at, user_id, source, reason) VALUES (${legacy}, '2020-01-31T01:00:00.000Z', NULL, 'import', 'trước niêm phong')`,
      );
      await exec(
        `INSERT INTO data_value (period, unit_id, form_id, indicator_id, option_id, value, comment, version, change_id) VALUES ('2020-01', ${figure.unitId}, ${figure.formId}, ${figure.indicatorId}, ${figure.optionId}, 5, NULL, 1, ${legacy})`,
      );
      await exec(`UPDATE meta SET value = '${legacy + 1}' WHERE key = 'audit.figures_sealed_from'`);
      let v = await verify();
      assert.equal(v.ok, true, v.ok ? '' : v.messageEn);
      assert.equal(v.figures.notCovered, 1);
      assert.deepEqual(v.figures.sealedRetroactively, []);

      clock.set('2020-02-25T03:00:00.000Z');
      const sealed = await sealLegacyChangeSets(ctx, SYSTEM_ACTOR);
      assert.deepEqual(sealed.changeIds, [legacy]);
      assert.ok(sealed.checkpoint, 'the act is signed by a checkpoint of the key');
      const act = (await entries()).find((e) => e.action === 'audit.seal_legacy');
      assert.equal(act?.actorName, SYSTEM_ACTOR.name);
      assert.equal(sealed.checkpoint.seq, act?.seq);
      v = await verify();
      assert.equal(v.ok, true, v.ok ? '' : v.messageEn);
      assert.equal(v.figures.notCovered, 0);
      assert.deepEqual(v.figures.sealedRetroactively, [
        { seq: act?.seq, at: '2020-02-25T03:00:00.000Z', changeIds: [legacy] },
      ]);
      assert.deepEqual((await sealLegacyChangeSets(ctx, SYSTEM_ACTOR)).changeIds, [], 'sealed once');

      // From now on the legacy figure is held like any other: edited directly, it is named.
      await exec(`UPDATE data_value SET value = 6 WHERE change_id = ${legacy}`);
      v = await verify();
      assert.deepEqual(kinds(v), ['figures_altered']);
      assert.equal(!v.ok && v.problems[0]?.figures?.[0]?.period, '2020-01');
      await exec(`UPDATE data_value SET value = 5 WHERE change_id = ${legacy}`);
      assert.equal((await verify()).ok, true);
    });

    it('detects the last entries deleted together with the checkpoints kept in the database', async () => {
      await dropTriggers();
      const all = await entries();
      const removed = all.slice(-2);
      const last = removed[0]?.seq as number;
      await exec(`DELETE FROM audit_log WHERE seq >= ${last}`);
      await exec('DELETE FROM audit_checkpoint');
      const v = await verify();
      assert.equal(v.ok, false);
      assert.deepEqual(kinds(v), ['truncated']);
      assert.equal(!v.ok && v.firstBadSeq, last);
      await insertEntries(removed);
      assert.equal((await verify()).ok, true, 'the file beside the key still holds the checkpoints');
    });

    it('detects a class of entries deleted and the chain recomputed', async () => {
      await dropTriggers();
      const all = await entries();
      // Remove every failed sign-in and re-chain what is left, as someone covering their tracks would.
      const kept = all.filter((e) => e.action !== 'auth.sign_in_failed');
      const rechained: AuditEntry[] = [];
      for (const e of kept) rechained.push(appendEntry(rechained.at(-1) ?? null, e));
      await exec('DELETE FROM audit_log');
      await exec('DELETE FROM audit_checkpoint');
      await insertEntries(rechained);
      // Internally the chain holds...
      assert.equal((await ctx.store.db.selectFrom('audit_log').select('seq').execute()).length, kept.length);
      // ...and the seals of the figures still match, but the signed heads do not.
      const v = await verify();
      assert.equal(v.ok, false);
      assert.deepEqual(kinds(v), ['rechained']);
      assert.match(v.ok ? '' : v.messageEn, /re-chained/);
    });
  });
}
