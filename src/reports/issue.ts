/**
 * Issuing (ban hành) a report deliberately: the caller confirms what is issued by naming it, an empty draft or a
 * report without a named signer is refused, the PDF is signed with the issuing unit's key, and each issued version is
 * kept. A withdrawal or a replacement needs a reason; the old version stays readable, marked as such. Audited.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../app/context.ts';
import { resolvePeriod, resolveUnitForPeriod } from '../app/resolve.ts';
import type { Actor } from '../audit/actor.ts';
import { appendAudit } from '../audit/repository.ts';
import {
  certificateName,
  composeBriefing,
  effectiveSecrecy,
  renderBriefingPdf,
  type SigningKey,
  signPdf,
  type Verification,
  verifyPdf,
} from '../documents/index.ts';
import { AppError } from '../shared/errors.ts';
import type { SecrecyLevel } from '../shared/secrecy.ts';
import { buildBriefingReport } from './briefing.ts';
import { readDraft } from './draft.ts';
import {
  endIssue,
  type IssueRecord,
  insertIssue,
  loadIssue,
  loadIssues,
  setDraftStatus,
} from './repository.ts';

/**
 * Where the units' keys are: a directory of PKCS#12 files named by unit code ("BCA.p12", "40.p12"), or one file for
 * every unit, with the passphrase (GIAOBAN_SIGNING_DIR, GIAOBAN_SIGNING_P12, GIAOBAN_SIGNING_PASSPHRASE).
 */
export interface SigningConfig {
  dir?: string | undefined;
  p12?: string | undefined;
  passphrase?: string | undefined;
}

let signing: SigningConfig = {};

/** Set once at start from the configuration (tests set a throwaway key). */
export function configureSigning(config: SigningConfig): void {
  signing = { ...config };
}

export function signingKeyFor(unitCode: string): SigningKey | null {
  const candidates = [signing.dir ? join(signing.dir, `${unitCode}.p12`) : null, signing.p12 ?? null].filter(
    (p): p is string => p !== null,
  );
  const path = candidates.find((p) => existsSync(p));
  return path ? { p12: readFileSync(path), passphrase: signing.passphrase ?? '' } : null;
}

export interface IssueView {
  id: number;
  version: number;
  status: IssueRecord['status'];
  statusLabel: string;
  issuedAt: string;
  issuedByName: string;
  signer: string;
  summary: string;
  endedAt: string | null;
  endedReason: string | null;
}

const STATUS_LABEL: Record<IssueRecord['status'], string> = {
  issued: 'Đã ban hành',
  withdrawn: 'Đã thu hồi',
  replaced: 'Đã được thay thế',
};

function present(i: IssueRecord): IssueView {
  const content = JSON.parse(i.content) as { summary: string };
  return {
    id: i.id,
    version: i.version,
    status: i.status,
    statusLabel: STATUS_LABEL[i.status],
    issuedAt: i.issuedAt,
    issuedByName: i.issuedByName,
    signer: i.signer,
    summary: content.summary,
    endedAt: i.endedAt,
    endedReason: i.endedReason,
  };
}

/** "26/02/2020 09:30:00 +07:00": the signing time in Vietnam. */
function vietnamTime(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3600_000).toISOString();
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 19)} +07:00`;
}

export async function listIssues(ctx: AppContext, unitCode: string, periodId: string): Promise<IssueView[]> {
  const period = resolvePeriod(periodId);
  const unit = resolveUnitForPeriod(ctx.graph, unitCode, period);
  return (await loadIssues(ctx.store.db, unit.id, period.id)).map(present);
}

export async function issuedPdf(
  ctx: AppContext,
  id: number,
): Promise<{ pdf: Buffer; issue: IssueView; unitId: number; secrecy: SecrecyLevel }> {
  const issue = await loadIssue(ctx.store.db, id);
  if (!issue)
    throw new AppError('not_found', `Không tìm thấy văn bản số ${id}`, `issued document ${id} not found`);
  const content = JSON.parse(issue.content) as { pdf: string; secrecy: SecrecyLevel };
  return {
    pdf: Buffer.from(content.pdf, 'base64'),
    issue: present(issue),
    unitId: issue.unitId,
    secrecy: content.secrecy,
  };
}

export function verifyDocument(pdf: Buffer): Verification {
  return verifyPdf(pdf);
}

/**
 * Issues the report of a unit and period: `confirm` must name it as "UNIT/PERIOD" (what the page's confirmation shows),
 * the draft must hold written text, the signer must have a name, and a key must be configured. When a version is in
 * force it is replaced, which needs a reason.
 */
export async function issueReport(
  ctx: AppContext,
  q: {
    unit: string;
    period: string;
    confirm: string;
    signer?: number | undefined;
    reason?: string | undefined;
    clearance: SecrecyLevel;
    actor: Actor;
  },
): Promise<IssueView> {
  const period = resolvePeriod(q.period);
  const unit = resolveUnitForPeriod(ctx.graph, q.unit, period);
  const expected = `${unit.code}/${period.id}`;
  if (q.confirm !== expected)
    throw new AppError(
      'bad_request',
      `Xác nhận ban hành phải ghi đúng "${expected}"`,
      'confirmation does not name the report',
      [{ field: 'confirm', reason: `cần "${expected}"` }],
    );
  const draft = await readDraft(ctx, unit.id, period.id);
  const h = draft.human;
  const written =
    h.situation.length + h.assessment.strengths.length + h.assessment.weaknesses.length + h.directives.length;
  if (draft.version === 0 || written === 0)
    throw new AppError(
      'validation_failed',
      'Bản thảo còn trống: chưa có nội dung do người viết',
      'the draft is empty',
      [{ field: 'human', reason: 'chưa có tình hình, đánh giá hoặc phương hướng' }],
    );
  const current = (await loadIssues(ctx.store.db, unit.id, period.id)).find((i) => i.status === 'issued');
  const reason = q.reason?.normalize('NFC').trim() ?? '';
  if (current && reason.length < 5)
    throw new AppError(
      'validation_failed',
      'Ban hành văn bản thay thế phải nêu lý do',
      'a replacement needs a reason',
      [{ field: 'reason', reason: 'cần lý do thay thế' }],
    );
  // A first version is computed as of the report's moment (the briefing, or its deadline); a replacement, made to
  // take in what changed since, as of now. The moment is recorded with it, so that the issued report regenerates
  // with the same figures whatever is corrected later.
  const report = await buildBriefingReport(ctx, {
    unit: unit.code,
    period: period.id,
    clearance: q.clearance,
    signer: q.signer,
    issuing: true,
    ...(current ? { issueDate: ctx.clock.today() } : {}),
  });
  if (report.signer.name.trim() === '')
    throw new AppError(
      'validation_failed',
      'Chưa có họ tên người ký: hãy cấu hình người ký của đơn vị',
      'the signer has no name',
      [{ field: 'signer', reason: 'chưa cấu hình' }],
    );
  const key = signingKeyFor(unit.code);
  if (!key)
    throw new AppError(
      'validation_failed',
      'Chưa cấu hình chứng thư số của đơn vị để ký văn bản',
      'no signing key for the unit',
      [{ field: 'signer', reason: 'thiếu tệp PKCS#12' }],
    );
  const now = ctx.clock.now();
  const cert = certificateName(key);
  const composed = composeBriefing(report);
  const stamp = { signer: cert.name, organisation: cert.organisation, time: vietnamTime(now) };
  const unsigned = await renderBriefingPdf(report, stamp);
  const pdf = await signPdf(unsigned, key, {
    name: cert.name,
    reason: `Ban hành ${composed.numberLine}`,
    location: report.issuer.place,
    signingTime: now,
  });
  const at = now.toISOString();
  const secrecy = effectiveSecrecy(report);
  const previous = await loadIssues(ctx.store.db, unit.id, period.id);
  const version = (previous[0]?.version ?? 0) + 1;
  let id = 0;
  await ctx.store.write(async (trx) => {
    if (current) await endIssue(trx, current.id, 'replaced', at, reason);
    id = await insertIssue(trx, {
      unitId: unit.id,
      period: period.id,
      version,
      status: 'issued',
      issuedAt: at,
      issuedBy: q.actor.id,
      issuedByName: q.actor.name,
      signer: composed.signerName,
      content: JSON.stringify({
        summary: report.document.summary,
        secrecy,
        issueMoment: report.issueMoment,
        pdf: pdf.toString('base64'),
      }),
    });
    await setDraftStatus(trx, unit.id, period.id, 'final');
    await appendAudit(trx, {
      at,
      actorId: q.actor.id,
      actorName: q.actor.name,
      action: current ? 'report.replace' : 'report.issue',
      target: `report:${unit.code}/${period.id}#${version}`,
      unitId: unit.id,
      secrecy,
      details: { version, signer: composed.signerName, reason: reason || null, bytes: pdf.length },
    });
  });
  const issued = await loadIssue(ctx.store.db, id);
  return present(issued as IssueRecord);
}

/** Withdraws the version in force with a reason; the written parts become editable again. */
export async function withdrawReport(
  ctx: AppContext,
  q: { unit: string; period: string; reason: string; actor: Actor },
): Promise<IssueView> {
  const period = resolvePeriod(q.period);
  const unit = resolveUnitForPeriod(ctx.graph, q.unit, period);
  const reason = q.reason.normalize('NFC').trim();
  if (reason.length < 5)
    throw new AppError('validation_failed', 'Thu hồi văn bản phải nêu lý do', 'a withdrawal needs a reason', [
      { field: 'reason', reason: 'cần lý do thu hồi' },
    ]);
  const current = (await loadIssues(ctx.store.db, unit.id, period.id)).find((i) => i.status === 'issued');
  if (!current)
    throw new AppError(
      'not_found',
      'Không có văn bản đang có hiệu lực để thu hồi',
      'nothing issued to withdraw',
    );
  const at = ctx.clock.now().toISOString();
  await ctx.store.write(async (trx) => {
    await endIssue(trx, current.id, 'withdrawn', at, reason);
    await setDraftStatus(trx, unit.id, period.id, 'draft');
    await appendAudit(trx, {
      at,
      actorId: q.actor.id,
      actorName: q.actor.name,
      action: 'report.withdraw',
      target: `report:${unit.code}/${period.id}#${current.version}`,
      unitId: unit.id,
      secrecy: 'none',
      details: { version: current.version, reason },
    });
  });
  return present((await loadIssue(ctx.store.db, current.id)) as IssueRecord);
}
