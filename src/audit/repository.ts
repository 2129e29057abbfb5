import { setImmediate as nextTurn } from 'node:timers/promises';
import { type Kysely, PostgresAdapter, type Selectable, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import { type AtCommit, jsonLiteral, perStore, type Store } from '../db/store.ts';
import type { SecrecyLevel } from '../shared/secrecy.ts';
import {
  type AuditDraft,
  type AuditEntry,
  appendEntry,
  type ChainVerdict,
  canonicalJson,
  GENESIS_HASH,
  hashedTextAround,
  type JsonObject,
  verifyChain,
} from './chain.ts';
import type { Checkpoint } from './checkpoint.ts';
import type { ChangeSetRecord, FigureVersion } from './figures.ts';

type Row = Selectable<Database['audit_log']>;

function toEntry(r: Row): AuditEntry {
  return {
    seq: r.seq,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    target: r.target,
    unitId: r.unit_id,
    secrecy: r.secrecy as SecrecyLevel,
    details: JSON.parse(r.details) as JsonObject,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

function toRow(e: AuditEntry): Row {
  return {
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
  };
}

/**
 * Appends entries chained to the last one, in order, inside the caller's transaction, so that a change and its
 * audit record commit or fail together. PostgreSQL writers take a transaction-scoped lock so that two of them never
 * claim the same sequence number; SQLite writers are already serialised.
 */
export async function appendAudits(
  trx: Kysely<Database>,
  drafts: readonly AuditDraft[],
): Promise<AuditEntry[]> {
  if (drafts.length === 0) return [];
  if (trx.getExecutor().adapter instanceof PostgresAdapter) {
    const { rows } =
      await sql<AppendedRow>`SELECT * FROM audit_append(${JSON.stringify(appended(drafts))}::json)`.execute(
        trx,
      );
    return appendedEntries(drafts, rows);
  }
  const last = await trx
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  let previous = last ? toEntry(last) : null;
  const entries: AuditEntry[] = [];
  for (const draft of drafts) {
    previous = appendEntry(previous, draft);
    entries.push(previous);
  }
  for (let i = 0; i < entries.length; i += 100)
    await trx
      .insertInto('audit_log')
      .values(entries.slice(i, i + 100).map(toRow))
      .execute();
  return entries;
}

/** What PostgreSQL's `audit_append` (migration 0024) returns for each entry it appended. */
interface AppendedRow {
  seq: number;
  prev_hash: string;
  hash: string;
}

/** The entries for `audit_append`: their columns as stored, and the hashed text around their chained fields. */
function appended(drafts: readonly AuditDraft[]): object[] {
  return drafts.map((draft) => ({
    at: draft.at,
    actor_id: draft.actorId,
    actor_name: draft.actorName,
    action: draft.action,
    target: draft.target,
    unit_id: draft.unitId,
    secrecy: draft.secrecy,
    details: JSON.stringify(JSON.parse(canonicalJson(draft.details))),
    ...hashedTextAround(draft),
  }));
}

function appendedEntries(
  drafts: readonly AuditDraft[],
  rows: ReadonlyArray<Partial<AppendedRow>>,
): AuditEntry[] {
  if (rows.length !== drafts.length)
    throw new Error(`${rows.length} audit entries appended of ${drafts.length}`);
  return drafts.map((draft, i) => {
    const row = rows[i] as AppendedRow;
    return {
      ...draft,
      details: JSON.parse(canonicalJson(draft.details)) as JsonObject,
      seq: Number(row.seq),
      prevHash: String(row.prev_hash),
      hash: String(row.hash),
    };
  });
}

/**
 * PostgreSQL: appends entries with the transaction's COMMIT (see `AtCommit`), chained by the database; resolves with
 * them once committed.
 */
export function appendAuditsAtCommit(
  atCommit: AtCommit,
  drafts: readonly AuditDraft[],
): Promise<AuditEntry[]> {
  const entries = atCommit(`SELECT * FROM audit_append(${jsonLiteral(appended(drafts))}::json)`).then(
    (rows) => appendedEntries(drafts, rows as Array<Partial<AppendedRow>>),
  );
  // A failed commit is heard of from the write itself.
  entries.catch(() => undefined);
  return entries;
}

/** One entry, as `appendAudits`. */
export async function appendAudit(trx: Kysely<Database>, draft: AuditDraft): Promise<AuditEntry> {
  const [entry] = await appendAudits(trx, [draft]);
  if (!entry) throw new Error('no audit entry was appended');
  return entry;
}

type Sqlite = NonNullable<Store['sqlite']>;

/** The same, for the synchronous SQLite bulk paths (inside their own transaction). */
export function appendAuditSync(db: Sqlite, draft: AuditDraft): AuditEntry {
  const last = db.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1').get() as Row | undefined;
  const entry = appendEntry(last ? toEntry(last) : null, draft);
  const r = toRow(entry);
  db.prepare(
    'INSERT INTO audit_log (seq, at, actor_id, actor_name, action, target, unit_id, secrecy, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    r.seq,
    r.at,
    r.actor_id,
    r.actor_name,
    r.action,
    r.target,
    r.unit_id,
    r.secrecy,
    r.details,
    r.prev_hash,
    r.hash,
  );
  return entry;
}

type AuditWaiter = { draft: AuditDraft; resolve: (e: AuditEntry) => void; reject: (e: unknown) => void };

interface AuditQueue {
  waiting: AuditWaiter[];
  flushing: boolean;
  /** SQLite: the entries of the write asked for whose turn in the shared transaction has not come yet. */
  gathering: AuditWaiter[] | null;
}
const queueOf = perStore((): AuditQueue => ({ waiting: [], flushing: false, gathering: null }));
/** Entries appended together in one commit at most. */
const AUDIT_BATCH = 200;

/**
 * Appends in a transaction of its own (for events that change nothing else, such as reads of classified data),
 * and resolves once the entry is committed. Entries asked for while a commit is under way go together in the next
 * one (a group commit): every chained append holds the chain's lock to its commit, so one commit per entry would
 * queue every reader of classified figures behind each other's disk flush.
 */
export function recordAudit(store: Store, draft: AuditDraft): Promise<AuditEntry> {
  const q = queueOf(store);
  return new Promise<AuditEntry>((resolve, reject) => {
    const waiter = { draft, resolve, reject };
    if (store.dialect === 'sqlite') gatherForNextCommit(store, q, waiter);
    else {
      q.waiting.push(waiter);
      if (!q.flushing) void flushAudits(store, q);
    }
  });
}

/**
 * SQLite: entries join one write until its turn comes in the next shared transaction, which then appends them
 * together. SQLite commits in the order asked and a commit waits only for the disk flush, so entries asked for
 * meanwhile go to the next commit at once, not after this one's flush.
 */
function gatherForNextCommit(store: Store, queue: AuditQueue, waiter: AuditWaiter): void {
  if (queue.gathering && queue.gathering.length < AUDIT_BATCH) {
    queue.gathering.push(waiter);
    return;
  }
  const batch = [waiter];
  queue.gathering = batch;
  store
    .write((trx) => {
      if (queue.gathering === batch) queue.gathering = null;
      return appendAudits(
        trx,
        batch.map((w) => w.draft),
      );
    })
    .then(
      (entries) => settleAudits(batch, entries),
      (error: unknown) => {
        if (queue.gathering === batch) queue.gathering = null;
        for (const w of batch) w.reject(error);
      },
    );
}

function settleAudits(batch: AuditWaiter[], entries: AuditEntry[]): void {
  batch.forEach((w, i) => {
    const entry = entries[i];
    if (entry) w.resolve(entry);
    else w.reject(new Error('no audit entry was appended'));
  });
}

/** PostgreSQL: the next entries wait for this commit, holding no second connection queued on the chain's lock. */
async function flushAudits(store: Store, queue: AuditQueue): Promise<void> {
  queue.flushing = true;
  try {
    // The entries asked for in this turn of the event loop go together in the first commit.
    await nextTurn();
    while (queue.waiting.length > 0) {
      const batch = queue.waiting.splice(0, AUDIT_BATCH);
      try {
        const drafts = batch.map((w) => w.draft);
        if (!store.writeAtCommit) throw new Error('a PostgreSQL store writes with its commit');
        // One round trip: the chain's lock is held while the server appends and commits, not across turns here.
        const appended = await store.writeAtCommit(async (_trx, atCommit) => ({
          entries: appendAuditsAtCommit(atCommit, drafts),
        }));
        settleAudits(batch, await appended.entries);
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
  } finally {
    queue.flushing = false;
  }
}

/** Checks the whole chain (see `readAuditEntries`). */
export async function verifyAuditLog(db: Kysely<Database>): Promise<ChainVerdict> {
  return verifyChain(await readAuditEntries(db));
}

export interface AuditQuery {
  actor?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  secrecy: SecrecyLevel[];
  limit: number;
}

export async function searchAudit(db: Kysely<Database>, q: AuditQuery): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll().where('secrecy', 'in', q.secrecy);
  if (q.actor) query = query.where('actor_name', 'like', `%${q.actor}%`);
  if (q.action) query = query.where('action', 'like', `${q.action}%`);
  if (q.from) query = query.where('at', '>=', q.from);
  if (q.to) query = query.where('at', '<=', q.to);
  const rows = await query.orderBy('seq', 'desc').limit(q.limit).execute();
  return rows.map(toEntry);
}

/** The stored checkpoints (the database's copy; the file beside the key is the one that counts). */
export async function readStoredCheckpoints(db: Kysely<Database>): Promise<Checkpoint[]> {
  const rows = await db.selectFrom('audit_checkpoint').selectAll().orderBy('seq').execute();
  return rows.map((r) => ({
    seq: r.seq,
    headHash: r.head_hash,
    count: r.row_count,
    at: r.at,
    keyId: r.key_id,
    signature: r.signature,
  }));
}

export async function storeCheckpoint(trx: Kysely<Database>, c: Checkpoint): Promise<void> {
  await trx
    .insertInto('audit_checkpoint')
    .values({
      seq: c.seq,
      head_hash: c.headHash,
      row_count: c.count,
      at: c.at,
      key_id: c.keyId,
      signature: c.signature,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The head of the chain and the number of rows, read together for a checkpoint. */
export async function chainHead(
  trx: Kysely<Database>,
): Promise<{ seq: number; hash: string; count: number }> {
  const last = await trx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const { n } = await trx
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return last
    ? { seq: last.seq, hash: last.hash, count: Number(n) }
    : { seq: 0, hash: GENESIS_HASH, count: 0 };
}

/**
 * Every stored audit entry, by number. Not in storage order: on PostgreSQL, writers on different connections fill
 * different pages, so an intact log is not stored in order. An entry moved, altered or removed breaks the numbering
 * or the hashes either way: each hash covers the entry's number and the hash before it.
 */
export async function readAuditEntries(db: Kysely<Database>): Promise<AuditEntry[]> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
  return rows.map(toEntry);
}

/** What stored figures look like to the seal check: every version with its change set, and every change set. */
export async function readFigureVersions(db: Kysely<Database>): Promise<{
  versions: Array<FigureVersion & { changeId: number }>;
  changeSets: ChangeSetRecord[];
  sealedFrom: number;
}> {
  const columns = [
    'period',
    'form_id',
    'unit_id',
    'indicator_id',
    'option_id',
    'version',
    'value',
    'comment',
    'change_id',
  ] as const;
  const current = await db.selectFrom('data_value').select(columns).execute();
  const history = await db.selectFrom('data_value_history').select(columns).execute();
  const versions: Array<FigureVersion & { changeId: number }> = [];
  for (const r of [current, history].flat()) {
    versions.push({
      period: r.period,
      formId: r.form_id,
      unitId: r.unit_id,
      indicatorId: r.indicator_id,
      optionId: r.option_id,
      version: r.version,
      value: r.value === null ? null : Number(r.value),
      comment: r.comment,
      changeId: r.change_id,
    });
  }
  const sets = await db.selectFrom('change_set').selectAll().execute();
  const meta = await db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', 'audit.figures_sealed_from')
    .executeTakeFirst();
  return {
    versions,
    changeSets: sets.map((s) => ({
      id: s.id,
      at: s.at,
      userId: s.user_id,
      source: s.source,
      reason: s.reason,
    })),
    sealedFrom: meta ? Number(meta.value) : 1,
  };
}
