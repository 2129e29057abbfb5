import type { AppContext } from '../app/context.ts';
import type { Actor } from '../audit/actor.ts';
import type { AuditDraft } from '../audit/chain.ts';
import { recordAudit } from '../audit/repository.ts';
import { authorize } from '../auth/policy.ts';
import type { Action, AuthUser } from '../auth/roles.ts';
import { AppError } from '../shared/errors.ts';
import type { SecrecyLevel } from '../shared/secrecy.ts';
import { findUserByName } from '../users/repository.ts';
import type { IsoDate } from '../vietnamese/dates.ts';

/**
 * Who a command acts for. Without `--as` it is the operator of the server host, who holds the database itself and is
 * recorded as such in the audit log; with `--as USER` the same policy as the web page applies, decided by the same
 * function.
 */
export interface Acting {
  user: AuthUser | null;
  actor: Actor;
  clearance: SecrecyLevel;
}

export async function actingAs(ctx: AppContext, username: string | undefined): Promise<Acting> {
  if (!username)
    return { user: null, actor: { id: null, name: 'CLI (người vận hành máy chủ)' }, clearance: 'tuyet_mat' };
  const found = await findUserByName(ctx.store.db, username);
  if (!found || found.disabled) {
    throw new AppError(
      'not_found',
      `Không có tài khoản "${username}" đang hoạt động`,
      `no active account "${username}"`,
      [{ field: 'as', reason: 'không tồn tại' }],
    );
  }
  return {
    user: { id: found.id, role: found.role, unitId: found.unitId, clearance: found.clearance },
    actor: { id: found.id, name: `${found.username} (${found.displayName}) qua CLI` },
    clearance: found.clearance,
  };
}

/** Refuses what the policy refuses to the acting user; the operator passes. */
export function cliGuard(
  ctx: AppContext,
  acting: Acting,
  action: Action,
  unitId: number | null,
  secrecy: SecrecyLevel,
  date: IsoDate,
): void {
  if (!acting.user) return;
  const decision = authorize(
    acting.user,
    action,
    { unitId, secrecy },
    {
      isInSubtree: (id, ancestor) => ctx.graph.isInSubtree(id, ancestor, date),
      rootUnitId: ctx.graph.root(date).id,
    },
  );
  if (!decision.allowed) throw new AppError('forbidden', decision.messageVi, decision.messageEn);
}

/** The same check, as a reason string for the importer's per-row refusals. */
export function cliCanWrite(ctx: AppContext, acting: Acting) {
  return (unit: { id: number }, form: { secrecy: SecrecyLevel }, date: IsoDate): string | null => {
    try {
      cliGuard(ctx, acting, 'values.write', unit.id, form.secrecy, date);
      return null;
    } catch (error) {
      return error instanceof AppError ? error.messageVi : String(error);
    }
  };
}

/** Records what the command did, in the name of whoever it acts for. */
export async function auditCli(
  ctx: AppContext,
  acting: Acting,
  entry: Omit<AuditDraft, 'at' | 'actorId' | 'actorName'>,
): Promise<void> {
  await recordAudit(ctx.store, {
    at: ctx.clock.now().toISOString(),
    actorId: acting.actor.id,
    actorName: acting.actor.name,
    ...entry,
  });
}
