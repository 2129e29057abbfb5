import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import {
  appendFileSync,
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../shared/errors.ts';
import { type Checkpoint, keyIdOf, parseCheckpoint } from './checkpoint.ts';
import { type KeyRotation, parseRotation } from './rotation.ts';

/** Where the audit key and the checkpoint file are, as configured (GIAOBAN_AUDIT_KEY_FILE …). */
export interface AuditKeyConfig {
  /** Path of the Ed25519 private key (PEM, PKCS#8). */
  keyFile: string | undefined;
  /** The key itself (PEM), for deployments that pass secrets through the environment. */
  keyPem: string | undefined;
  /** The append-only file of signed checkpoints; default: audit-checkpoints.jsonl beside the key. */
  checkpointFile: string | undefined;
}

/** The loaded key and where its checkpoints go. */
export interface AuditSeal {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
  /** Where the key came from, for messages. */
  keySource: string;
  checkpointFile: string;
  /** The key file, when the key came from one (a key passed through the environment cannot be rotated here). */
  keyFile: string | null;
  /** The rotations of the key (each with the retired public key), beside the key or the checkpoint file. */
  keyringFile: string;
}

/** The key file `giaoban start` creates when none is configured: beside a SQLite file, or in ./data. */
export function defaultKeyFile(databaseUrl: string, cwd: string): string {
  if (databaseUrl.startsWith('sqlite:')) {
    const file = databaseUrl.slice('sqlite:'.length);
    if (file !== '' && file !== ':memory:') return `${file}.audit-key.pem`;
  }
  return join(cwd, 'data', 'giaoban.audit-key.pem');
}

function checkpointFileFor(config: AuditKeyConfig, keyFile: string | undefined): string | undefined {
  if (config.checkpointFile) return config.checkpointFile;
  return keyFile ? join(dirname(keyFile), 'audit-checkpoints.jsonl') : undefined;
}

/**
 * Loads the configured key, or the default one when it exists. Returns null when there is none (the log is then
 * checked by its chain alone). A configured key that cannot be read is an error, not a silent fallback.
 */
export function loadAuditSeal(config: AuditKeyConfig, fallbackKeyFile?: string): AuditSeal | null {
  let pem: string;
  let source: string;
  let keyFile: string | undefined;
  if (config.keyPem) {
    pem = config.keyPem;
    source = 'GIAOBAN_AUDIT_KEY';
  } else {
    keyFile =
      config.keyFile ?? (fallbackKeyFile && existsSync(fallbackKeyFile) ? fallbackKeyFile : undefined);
    if (!keyFile) return null;
    try {
      pem = readFileSync(keyFile, 'utf8');
    } catch {
      throw new AppError(
        'bad_request',
        `Không đọc được khóa ký nhật ký "${keyFile}"`,
        `cannot read the audit key "${keyFile}"`,
      );
    }
    source = keyFile;
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    throw new AppError(
      'bad_request',
      `Khóa ký nhật ký không hợp lệ (${source})`,
      `invalid audit key (${source})`,
    );
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new AppError(
      'bad_request',
      `Khóa ký nhật ký phải là Ed25519 (${source})`,
      `the audit key must be Ed25519 (${source})`,
    );
  }
  const checkpointFile = checkpointFileFor(config, keyFile);
  if (!checkpointFile) {
    throw new AppError(
      'bad_request',
      'Cần GIAOBAN_AUDIT_CHECKPOINTS khi khóa được truyền qua GIAOBAN_AUDIT_KEY',
      'GIAOBAN_AUDIT_CHECKPOINTS is required when the key comes from GIAOBAN_AUDIT_KEY',
    );
  }
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    keyId: keyIdOf(publicKey),
    keySource: source,
    checkpointFile,
    keyFile: keyFile ?? null,
    keyringFile: join(dirname(keyFile ?? checkpointFile), 'audit-keyring.jsonl'),
  };
}

/**
 * Replaces the key in its file with a new one, readable by its owner only: written beside it first, then renamed
 * over it, so the file holds the old key or the new one, never a part of either.
 */
export function replaceKeyFile(keyFile: string, privateKey: KeyObject): void {
  const next = `${keyFile}.next`;
  writeFileSync(next, privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, { mode: 0o600 });
  chmodSync(next, 0o600);
  renameSync(next, keyFile);
}

/** Appends one rotation to the keyring; the file is never rewritten. */
export function appendRotationLine(file: string, rotation: KeyRotation): void {
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(rotation)}\n`, { mode: 0o600 });
}

/** The rotations in the keyring (none when it does not exist) and how many lines were not rotations. */
export function readKeyringFile(file: string): { rotations: KeyRotation[]; malformed: number } {
  if (!existsSync(file)) return { rotations: [], malformed: 0 };
  const rotations: KeyRotation[] = [];
  let malformed = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    let parsed: KeyRotation | null = null;
    try {
      parsed = parseRotation(JSON.parse(line));
    } catch {
      parsed = null;
    }
    if (parsed) rotations.push(parsed);
    else malformed++;
  }
  return { rotations, malformed };
}

/** Creates an Ed25519 key file readable by its owner only, unless one exists. True when it was created. */
export function createKeyFileIfMissing(keyFile: string): boolean {
  if (existsSync(keyFile)) return false;
  mkdirSync(dirname(keyFile), { recursive: true });
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  writeFileSync(keyFile, pem, { mode: 0o600, flag: 'wx' });
  // The umask cannot widen 0600, but an existing directory ACL is not ours to trust.
  chmodSync(keyFile, 0o600);
  return true;
}

/** Appends one checkpoint as a line of JSON; the file is never rewritten. */
export function appendCheckpointLine(file: string, checkpoint: Checkpoint): void {
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
}

/** The checkpoints in the file (none when it does not exist yet) and how many lines were not checkpoints. */
export function readCheckpointFile(file: string): { checkpoints: Checkpoint[]; malformed: number } {
  if (!existsSync(file)) return { checkpoints: [], malformed: 0 };
  const checkpoints: Checkpoint[] = [];
  let malformed = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    let parsed: Checkpoint | null = null;
    try {
      parsed = parseCheckpoint(JSON.parse(line));
    } catch {
      parsed = null;
    }
    if (parsed) checkpoints.push(parsed);
    else malformed++;
  }
  return { checkpoints, malformed };
}
