import { appendAudit } from '../audit/repository.ts';
import { checkPasswordPolicy, hashPassword, verifyPassword } from '../auth/passwords.ts';
import type { Store } from '../db/store.ts';
import { AppError } from '../shared/errors.ts';
import type { ActiveSession } from './signin.ts';

const HISTORY = 5;

/**
 * Changes a user's own password: the current one must be proved, the new one must satisfy the policy and not
 * repeat the last five; other sessions of the account end.
 */
export async function changePassword(
  store: Store,
  session: ActiveSession,
  current: string,
  next: string,
  now: Date,
): Promise<void> {
  const user = await store.db
    .selectFrom('app_user')
    .select(['password_hash', 'username'])
    .where('id', '=', session.user.id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, current))) {
    throw new AppError('unauthenticated', 'Mật khẩu hiện tại không đúng', 'the current password is wrong', [
      { field: 'current', reason: 'không đúng' },
    ]);
  }
  const history = await store.db
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', session.user.id)
    .orderBy('changed_at', 'desc')
    .limit(HISTORY)
    .execute();
  const violations = await checkPasswordPolicy(next, {
    username: user.username,
    recentHashes: history.map((h) => h.password_hash),
    historySize: HISTORY,
  });
  if (violations.length > 0) {
    throw new AppError(
      'validation_failed',
      'Mật khẩu mới chưa đạt yêu cầu',
      'the new password does not meet the policy',
      violations.map((v) => ({ field: 'next', reason: v.messageVi })),
    );
  }
  const hash = await hashPassword(next);
  await store.write(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ password_hash: hash, password_changed_at: now.toISOString(), must_change_password: 0 })
      .where('id', '=', session.user.id)
      .execute();
    await trx
      .insertInto('password_history')
      .values({ user_id: session.user.id, password_hash: hash, changed_at: now.toISOString() })
      .execute();
    await trx
      .deleteFrom('user_session')
      .where('user_id', '=', session.user.id)
      .where('token_hash', '!=', session.tokenHash)
      .execute();
    await appendAudit(trx, {
      at: now.toISOString(),
      actorId: session.user.id,
      actorName: `${session.user.username} (${session.user.displayName})`,
      action: 'auth.password_changed',
      target: `user:${session.user.id}`,
      unitId: session.user.unitId,
      secrecy: 'none',
      details: {},
    });
  });
}
