import QRCode from 'qrcode';
import { appendAudit } from '../audit/repository.ts';
import { checkSignInAllowed, DEFAULT_LOCKOUT_POLICY, recordFailure } from '../auth/lockout.ts';
import { createTotpSecret, verifyTotp } from '../auth/totp.ts';
import type { Store } from '../db/store.ts';
import { AppError } from '../shared/errors.ts';
import type { ActiveSession } from './signin.ts';
import { AddressThrottle } from './throttle.ts';

const BAD_CODE = (reason: string) =>
  new AppError(
    'unauthenticated',
    'Mã xác thực không đúng hoặc đã dùng',
    `wrong or reused one-time code (${reason})`,
    [{ field: 'code', reason: 'mã không hợp lệ' }],
  );

/** Completes a sign-in with the TOTP code of an enrolled user. */
export async function verifySecondFactor(
  store: Store,
  session: ActiveSession,
  code: string,
  now: Date,
  throttle: AddressThrottle = new AddressThrottle(),
  ip: string | null = null,
): Promise<void> {
  throttle.check(ip, now);
  const row = await store.db
    .selectFrom('app_user')
    .select(['totp_secret', 'totp_last_step', 'failed_count', 'last_failed_at'])
    .where('id', '=', session.user.id)
    .executeTakeFirst();
  if (!row?.totp_secret)
    throw new AppError('conflict', 'Tài khoản chưa đăng ký xác thực hai lớp', 'no second factor enrolled');
  const history = {
    consecutiveFailures: row.failed_count,
    lastFailureAt: row.last_failed_at ? new Date(row.last_failed_at) : null,
  };
  // Codes cannot be tried without limit from many sessions: the account's lock-out applies to them too.
  if (!checkSignInAllowed(history, now, DEFAULT_LOCKOUT_POLICY).allowed) {
    throttle.recordFailure(ip, now);
    throw BAD_CODE('locked');
  }
  const result = verifyTotp(row.totp_secret, code, now, row.totp_last_step);
  if (!result.ok) throttle.recordFailure(ip, now);
  await store.write(async (trx) => {
    if (!result.ok) {
      // A wrong code counts toward the account's lock-out, as a wrong password does.
      const next = recordFailure(history, now, DEFAULT_LOCKOUT_POLICY);
      await trx
        .updateTable('app_user')
        .set({
          failed_count: next.consecutiveFailures,
          last_failed_at: now.toISOString(),
          locked_until: next.lockedUntil ? next.lockedUntil.toISOString() : null,
        })
        .where('id', '=', session.user.id)
        .execute();
    } else {
      await trx
        .updateTable('app_user')
        .set({ failed_count: 0, last_failed_at: null, locked_until: null })
        .where('id', '=', session.user.id)
        .execute();
    }
    await appendAudit(trx, {
      at: now.toISOString(),
      actorId: session.user.id,
      actorName: `${session.user.username} (${session.user.displayName})`,
      action: result.ok ? 'auth.second_factor' : 'auth.second_factor_failed',
      target: `user:${session.user.id}`,
      unitId: session.user.unitId,
      secrecy: 'none',
      details: result.ok ? {} : { reason: result.reason },
    });
    if (!result.ok) return;
    await trx
      .updateTable('app_user')
      .set({ totp_last_step: result.step })
      .where('id', '=', session.user.id)
      .execute();
    await trx
      .updateTable('user_session')
      .set({ second_factor_done: 1, authenticated_at: now.toISOString() })
      .where('token_hash', '=', session.tokenHash)
      .execute();
  });
  if (!result.ok) throw BAD_CODE(result.reason);
}

/** Starts enrolment: a new secret for the authenticator app, kept with the session until confirmed. */
export async function startEnrolment(
  store: Store,
  session: ActiveSession,
): Promise<{ secret: string; otpauthUrl: string; qrCode: string }> {
  const { secretBase32, otpauthUrl } = createTotpSecret(session.user.username);
  // Drawn here, never by an outside service: the secret must not leave the server and the page.
  const svg = await QRCode.toString(otpauthUrl, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  const qrCode = `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
  await store.write((trx) =>
    trx
      .updateTable('user_session')
      .set({ pending_totp_secret: secretBase32 })
      .where('token_hash', '=', session.tokenHash)
      .execute(),
  );
  return { secret: secretBase32, otpauthUrl, qrCode };
}

/** Confirms enrolment with a first code from the app; the second factor is then required at every sign-in. */
export async function confirmEnrolment(
  store: Store,
  session: ActiveSession,
  code: string,
  now: Date,
  throttle: AddressThrottle = new AddressThrottle(),
  ip: string | null = null,
): Promise<void> {
  throttle.check(ip, now);
  const row = await store.db
    .selectFrom('user_session')
    .select('pending_totp_secret')
    .where('token_hash', '=', session.tokenHash)
    .executeTakeFirst();
  const secret = row?.pending_totp_secret;
  if (!secret)
    throw new AppError('conflict', 'Chưa bắt đầu đăng ký xác thực hai lớp', 'start enrolment first');
  const result = verifyTotp(secret, code, now, null);
  if (!result.ok) {
    throttle.recordFailure(ip, now);
    throw BAD_CODE(result.reason);
  }
  await store.write(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ totp_secret: secret, totp_last_step: result.step })
      .where('id', '=', session.user.id)
      .execute();
    await trx
      .updateTable('user_session')
      .set({ pending_totp_secret: null, second_factor_done: 1, authenticated_at: now.toISOString() })
      .where('token_hash', '=', session.tokenHash)
      .execute();
    await appendAudit(trx, {
      at: now.toISOString(),
      actorId: session.user.id,
      actorName: `${session.user.username} (${session.user.displayName})`,
      action: 'auth.second_factor_enrolled',
      target: `user:${session.user.id}`,
      unitId: session.user.unitId,
      secrecy: 'none',
      details: {},
    });
  });
}
