import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteContext } from '../app/route-context.ts';
import { recordAct } from '../audit/service.ts';
import { ROLE_LABEL_EN, ROLE_LABEL_VI } from '../auth/roles.ts';
import { meSchema, signedOutEverywhereSchema, totpEnrolmentSchema } from '../contract/auth.ts';
import { okSchema } from '../contract/common.ts';
import { requireUser, SESSION_COOKIE, sessionCookieOptions } from '../server/session.ts';
import { AppError } from '../shared/errors.ts';
import { accountOps } from './account.ts';
import type { User } from './admin.ts';
import type { ActiveSession } from './signin.ts';
import { AddressThrottle } from './throttle.ts';

function presentMe(
  ctx: RouteContext,
  user: User,
  csrfToken: string,
  secondFactor: ActiveSession['pendingSecondFactor'],
) {
  const today = ctx.clock.today();
  const unit = ctx.graph.require(user.unitId);
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    roleLabel: ROLE_LABEL_VI[user.role],
    roleLabelEn: ROLE_LABEL_EN[user.role],
    clearance: user.clearance,
    unit: { id: unit.id, code: unit.code, name: ctx.graph.nameOn(unit.id, today), kind: unit.kind },
    csrfToken,
    today,
    /** 'code' or 'enrol' while the sign-in still needs its second factor. */
    secondFactor,
    mustChangePassword: user.mustChangePassword,
  };
}

export function authRoutes(
  ctx: RouteContext,
  options: { secureCookies: boolean } = { secureCookies: false },
): FastifyPluginAsync {
  const account = accountOps(ctx);
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const throttle = new AddressThrottle();
    r.post(
      '/auth/login',
      {
        schema: {
          tags: ['auth'],
          summary: 'Đăng nhập (sign in)',
          response: { 200: meSchema },
          body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }),
        },
        // Keyed on the address only: a sign-in has no session, and a cookie the client sends is no identity.
        config: {
          rateLimit: { max: 20, timeWindow: '1 minute', keyGenerator: (request) => `ip:${request.ip}` },
        },
      },
      async (request, reply) => {
        const { token, session } = await account.signIn(
          { ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
          ctx.clock.now(),
          throttle,
        );
        reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(options.secureCookies));
        return presentMe(ctx, session.user, session.csrfToken, session.pendingSecondFactor);
      },
    );
    r.post(
      '/auth/logout',
      { schema: { tags: ['auth'], summary: 'Đăng xuất (sign out)', response: { 200: okSchema } } },
      async (request, reply) => {
        if (request.session) {
          const user = request.session.user;
          await account.signOut(request.session.tokenHash);
          await recordAct(ctx, {
            at: ctx.clock.now().toISOString(),
            actorId: user.id,
            actorName: `${user.username} (${user.displayName})`,
            action: 'auth.sign_out',
            target: `user:${user.id}`,
            unitId: user.unitId,
            secrecy: 'none',
            details: {},
          });
        }
        reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(options.secureCookies));
        return { ok: true };
      },
    );
    r.post(
      '/auth/logout-all',
      {
        schema: {
          tags: ['auth'],
          summary: 'Đăng xuất khỏi mọi thiết bị (sign out everywhere)',
          response: { 200: signedOutEverywhereSchema },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const ended = await account.signOutEverywhere(user.id);
        reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(options.secureCookies));
        return { ok: true, sessionsEnded: ended };
      },
    );
    r.get(
      '/auth/me',
      {
        schema: {
          tags: ['auth'],
          summary: 'Người dùng hiện tại (current user)',
          response: { 200: meSchema },
        },
      },
      async (request) => {
        // Answers during a pending second factor or password change too, so a reloaded page can resume the step.
        const session = request.session;
        if (!session) throw new AppError('unauthenticated', 'Bạn cần đăng nhập', 'sign-in required');
        return presentMe(ctx, session.user, session.csrfToken, session.pendingSecondFactor);
      },
    );
    const pendingSession = (request: { session: ActiveSession | null }): ActiveSession => {
      if (!request.session) throw new AppError('unauthenticated', 'Bạn cần đăng nhập', 'sign-in required');
      return request.session;
    };
    r.post(
      '/auth/totp',
      {
        schema: {
          tags: ['auth'],
          summary: 'Nhập mã xác thực hai lớp (TOTP code)',
          response: { 200: meSchema },
          body: z.object({ code: z.string().min(6).max(12) }),
        },
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      },
      async (request) => {
        const session = pendingSession(request);
        await account.verifySecondFactor(session, request.body.code, ctx.clock.now(), throttle, request.ip);
        return presentMe(ctx, session.user, session.csrfToken, null);
      },
    );
    r.post(
      '/auth/totp/enrol',
      {
        schema: {
          tags: ['auth'],
          summary: 'Bắt đầu đăng ký xác thực hai lớp (enrol TOTP)',
          response: { 200: totpEnrolmentSchema },
        },
      },
      async (request) => {
        const session = pendingSession(request);
        if (session.pendingSecondFactor === 'code') {
          throw new AppError(
            'forbidden',
            'Hãy nhập mã xác thực hiện có trước',
            'pass the current second factor first',
          );
        }
        return account.startEnrolment(session);
      },
    );
    r.post(
      '/auth/totp/confirm',
      {
        schema: {
          tags: ['auth'],
          summary: 'Xác nhận đăng ký bằng mã đầu tiên (confirm enrolment)',
          response: { 200: meSchema },
          body: z.object({ code: z.string().min(6).max(12) }),
        },
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      },
      async (request) => {
        const session = pendingSession(request);
        if (session.pendingSecondFactor === 'code') {
          throw new AppError(
            'forbidden',
            'Hãy nhập mã xác thực hiện có trước',
            'pass the current second factor first',
          );
        }
        await account.confirmEnrolment(session, request.body.code, ctx.clock.now(), throttle, request.ip);
        return presentMe(ctx, session.user, session.csrfToken, null);
      },
    );
    r.post(
      '/auth/reauth',
      {
        schema: {
          tags: ['auth'],
          summary: 'Xác nhận lại mật khẩu trước thao tác nhạy cảm (confirm the password again)',
          response: { 200: okSchema },
          body: z.object({ password: z.string().min(1).max(256) }),
        },
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      },
      async (request) => {
        requireUser(request);
        const session = pendingSession(request);
        await account.reauthenticate(session, request.body.password, ctx.clock.now(), throttle, request.ip);
        return { ok: true };
      },
    );
    r.post(
      '/auth/password',
      {
        schema: {
          tags: ['auth'],
          summary: 'Đổi mật khẩu (change password)',
          response: { 200: okSchema },
          body: z.object({ current: z.string().min(1).max(256), next: z.string().min(1).max(256) }),
        },
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      },
      async (request) => {
        // Open to a user whose temporary password must change, but only after the second factor.
        const session = pendingSession(request);
        if (session.pendingSecondFactor) {
          throw new AppError('unauthenticated', 'Cần xác thực hai lớp trước', 'second factor required');
        }
        await account.changePassword(session, request.body.current, request.body.next, ctx.clock.now());
        return { ok: true };
      },
    );
  };
}
