import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import type { AppContext } from '../app/context.ts';
import { inScope, type Principal } from '../auth/gate.ts';
import { readableSecrecyLevels } from '../auth/policy.ts';
import type { Store } from '../db/store.ts';
import { AppError } from '../shared/errors.ts';
import type { Actor } from './actor.ts';
import type { AuditDraft, AuditEntry } from './chain.ts';
import { type Checkpoint, keyIdOf, signCheckpoint } from './checkpoint.ts';
import { type FigureSeal, type FigureVersion, sealFigures } from './figures.ts';
import { type AuditVerdict, type NamedFigure, SEAL_LEGACY_ACTION, verifyAudit } from './integrity.ts';
import { type AuditSeal, appendCheckpointLine, appendRotationLine, replaceKeyFile } from './keyfile.ts';
import {
  type AuditQuery,
  appendAudit,
  chainHead,
  readAuditEntries,
  readFigureVersions,
  recordAudit,
  searchAudit,
  storeCheckpoint,
} from './repository.ts';
import { type KeyRotation, ROTATION_ACTION, signRotation } from './rotation.ts';

/** Names a stored figure version by the codes people use: unit, period, indicator, option, form. */
export function figureNamer(ctx: AppContext): (v: FigureVersion) => NamedFigure {
  return (v) => {
    const indicator = ctx.catalogue.indicatorById(v.indicatorId);
    return {
      unit: ctx.graph.get(v.unitId)?.code ?? `#${v.unitId}`,
      period: v.period,
      indicator: indicator?.code ?? `#${v.indicatorId}`,
      option: v.optionId === 0 ? null : (ctx.catalogue.optionCode(v.optionId) ?? `#${v.optionId}`),
      form: ctx.catalogue.formById(v.formId)?.code ?? `#${v.formId}`,
      version: v.version,
    };
  };
}

/** `giaoban audit verify` and the admin page's integrity check: chain, signed checkpoints, sealed figures. */
export function checkAuditIntegrity(ctx: AppContext): Promise<AuditVerdict> {
  return verifyAudit(ctx.store.db, ctx.auditSeal, figureNamer(ctx));
}

/**
 * Signs the chain's head and keeps the checkpoint twice: in the database and, after it committed, as a line of the
 * file beside the key (the copy someone holding only the database cannot take back).
 */
export async function writeCheckpoint(store: Store, seal: AuditSeal, at: string): Promise<Checkpoint> {
  const checkpoint = await store.write(async (trx) => {
    const head = await chainHead(trx);
    const c = signCheckpoint(seal.privateKey, { seq: head.seq, headHash: head.hash, count: head.count, at });
    await storeCheckpoint(trx, c);
    return c;
  });
  appendCheckpointLine(seal.checkpointFile, checkpoint);
  return checkpoint;
}

/**
 * Signs a checkpoint whenever `every` entries were appended since the last one (checked each `intervalMs`), and
 * once more when stopped (server shutdown). Returns the stop function.
 */
export function startCheckpointJob(
  ctx: AppContext,
  seal: AuditSeal,
  options: { every: number; intervalMs: number },
  onError: (error: unknown) => void,
): () => Promise<void> {
  let lastSeq = -1;
  let running: Promise<void> = Promise.resolve();
  const tick = async (force: boolean) => {
    const head = await chainHead(ctx.store.db);
    if (lastSeq < 0 && !force) lastSeq = head.seq - options.every;
    if (head.seq === lastSeq || (!force && head.seq - lastSeq < options.every)) return;
    const c = await writeCheckpoint(ctx.store, seal, ctx.clock.now().toISOString());
    lastSeq = c.seq;
  };
  const timer = setInterval(() => {
    running = running.then(() => tick(false)).catch(onError);
  }, options.intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
    await tick(true).catch(onError);
  };
}

/** Records an act (an export, a sign-out, an issued document) in the audit chain. */
export function recordAct(ctx: AppContext, draft: AuditDraft): Promise<AuditEntry> {
  return recordAudit(ctx.store, draft);
}

/**
 * The audit entries a reader may see: at the reader's clearance, and about units of the reader's subtree (entries
 * that name no unit, such as sign-ins and failures, belong to the ministry and are shown only there).
 */
export async function auditEntriesFor(
  ctx: AppContext,
  reader: Principal,
  q: Omit<AuditQuery, 'secrecy'>,
): Promise<AuditEntry[]> {
  const entries = await searchAudit(ctx.store.db, { ...q, secrecy: readableSecrecyLevels(reader) });
  const today = ctx.clock.today();
  const root = ctx.graph.root(today).id;
  return entries.filter((e) =>
    reader.unitId === root ? true : e.unitId !== null && inScope(ctx, reader, e.unitId, today),
  );
}

/**
 * `giaoban audit rotate-key`: a new Ed25519 key replaces the one in the key file. The rotation is a checkpoint of
 * the chain's head signed by the old key over the new public key (and countersigned by the new one); it is kept in
 * the keyring beside the key (with the old public key) and in the log itself, and the first checkpoint of the new
 * key follows at once. Checkpoints signed before stay valid: `audit verify` accepts each one signed by the key of the
 * chain of rotations that was in use at its entry.
 */
export async function rotateAuditKey(
  ctx: AppContext,
  actor: Actor,
): Promise<{ rotation: KeyRotation; checkpoint: Checkpoint; seal: AuditSeal }> {
  const seal = ctx.auditSeal;
  if (!seal?.keyFile)
    throw new AppError(
      'bad_request',
      'Chỉ đổi được khóa ký nhật ký đặt trong tệp (GIAOBAN_AUDIT_KEY_FILE)',
      'only an audit key kept in a file (GIAOBAN_AUDIT_KEY_FILE) can be rotated',
    );
  const keyFile = seal.keyFile;
  const next = generateKeyPairSync('ed25519').privateKey;
  const at = ctx.clock.now().toISOString();
  const rotation = await ctx.store.write(async (trx) => {
    const head = await chainHead(trx);
    const r = signRotation(seal.privateKey, next, {
      seq: head.seq,
      headHash: head.hash,
      count: head.count,
      at,
    });
    await appendAudit(trx, {
      at,
      actorId: actor.id,
      actorName: actor.name,
      action: ROTATION_ACTION,
      target: `audit-key:${r.newKeyId}`,
      unitId: null,
      secrecy: 'none',
      details: { rotation: { ...r } },
    });
    return r;
  });
  // The keyring first: were the key file not replaced after it (a crash), `audit verify` would name the unfinished
  // rotation while the old key still checks everything; a replaced key without its rotation would orphan every
  // earlier checkpoint.
  appendRotationLine(seal.keyringFile, rotation);
  replaceKeyFile(keyFile, next);
  const publicKey = createPublicKey(next);
  const rotated: AuditSeal = { ...seal, privateKey: next, publicKey, keyId: keyIdOf(publicKey) };
  ctx.auditSeal = rotated;
  const checkpoint = await writeCheckpoint(ctx.store, rotated, at);
  return { rotation, checkpoint, seal: rotated };
}

/**
 * `giaoban audit seal-legacy`: the change sets written before their audit entries carried a seal of their figures
 * (before migration 0015) are sealed once, as they are found now, in one audited act signed by the next checkpoint.
 * `audit verify` then checks them like any other and says which were sealed retroactively and when. Sealing twice
 * seals nothing more.
 */
export async function sealLegacyChangeSets(
  ctx: AppContext,
  actor: Actor,
): Promise<{ changeIds: number[]; checkpoint: Checkpoint | null }> {
  const seal = ctx.auditSeal;
  if (!seal)
    throw new AppError(
      'bad_request',
      'Chưa có khóa ký nhật ký: đặt GIAOBAN_AUDIT_KEY_FILE (hoặc chạy giaoban start một lần)',
      'no audit key: set GIAOBAN_AUDIT_KEY_FILE (or run giaoban start once)',
    );
  const at = ctx.clock.now().toISOString();
  const changeIds = await ctx.store.write(async (trx) => {
    const sealed = new Set<number>();
    for (const e of await readAuditEntries(trx)) {
      const figures = e.details.figures as unknown as FigureSeal | undefined;
      if (typeof figures?.changeId === 'number') sealed.add(figures.changeId);
      if (e.action === SEAL_LEGACY_ACTION && Array.isArray(e.details.retroactive))
        for (const s of e.details.retroactive as unknown as FigureSeal[]) sealed.add(s.changeId);
    }
    const stored = await readFigureVersions(trx);
    const byChange = new Map<number, FigureVersion[]>();
    for (const v of stored.versions) {
      if (v.changeId >= stored.sealedFrom || sealed.has(v.changeId)) continue;
      const list = byChange.get(v.changeId);
      if (list) list.push(v);
      else byChange.set(v.changeId, [v]);
    }
    const seals = stored.changeSets
      .filter((c) => byChange.has(c.id))
      .sort((a, b) => a.id - b.id)
      .map((c) => sealFigures(c, byChange.get(c.id) ?? []));
    if (seals.length === 0) return [];
    await appendAudit(trx, {
      at,
      actorId: actor.id,
      actorName: actor.name,
      action: SEAL_LEGACY_ACTION,
      target: `change-sets:${seals[0]?.changeId}-${seals.at(-1)?.changeId}`,
      unitId: null,
      secrecy: 'none',
      details: { retroactive: seals.map((s) => ({ ...s })) },
    });
    return seals.map((s) => s.changeId);
  });
  if (changeIds.length === 0) return { changeIds, checkpoint: null };
  return { changeIds, checkpoint: await writeCheckpoint(ctx.store, seal, at) };
}
