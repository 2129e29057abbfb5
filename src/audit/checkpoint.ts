import { createHash, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson } from './chain.ts';

/**
 * Signed checkpoints of the audit chain's head. The Ed25519 key lives outside the database, and every checkpoint is
 * also appended to a file beside the key, so someone who holds only the database can neither truncate nor re-chain
 * the log (nor delete the checkpoints it keeps) without `audit verify` noticing.
 */
export interface Checkpoint {
  /** seq of the head entry when signed (0 for an empty log). */
  seq: number;
  headHash: string;
  /** Rows in audit_log when signed. */
  count: number;
  /** ISO 8601 instant. */
  at: string;
  /** First 16 hex digits of SHA-256 over the public key (SPKI DER): which key signed. */
  keyId: string;
  /** Ed25519 signature over the canonical JSON of the other fields, base64. */
  signature: string;
}

export type CheckpointBody = Omit<Checkpoint, 'signature' | 'keyId'>;

const DOMAIN = 'giaoban-audit-checkpoint-v1';

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

function signedText(c: CheckpointBody & { keyId: string }): Buffer {
  return Buffer.from(
    `${DOMAIN}\n${canonicalJson({ seq: c.seq, headHash: c.headHash, count: c.count, at: c.at, keyId: c.keyId })}`,
    'utf8',
  );
}

export function signCheckpoint(privateKey: KeyObject, body: CheckpointBody): Checkpoint {
  const keyId = keyIdOf(createPublicKey(privateKey));
  const signature = sign(null, signedText({ ...body, keyId }), privateKey).toString('base64');
  return { seq: body.seq, headHash: body.headHash, count: body.count, at: body.at, keyId, signature };
}

/** Whether the checkpoint was signed by this key over exactly these fields. */
export function checkpointValid(publicKey: KeyObject, c: Checkpoint): boolean {
  try {
    return verify(null, signedText(c), publicKey, Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}

/** Reads one checkpoint line; null for anything that is not one. */
export function parseCheckpoint(value: unknown): Checkpoint | null {
  if (typeof value !== 'object' || value === null) return null;
  const c = value as Record<string, unknown>;
  if (
    typeof c.seq !== 'number' ||
    !Number.isInteger(c.seq) ||
    typeof c.headHash !== 'string' ||
    typeof c.count !== 'number' ||
    typeof c.at !== 'string' ||
    typeof c.keyId !== 'string' ||
    typeof c.signature !== 'string'
  )
    return null;
  return {
    seq: c.seq,
    headHash: c.headHash,
    count: c.count,
    at: c.at,
    keyId: c.keyId,
    signature: c.signature,
  };
}
