import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../audit/actor.ts';
import type { JsonObject } from '../audit/chain.ts';
import { recordAudit } from '../audit/repository.ts';
import { authorize, type PolicyDeps, type Resource } from '../auth/policy.ts';
import type { Action, AuthUser } from '../auth/roles.ts';
import { DEFAULT_SESSION_POLICY, isRecentlyAuthenticated } from '../auth/sessions.ts';
import { AppError } from '../shared/errors.ts';
import type { SecrecyLevel } from '../shared/secrecy.ts';
import type { ActiveSession } from '../users/signin.ts';
import { resolveSession } from '../users/signin.ts';
import type { IsoDate } from '../vietnamese/dates.ts';

export const SESSION_COOKIE = 'giaoban_session';
const CSRF_HEADER = 'x-csrf-token';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Requests that open a session cannot carry a session's CSRF token yet. */
const CSRF_EXEMPT = new Set(['/api/auth/login']);
/**
 * The only API paths a session still owing its second factor reaches: the step itself (code, enrolment), the
 * current user (so a reloaded page resumes the step), signing in again and signing out. Everything else answers
 * 401 before the route runs, so no route can forget the check.
 */
export const SECOND_FACTOR_PATHS: ReadonlySet<string> = new Set([
  '/api/auth/me',
  '/api/auth/login',
  '/api/auth/logout',
  '/api/auth/totp',
  '/api/auth/totp/enrol',
  '/api/auth/totp/confirm',
]);

declare module 'fastify' {
  interface FastifyRequest {
    session: ActiveSession | null;
  }
}

function equalTokens(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function sessionCookieOptions(secure: boolean) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure,
    maxAge: Math.floor(DEFAULT_SESSION_POLICY.absoluteLifetimeMs / 1000),
  };
}

/** Resolves the session cookie on every request and refuses state changes without the session's CSRF token. */
export function registerSessions(
  app: FastifyInstance,
  ctx: AppContext,
  options: { secureCookies: boolean },
): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request, reply) => {
    request.session = await resolveSession(ctx.store, request.cookies[SESSION_COOKIE], ctx.clock.now());
    if (!request.session && request.cookies[SESSION_COOKIE])
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(options.secureCookies));
    const path = request.url.split('?')[0] ?? '';
    // Judged on the route matched (not the raw URL), so an encoded or odd spelling of a path cannot slip by.
    const route = request.routeOptions.url ?? path;
    if (request.session?.pendingSecondFactor && route.startsWith('/api/') && !SECOND_FACTOR_PATHS.has(route))
      throw secondFactorRequired(request.session.pendingSecondFactor);
    if (
      STATE_CHANGING.has(request.method) &&
      path.startsWith('/api/') &&
      !CSRF_EXEMPT.has(path) &&
      request.session
    ) {
      const given = request.headers[CSRF_HEADER];
      if (typeof given !== 'string' || !equalTokens(given, request.session.csrfToken)) {
        throw new AppError(
          'forbidden',
          'Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF)',
          'missing or wrong CSRF token',
        );
      }
    }
  });
}

export function policyDeps(ctx: AppContext, date: IsoDate = ctx.clock.today()): PolicyDeps {
  return {
    isInSubtree: (unitId, ancestorId) => ctx.graph.isInSubtree(unitId, ancestorId, date),
    rootUnitId: ctx.graph.root(date).id,
  };
}

function secondFactorRequired(step: 'code' | 'enrol'): AppError {
  return new AppError(
    'unauthenticated',
    step === 'code' ? 'Cần nhập mã xác thực hai lớp' : 'Cần đăng ký xác thực hai lớp trước khi sử dụng',
    'second factor required',
  );
}

/** The signed-in user, or a 401. */
export function requireUser(request: FastifyRequest): AuthUser & { username: string; displayName: string } {
  const session = request.session;
  if (!session) throw new AppError('unauthenticated', 'Bạn cần đăng nhập', 'sign-in required');
  if (session.pendingSecondFactor) throw secondFactorRequired(session.pendingSecondFactor);
  if (session.user.mustChangePassword) {
    throw new AppError(
      'forbidden',
      'Cần đổi mật khẩu tạm trước khi sử dụng',
      'change the temporary password first',
    );
  }
  const u = session.user;
  return {
    id: u.id,
    role: u.role,
    unitId: u.unitId,
    clearance: u.clearance,
    username: u.username,
    displayName: u.displayName,
  };
}

/**
 * The single authorisation check every route calls: role, unit scope and clearance, as the policy decides.
 * Units are judged in the tree of `date` (default today), so a past unit is checked where it stood then.
 */
/** Actions of SENSITIVE_ACTIONS that change who may see what; approvals are left to their own workflow checks. */
const REAUTH_ACTIONS: ReadonlySet<Action> = new Set<Action>(['secrecy.override', 'users.manage']);

export function guard(
  ctx: AppContext,
  request: FastifyRequest,
  action: Action,
  resource: Resource,
  date?: IsoDate,
): AuthUser {
  const user = request.session && !request.session.pendingSecondFactor ? requireUser(request) : null;
  const decision = authorize(user, action, resource, policyDeps(ctx, date));
  if (!decision.allowed) {
    throw new AppError(
      decision.reason === 'unauthenticated' ? 'unauthenticated' : 'forbidden',
      decision.messageVi,
      decision.messageEn,
    );
  }
  // Changing who may see what (secrecy decisions, accounts: roles, clearances, password resets) needs a sign-in
  // within the last few minutes; the page answers this code by asking for the password again.
  if (
    REAUTH_ACTIONS.has(action) &&
    request.method !== 'GET' &&
    request.session &&
    !isRecentlyAuthenticated(
      {
        createdAt: request.session.authenticatedAt,
        lastSeenAt: request.session.authenticatedAt,
        authenticatedAt: request.session.authenticatedAt,
      },
      ctx.clock.now(),
    )
  )
    throw new AppError(
      'reauth_required',
      `Thao tác này cần xác nhận lại mật khẩu (lần đăng nhập gần nhất đã quá ${DEFAULT_SESSION_POLICY.reauthWindowMs / 60_000} phút)`,
      'confirm your password again: this change needs a recent sign-in',
    );
  return user as AuthUser;
}

export type Reply = FastifyReply;

/** The signed-in user as the audit log names them. */
export function actorOf(request: FastifyRequest): Actor {
  const user = requireUser(request);
  return { id: user.id, name: `${user.username} (${user.displayName})` };
}

/**
 * Records a read of classified material by the signed-in user (views, exports and prints of secrets are logged);
 * unclassified reads are not.
 */
export async function auditClassifiedRead(
  ctx: AppContext,
  request: FastifyRequest,
  read: { target: string; unitId: number | null; secrecy: SecrecyLevel; details?: JsonObject },
): Promise<void> {
  if (read.secrecy === 'none') return;
  const actor = actorOf(request);
  await recordAudit(ctx.store, {
    at: ctx.clock.now().toISOString(),
    actorId: actor.id,
    actorName: actor.name,
    action: 'read.classified',
    target: read.target,
    unitId: read.unitId,
    secrecy: read.secrecy,
    details: read.details ?? {},
  });
}
