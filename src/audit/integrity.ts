import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { type AuditEntry, verifyChain } from './chain.ts';
import type { Checkpoint } from './checkpoint.ts';
import { type FigureSeal, type FigureVersion, locateAltered, sealFigures } from './figures.ts';
import { type AuditSeal, readCheckpointFile, readKeyringFile } from './keyfile.ts';
import { readAuditEntries, readFigureVersions, readStoredCheckpoints } from './repository.ts';
import { checkpointFault, type KeyChain, keyChain, parseRotation, ROTATION_ACTION } from './rotation.ts';

const ROTATION_FAULT_VI: Record<string, string> = {
  'unreadable public key': 'khóa công khai không đọc được',
  'key ids do not match the keys': 'mã khóa không khớp với khóa',
  'not signed by the old key': 'không được ký bằng khóa cũ',
  'not countersigned by the new key': 'không được khóa mới ký xác nhận',
  'unreadable signature': 'chữ ký không đọc được',
  'not part of the chain of rotations to the current key':
    'không thuộc chuỗi đổi khóa dẫn đến khóa đang dùng',
};

/** A figure as people name it. */
export interface NamedFigure {
  unit: string;
  period: string;
  indicator: string;
  option: string | null;
  form: string;
  version: number;
}

export type ProblemKind =
  | 'chain'
  | 'truncated'
  | 'rechained'
  | 'forged_checkpoint'
  | 'figures_altered'
  | 'figures_unsealed';

export interface IntegrityProblem {
  kind: ProblemKind;
  messageVi: string;
  messageEn: string;
  seq?: number;
  changeId?: number;
  figures?: NamedFigure[];
}

/** The audit action of `giaoban audit seal-legacy` (its details carry the seals, in `retroactive`). */
export const SEAL_LEGACY_ACTION = 'audit.seal_legacy';

interface Retroactive {
  /** The entry that recorded the act, and when. */
  seq: number;
  at: string;
  changeIds: number[];
}

interface Extras {
  /** Whether a signing key was available, so that checkpoints could be checked. */
  sealed: boolean;
  /** The last checkpoint whose signature holds. */
  checkpoint: { seq: number; at: string; keyId: string } | null;
  figures: {
    changeSets: number;
    versions: number;
    notCovered: number;
    /** Change sets written before seals existed and sealed afterwards (`audit seal-legacy`): when, and which. */
    sealedRetroactively: Retroactive[];
  };
}

/** The chain verdict's fields as before (the admin page reads them), plus what the seals found. */
export type AuditVerdict =
  | ({ ok: true; count: number; headHash: string } & Extras)
  | ({
      ok: false;
      firstBadSeq: number | null;
      reason: string;
      messageVi: string;
      messageEn: string;
      problems: IntegrityProblem[];
    } & Extras);

export type FigureNamer = (v: FigureVersion) => NamedFigure;

function describe(names: NamedFigure[]): [string, string] {
  const text = names
    .slice(0, 5)
    .map((n) => `${n.unit} ${n.period} ${n.indicator}${n.option ? `/${n.option}` : ''} (v${n.version})`)
    .join('; ');
  const more = names.length > 5 ? ` … (+${names.length - 5})` : '';
  return [`${text}${more}`, `${text}${more}`];
}

function isSeal(value: unknown): value is FigureSeal {
  const s = value as FigureSeal | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.changeId === 'number' &&
    typeof s.digest === 'string' &&
    typeof s.locator === 'string' &&
    typeof s.versions === 'number'
  );
}

function checkCheckpoints(
  entries: readonly AuditEntry[],
  checkpoints: readonly Checkpoint[],
  keys: KeyChain,
): { problems: IntegrityProblem[]; last: Checkpoint | null } {
  const problems: IntegrityProblem[] = [];
  const bySeq = new Map(entries.map((e) => [e.seq, e]));
  const maxSeq = entries.reduce((m, e) => Math.max(m, e.seq), 0);
  const seen = new Set<string>();
  let last: Checkpoint | null = null;
  let reportedHead = false;
  for (const c of [...checkpoints].sort((a, b) => a.seq - b.seq)) {
    const id = `${c.seq}|${c.signature}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const fault = checkpointFault(keys, c);
    if (fault) {
      const [vi, en] =
        fault === 'unknown_key'
          ? [
              `được ký bằng khóa ${c.keyId} không thuộc chuỗi các lần đổi khóa`,
              `is signed by key ${c.keyId}, which is not in the chain of key rotations`,
            ]
          : fault === 'retired_key'
            ? [
                `được ký bằng khóa ${c.keyId} ngoài thời gian khóa đó còn hiệu lực`,
                `is signed by key ${c.keyId} outside the time that key was in use`,
              ]
            : [
                `có chữ ký không hợp lệ (khóa ${c.keyId})`,
                `does not carry a valid signature (key ${c.keyId})`,
              ];
      problems.push({
        kind: 'forged_checkpoint',
        seq: c.seq,
        messageVi: `Điểm kiểm tra tại bản ghi số ${c.seq} ${vi}.`,
        messageEn: `The checkpoint at entry ${c.seq} ${en}.`,
      });
      continue;
    }
    if (!last || c.seq >= last.seq) last = c;
    if (reportedHead || c.seq === 0) continue;
    const entry = bySeq.get(c.seq);
    if (!entry && c.seq > maxSeq) {
      reportedHead = true;
      problems.push({
        kind: 'truncated',
        seq: maxSeq + 1,
        messageVi: `Nhật ký bị cắt: điểm kiểm tra đã ký ghi đến bản ghi số ${c.seq} (${c.count} bản ghi) nhưng nhật ký chỉ còn đến số ${maxSeq}.`,
        messageEn: `The log was truncated: a signed checkpoint records entry ${c.seq} (${c.count} entries) but the log ends at ${maxSeq}.`,
      });
    } else if (!entry || entry.hash !== c.headHash) {
      reportedHead = true;
      problems.push({
        kind: 'rechained',
        seq: c.seq,
        messageVi: `Nhật ký bị dựng lại chuỗi: bản ghi số ${c.seq} không khớp mã băm đã ký tại điểm kiểm tra ${c.at}.`,
        messageEn: `The log was re-chained: entry ${c.seq} does not match the head hash signed at the checkpoint of ${c.at}.`,
      });
    }
  }
  return { problems, last };
}

/**
 * Checks the whole log: the chain itself, the chain against every signed checkpoint (the file beside the key and
 * the database's copy), and every change set's figure versions against the seal its audit entry carries.
 */
export async function verifyAudit(
  db: Kysely<Database>,
  seal: AuditSeal | null,
  nameFigure: FigureNamer,
): Promise<AuditVerdict> {
  const entries = await readAuditEntries(db);
  const problems: IntegrityProblem[] = [];
  const chain = verifyChain(entries);
  if (!chain.ok) {
    problems.push({
      kind: 'chain',
      seq: chain.firstBadSeq,
      messageVi: chain.messageVi,
      messageEn: chain.messageEn,
    });
  }

  let lastCheckpoint: Checkpoint | null = null;
  if (seal) {
    const file = readCheckpointFile(seal.checkpointFile);
    const stored = await readStoredCheckpoints(db);
    // Rotations of the key: the keyring beside the key, and the copy each rotation left in the log itself.
    const keyring = readKeyringFile(seal.keyringFile);
    const logged = entries
      .filter((e) => e.action === ROTATION_ACTION)
      .map((e) => parseRotation(e.details.rotation))
      .filter((r) => r !== null);
    const keys = keyChain(seal.publicKey, [...keyring.rotations, ...logged]);
    for (const { rotation, reason } of keys.forged) {
      problems.push({
        kind: 'forged_checkpoint',
        seq: rotation.seq,
        messageVi: `Lần đổi khóa tại bản ghi số ${rotation.seq} (khóa ${rotation.keyId} → ${rotation.newKeyId}) là giả mạo: ${ROTATION_FAULT_VI[reason] ?? reason}.`,
        messageEn: `The key rotation at entry ${rotation.seq} (key ${rotation.keyId} → ${rotation.newKeyId}) is forged: ${reason}.`,
      });
    }
    if (keyring.malformed > 0) {
      problems.push({
        kind: 'forged_checkpoint',
        messageVi: `Tệp khóa đã thay ${seal.keyringFile} có ${keyring.malformed} dòng không đọc được.`,
        messageEn: `The keyring file ${seal.keyringFile} has ${keyring.malformed} unreadable lines.`,
      });
    }
    const checked = checkCheckpoints(entries, [...file.checkpoints, ...stored], keys);
    problems.push(...checked.problems);
    lastCheckpoint = checked.last;
    if (file.malformed > 0) {
      problems.push({
        kind: 'forged_checkpoint',
        messageVi: `Tệp điểm kiểm tra ${seal.checkpointFile} có ${file.malformed} dòng không đọc được.`,
        messageEn: `The checkpoint file ${seal.checkpointFile} has ${file.malformed} unreadable lines.`,
      });
    }
  }

  // Figures: each sealed change set must still hold exactly the versions its audit entry sealed.
  const seals = new Map<number, FigureSeal>();
  const stored = await readFigureVersions(db);
  const retroactive: Retroactive[] = [];
  for (const e of entries) {
    const figures = e.details.figures;
    if (isSeal(figures)) seals.set(figures.changeId, figures);
    // `audit seal-legacy`: change sets written before their entries carried a seal, sealed once, as found.
    const legacy = e.action === SEAL_LEGACY_ACTION ? e.details.retroactive : undefined;
    if (Array.isArray(legacy)) {
      const changeIds: number[] = [];
      for (const seal of legacy)
        if (isSeal(seal) && seal.changeId < stored.sealedFrom && !seals.has(seal.changeId)) {
          seals.set(seal.changeId, seal);
          changeIds.push(seal.changeId);
        }
      retroactive.push({ seq: e.seq, at: e.at, changeIds });
    }
  }
  const byChange = new Map<number, FigureVersion[]>();
  for (const v of stored.versions) {
    const list = byChange.get(v.changeId);
    if (list) list.push(v);
    else byChange.set(v.changeId, [v]);
  }
  const records = new Map(stored.changeSets.map((c) => [c.id, c]));
  let notCovered = 0;
  for (const [changeId, recorded] of seals) {
    const versions = byChange.get(changeId) ?? [];
    const record = records.get(changeId) ?? { id: changeId, at: '', userId: null, source: '', reason: null };
    if (sealFigures(record, versions).digest === recorded.digest) continue;
    const located = locateAltered(recorded, versions).map(nameFigure);
    const [vi, en] = describe(located);
    const countNote =
      versions.length !== recorded.versions
        ? [
            `; còn ${versions.length} trên ${recorded.versions} phiên bản`,
            `; ${versions.length} of ${recorded.versions} versions remain`,
          ]
        : ['', ''];
    problems.push({
      kind: 'figures_altered',
      changeId,
      figures: located,
      messageVi:
        located.length > 0
          ? `Số liệu bị sửa trực tiếp trong cơ sở dữ liệu (lần thay đổi ${changeId}): ${vi}${countNote[0]}.`
          : `Số liệu của lần thay đổi ${changeId} không khớp dấu niêm phong trong nhật ký${countNote[0]}.`,
      messageEn:
        located.length > 0
          ? `Figures were edited directly in the database (change set ${changeId}): ${en}${countNote[1]}.`
          : `The figures of change set ${changeId} do not match the seal in the log${countNote[1]}.`,
    });
  }
  for (const [changeId, versions] of byChange) {
    if (seals.has(changeId)) continue;
    if (changeId < stored.sealedFrom && records.has(changeId)) {
      notCovered++;
      continue;
    }
    const named = versions.map(nameFigure);
    const [vi, en] = describe(named);
    problems.push({
      kind: 'figures_unsealed',
      changeId,
      figures: named,
      messageVi: `Số liệu không có trong nhật ký (lần thay đổi ${changeId}, ${versions.length} phiên bản): ${vi}.`,
      messageEn: `Figures not recorded in the log (change set ${changeId}, ${versions.length} versions): ${en}.`,
    });
  }

  const extras: Extras = {
    sealed: seal !== null,
    checkpoint: lastCheckpoint
      ? { seq: lastCheckpoint.seq, at: lastCheckpoint.at, keyId: lastCheckpoint.keyId }
      : null,
    figures: {
      changeSets: seals.size,
      versions: stored.versions.length,
      notCovered,
      sealedRetroactively: retroactive,
    },
  };
  if (problems.length === 0 && chain.ok) {
    return { ok: true, count: chain.count, headHash: chain.headHash, ...extras };
  }
  const first = problems[0] as IntegrityProblem;
  return {
    ok: false,
    firstBadSeq: first.seq ?? null,
    reason: chain.ok ? first.kind : chain.reason,
    messageVi: problems.map((p) => p.messageVi).join(' '),
    messageEn: problems.map((p) => p.messageEn).join(' '),
    problems,
    ...extras,
  };
}
