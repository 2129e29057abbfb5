import { createHash } from 'node:crypto';
import type { SecrecyLevel } from '../shared/secrecy.ts';

/**
 * Pure core of the append-only audit log ("nhật ký hệ thống"). Each entry carries the hash of the one
 * before it, so altering, removing or reordering stored entries breaks the chain at a point `verifyChain`
 * names. A chain rewritten from some point onwards by someone who can also recompute every later hash is
 * caught only against a hash kept outside the database: record the head hash regularly (in the monthly
 * report, on paper, in another system) and pass those as checkpoints.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface AuditEntry {
  /** 1, 2, 3 … without gaps. */
  seq: number;
  /** ISO 8601 instant, from the server's (NTP-synchronised) clock. */
  at: string;
  /** null for the system itself and for failed sign-ins of unknown users. */
  actorId: number | null;
  /** Kept as text so the entry still reads after the account is renamed or removed. */
  actorName: string;
  /** What happened: 'auth.sign_in', 'values.write', 'submission.approve' … */
  action: string;
  /** What it happened to: 'submission:2025-07/123', 'user:45' … */
  target: string;
  unitId: number | null;
  /** Level of the material concerned; readers of the log need the clearance for it. */
  secrecy: SecrecyLevel;
  details: JsonObject;
  prevHash: string;
  hash: string;
}

/** An entry before it is chained: the caller supplies the facts, `appendEntry` the seq and hashes. */
export type AuditDraft = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;

/** prevHash of entry 1. */
export const GENESIS_HASH = '0'.repeat(64);

/** Changes whenever the hashed form changes, so old and new entries are never confused. */
const HASH_DOMAIN = 'giaoban-audit-v1';

/**
 * JSON with object keys sorted (by UTF-16 code units) and no white space: one text for one value, as in
 * RFC 8785 for plain JSON data. Object members whose value is undefined are left out, as JSON.stringify
 * and any JSON column would; values JSON cannot represent (NaN, Infinity, bigint, functions) throw.
 */
export function canonicalJson(value: JsonValue): string {
  return canon(value as unknown);
}

function canon(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`cannot hash a non-finite number: ${value}`);
      return JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value.map((item) => (item === undefined ? 'null' : canon(item))).join(',')}]`;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        // A Date or Map would silently become "{}" or a locale string; the caller must convert it.
        throw new TypeError(
          `cannot hash a ${proto?.constructor?.name ?? 'non-plain'} object; convert it to JSON data`,
        );
      }
      const record = value as Record<string, unknown>;
      const members = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${canon(record[key])}`);
      return `{${members.join(',')}}`;
    }
    default:
      throw new TypeError(`cannot hash a ${typeof value}`);
  }
}

/**
 * SHA-256 (hex) of an entry chained to `prevHash`. The hashed fields are listed here one by one, so a
 * field added to AuditEntry later is not covered until it is added on purpose (with a new HASH_DOMAIN).
 */
export function hashEntry(entry: Omit<AuditEntry, 'hash' | 'prevHash'>, prevHash: string): string {
  const payload: JsonObject = {
    seq: entry.seq,
    at: entry.at,
    actorId: entry.actorId,
    actorName: entry.actorName,
    action: entry.action,
    target: entry.target,
    unitId: entry.unitId,
    secrecy: entry.secrecy,
    details: entry.details,
    prevHash,
  };
  return createHash('sha256')
    .update(`${HASH_DOMAIN}\n${canonicalJson(payload)}`, 'utf8')
    .digest('hex');
}

/**
 * The hashed text of an entry around its two chained fields, so that a database can chain the entry in the statement
 * that appends it (reading the head of the chain under its lock): `hashEntry(entry, prevHash)` is the SHA-256 of
 * `head + prevHash + middle + String(entry.seq) + tail`. The members are written in the canonical (sorted) order.
 */
export function hashedTextAround(draft: AuditDraft): { head: string; middle: string; tail: string } {
  const json = (value: JsonValue) => canonicalJson(value);
  return {
    head:
      `${HASH_DOMAIN}\n{"action":${json(draft.action)},"actorId":${json(draft.actorId)},` +
      `"actorName":${json(draft.actorName)},"at":${json(draft.at)},"details":${json(draft.details)},"prevHash":"`,
    middle: `","secrecy":${json(draft.secrecy)},"seq":`,
    tail: `,"target":${json(draft.target)},"unitId":${json(draft.unitId)}}`,
  };
}

/** The next entry after `last` (null for an empty log). Appends must be serialised by the caller. */
export function appendEntry(last: AuditEntry | null, draft: AuditDraft): AuditEntry {
  const seq = last === null ? 1 : last.seq + 1;
  const prevHash = last === null ? GENESIS_HASH : last.hash;
  const entry = {
    seq,
    at: draft.at,
    actorId: draft.actorId,
    actorName: draft.actorName,
    action: draft.action,
    target: draft.target,
    unitId: draft.unitId,
    secrecy: draft.secrecy,
    // Detached, so a caller mutating its object afterwards cannot make the stored entry disagree with its hash.
    details: JSON.parse(canonicalJson(draft.details)) as JsonObject,
  };
  return { ...entry, prevHash, hash: hashEntry(entry, prevHash) };
}

export type ChainBreak = 'altered' | 'removed' | 'reordered';

export type ChainVerdict =
  | { ok: true; count: number; headHash: string }
  | { ok: false; firstBadSeq: number; reason: ChainBreak; messageVi: string; messageEn: string };

export interface VerifyOptions {
  /** To verify a segment: the seq of its first entry and the hash of the entry before it. */
  start?: { seq: number; prevHash: string };
  /** Head hashes recorded outside the database; a mismatch, or a checkpoint past the end, is a break. */
  checkpoints?: readonly { seq: number; hash: string }[];
}

function broken(reason: ChainBreak, seq: number): ChainVerdict {
  const text: Record<ChainBreak, [string, string]> = {
    altered: [
      `Nhật ký bị sửa đổi: bản ghi số ${seq} không khớp mã băm.`,
      `The log was altered: entry ${seq} does not match its hash.`,
    ],
    removed: [
      `Nhật ký bị xoá bản ghi: thiếu bản ghi số ${seq}.`,
      `Entries were removed from the log: entry ${seq} is missing.`,
    ],
    reordered: [`Nhật ký bị đảo thứ tự tại bản ghi số ${seq}.`, `The log was reordered at entry ${seq}.`],
  };
  const [messageVi, messageEn] = text[reason];
  return { ok: false, firstBadSeq: seq, reason, messageVi, messageEn };
}

/**
 * Checks entries in the order they were read back (by insertion order, not sorted by seq, or a swap
 * could not be seen). Names the lowest seq from which the log cannot be trusted:
 *   removed    the expected seq is absent (a gap, or checkpoints beyond a truncated end);
 *   reordered  the expected seq appears later in the list (or a seq comes back);
 *   altered    an entry's content no longer matches its hash, or an entry was re-hashed so that the
 *              next one's prevHash (or a checkpoint) no longer matches it.
 */
export function verifyChain(entries: readonly AuditEntry[], options: VerifyOptions = {}): ChainVerdict {
  let expectedSeq = options.start?.seq ?? 1;
  let expectedPrev = options.start?.prevHash ?? GENESIS_HASH;
  const checkpoints = new Map((options.checkpoints ?? []).map((c) => [c.seq, c.hash]));
  const laterSeqs = new Map<number, number>();
  for (const entry of entries) laterSeqs.set(entry.seq, (laterSeqs.get(entry.seq) ?? 0) + 1);

  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as AuditEntry;
    const remaining = laterSeqs.get(entry.seq) ?? 0;
    laterSeqs.set(entry.seq, remaining - 1);
    if (entry.seq !== expectedSeq) {
      if (entry.seq < expectedSeq) return broken('reordered', entry.seq);
      if ((laterSeqs.get(expectedSeq) ?? 0) > 0) return broken('reordered', expectedSeq);
      return broken('removed', expectedSeq);
    }
    if (hashEntry(entry, entry.prevHash) !== entry.hash) return broken('altered', entry.seq);
    if (entry.prevHash !== expectedPrev) {
      // This entry is intact; the one before it was re-hashed after a change (or, for the first
      // entry of a segment, the start anchor does not match).
      return broken('altered', i === 0 ? entry.seq : entry.seq - 1);
    }
    const recorded = checkpoints.get(entry.seq);
    if (recorded !== undefined && recorded !== entry.hash) return broken('altered', entry.seq);
    expectedPrev = entry.hash;
    expectedSeq = entry.seq + 1;
  }
  for (const seq of checkpoints.keys()) {
    if (seq >= expectedSeq) return broken('removed', expectedSeq);
  }
  return { ok: true, count: entries.length, headHash: expectedPrev };
}
