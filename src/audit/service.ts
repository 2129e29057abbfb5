import type { AppContext } from '../app/context.ts';
import { inScope, type Principal } from '../auth/gate.ts';
import { readableSecrecyLevels } from '../auth/policy.ts';
import type { Store } from '../db/store.ts';
import type { AuditDraft, AuditEntry } from './chain.ts';
import { type Checkpoint, signCheckpoint } from './checkpoint.ts';
import type { FigureVersion } from './figures.ts';
import { type AuditVerdict, type NamedFigure, verifyAudit } from './integrity.ts';
import { type AuditSeal, appendCheckpointLine } from './keyfile.ts';
import { type AuditQuery, chainHead, recordAudit, searchAudit, storeCheckpoint } from './repository.ts';

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
