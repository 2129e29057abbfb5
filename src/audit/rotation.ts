import { createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson } from './chain.ts';
import { type Checkpoint, type CheckpointBody, checkpointValid, keyIdOf } from './checkpoint.ts';

/**
 * A rotation of the audit key, itself a checkpoint of the chain's head: signed by the OLD key over the head and the
 * NEW public key (only the holder of the old key can name its successor, so a forger cannot introduce a key), and
 * countersigned by the new key (its holder accepts the succession). The old public key travels with it, so the
 * keyring beside the key keeps every retired key.
 */
export interface KeyRotation extends CheckpointBody {
  /** The old key (which signs). */
  keyId: string;
  /** The old public key, SPKI DER, base64. */
  oldPublicKey: string;
  newKeyId: string;
  /** The new public key, SPKI DER, base64. */
  newPublicKey: string;
  /** The old key's Ed25519 signature, base64. */
  signature: string;
  /** The new key's Ed25519 signature over the same text, base64. */
  newSignature: string;
}

const DOMAIN = 'giaoban-audit-key-rotation-v1';

/** The audit action a rotation is recorded under (its details carry the signed rotation). */
export const ROTATION_ACTION = 'audit.key_rotated';

function der(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'der' }).toString('base64');
}

export function publicKeyFrom(base64: string): KeyObject | null {
  try {
    const key = createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

function signedText(r: Omit<KeyRotation, 'signature' | 'newSignature'>): Buffer {
  const { seq, headHash, count, at, keyId, oldPublicKey, newKeyId, newPublicKey } = r;
  return Buffer.from(
    `${DOMAIN}\n${canonicalJson({ seq, headHash, count, at, keyId, oldPublicKey, newKeyId, newPublicKey })}`,
    'utf8',
  );
}

/** The rotation from `oldKey` to `newKey` at the chain's head. */
export function signRotation(oldKey: KeyObject, newKey: KeyObject, head: CheckpointBody): KeyRotation {
  const oldPublic = createPublicKey(oldKey);
  const newPublic = createPublicKey(newKey);
  const body = {
    seq: head.seq,
    headHash: head.headHash,
    count: head.count,
    at: head.at,
    keyId: keyIdOf(oldPublic),
    oldPublicKey: der(oldPublic),
    newKeyId: keyIdOf(newPublic),
    newPublicKey: der(newPublic),
  };
  const text = signedText(body);
  return {
    ...body,
    signature: sign(null, text, oldKey).toString('base64'),
    newSignature: sign(null, text, newKey).toString('base64'),
  };
}

/** Why a rotation does not hold; null when both signatures and both key ids do. */
export function rotationFault(r: KeyRotation): string | null {
  const oldKey = publicKeyFrom(r.oldPublicKey);
  const newKey = publicKeyFrom(r.newPublicKey);
  if (!oldKey || !newKey) return 'unreadable public key';
  if (keyIdOf(oldKey) !== r.keyId || keyIdOf(newKey) !== r.newKeyId) return 'key ids do not match the keys';
  const text = signedText(r);
  try {
    if (!verify(null, text, oldKey, Buffer.from(r.signature, 'base64'))) return 'not signed by the old key';
    if (!verify(null, text, newKey, Buffer.from(r.newSignature, 'base64')))
      return 'not countersigned by the new key';
  } catch {
    return 'unreadable signature';
  }
  return null;
}

/** Reads one keyring line; null for anything that is not a rotation. */
export function parseRotation(value: unknown): KeyRotation | null {
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Record<string, unknown>;
  const strings = [
    'headHash',
    'at',
    'keyId',
    'oldPublicKey',
    'newKeyId',
    'newPublicKey',
    'signature',
    'newSignature',
  ];
  if (
    typeof r.seq !== 'number' ||
    !Number.isInteger(r.seq) ||
    typeof r.count !== 'number' ||
    strings.some((k) => typeof r[k] !== 'string')
  )
    return null;
  return {
    seq: r.seq,
    headHash: r.headHash as string,
    count: r.count,
    at: r.at as string,
    keyId: r.keyId as string,
    oldPublicKey: r.oldPublicKey as string,
    newKeyId: r.newKeyId as string,
    newPublicKey: r.newPublicKey as string,
    signature: r.signature as string,
    newSignature: r.newSignature as string,
  };
}

/** A key of the chain of rotations and the checkpoints (by seq) it may sign. */
export interface TrustedKey {
  keyId: string;
  publicKey: KeyObject;
  fromSeq: number;
  /** The seq at which it was retired; null for the current key. */
  untilSeq: number | null;
}

export interface KeyChain {
  keys: Map<string, TrustedKey>;
  /** Rotations that are not part of the chain leading to the current key, or do not hold. */
  forged: Array<{ rotation: KeyRotation; reason: string }>;
  /** The rotations of the chain, oldest first. */
  rotations: KeyRotation[];
}

/**
 * The keys trusted for checkpoints: the current (configured) key, then walking back, each key whose rotation to a
 * trusted key holds (signed by it, countersigned by its successor). A rotation signed by a key nobody trusted, or
 * towards a key that is not the successor on record, is reported forged.
 */
export function keyChain(current: KeyObject, rotations: readonly KeyRotation[]): KeyChain {
  const currentId = keyIdOf(current);
  const unique = new Map<string, KeyRotation>();
  for (const r of rotations) unique.set(r.signature, r);
  const forged: KeyChain['forged'] = [];
  const sound: KeyRotation[] = [];
  for (const r of unique.values()) {
    const fault = rotationFault(r);
    if (fault) forged.push({ rotation: r, reason: fault });
    else sound.push(r);
  }
  const keys = new Map<string, TrustedKey>([
    [currentId, { keyId: currentId, publicKey: current, fromSeq: 0, untilSeq: null }],
  ]);
  const chain: KeyRotation[] = [];
  let head = keys.get(currentId) as TrustedKey;
  const used = new Set<KeyRotation>();
  for (;;) {
    // The rotation that introduced the key now at the head of the walk: the latest one towards it.
    const into = sound
      .filter((r) => !used.has(r) && r.newKeyId === head.keyId && !keys.has(r.keyId))
      .filter((r) => head.untilSeq === null || r.seq <= head.untilSeq)
      .sort((a, b) => b.seq - a.seq)[0];
    if (!into) break;
    used.add(into);
    chain.unshift(into);
    head.fromSeq = into.seq;
    const previous: TrustedKey = {
      keyId: into.keyId,
      publicKey: publicKeyFrom(into.oldPublicKey) as KeyObject,
      fromSeq: 0,
      untilSeq: into.seq,
    };
    keys.set(previous.keyId, previous);
    head = previous;
  }
  for (const r of sound)
    if (!used.has(r))
      forged.push({ rotation: r, reason: 'not part of the chain of rotations to the current key' });
  return { keys, forged, rotations: chain };
}

/** Why a checkpoint is not signed by a key of the chain valid at its seq; null when it is. */
export function checkpointFault(
  chain: KeyChain,
  c: Checkpoint,
): 'unknown_key' | 'retired_key' | 'bad_signature' | null {
  const key = chain.keys.get(c.keyId);
  if (!key) return 'unknown_key';
  if (c.seq < key.fromSeq || (key.untilSeq !== null && c.seq > key.untilSeq)) return 'retired_key';
  return checkpointValid(key.publicKey, c) ? null : 'bad_signature';
}
