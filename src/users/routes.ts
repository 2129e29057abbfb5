import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import { recordAudit } from '../audit/repository.ts';
import { ROLE_LABEL_EN, ROLE_LABEL_VI } from '../auth/roles.ts';
import { requireUser, SESSION_COOKIE, sessionCookieOptions } from '../server/session.ts';
import type { User } from './repository.ts';
import { signIn, signOut, signOutEverywhere } from './signin.ts';

function presentMe(ctx: AppContext, user: User, csrfToken: string) {
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
  };
}

export function authRoutes(
  ctx: AppContext,
  options: { secureCookies: boolean } = { secureCookies: false },
): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/auth/login',
      {
        schema: {
          tags: ['auth'],
          summary: 'Đăng nhập (sign in)',
          body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }),
        },
        config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const { token, session } = await signIn(
          ctx.store,
          { ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
          ctx.clock.now(),
        );
        reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(options.secureCookies));
        return presentMe(ctx, session.user, session.csrfToken);
      },
    );
    r.post(
      '/auth/logout',
      { schema: { tags: ['auth'], summary: 'Đăng xuất (sign out)' } },
      async (request, reply) => {
        if (request.session) {
          const user = request.session.user;
          await signOut(ctx.store, request.session.tokenHash);
          await recordAudit(ctx.store, {
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
      { schema: { tags: ['auth'], summary: 'Đăng xuất khỏi mọi thiết bị (sign out everywhere)' } },
      async (request, reply) => {
        const user = requireUser(request);
        const ended = await ctx.store.write((trx) => signOutEverywhere(trx, user.id));
        reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(options.secureCookies));
        return { ok: true, sessionsEnded: ended };
      },
    );
    r.get(
      '/auth/me',
      { schema: { tags: ['auth'], summary: 'Người dùng hiện tại (current user)' } },
      async (request) => {
        requireUser(request);
        const session = request.session as NonNullable<typeof request.session>;
        return presentMe(ctx, session.user, session.csrfToken);
      },
    );
  };
}
