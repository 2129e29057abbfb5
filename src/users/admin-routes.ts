import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { resolveUnit } from '../app/resolve.ts';
import type { RouteContext } from '../app/route-context.ts';
import { auditEntriesFor, checkAuditIntegrity } from '../audit/service.ts';
import { ROLE_LABEL_VI, ROLES } from '../auth/roles.ts';
import {
  auditListSchema,
  auditVerdictSchema,
  passwordResetSchema,
  sessionsEndedSchema,
  userAnswerSchema,
  userCreatedSchema,
  userListSchema,
} from '../contract/admin.ts';
import { actorOf, guard, requireUser } from '../server/session.ts';
import { AppError, versionRequired } from '../shared/errors.ts';
import { versionReadSchema } from '../shared/schemas.ts';
import { highestSecrecy, SECRECY_LEVELS } from '../shared/secrecy.ts';
import type { User } from './admin.ts';
import {
  accountsUnder,
  createAccount,
  findAccount,
  resetAccountPassword,
  signOutAccount,
  updateAccount,
  usernameTaken,
} from './admin.ts';

function present(ctx: RouteContext, u: User) {
  const today = ctx.clock.today();
  const unit = ctx.graph.get(u.unitId);
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    roleLabel: ROLE_LABEL_VI[u.role],
    unit: unit ? { code: unit.code, name: ctx.graph.nameOn(unit.id, today) } : null,
    clearance: u.clearance,
    totpEnabled: u.totpEnabled,
    mustChangePassword: u.mustChangePassword,
    disabled: u.disabled,
    lockedUntil: u.lockedUntil,
    passwordChangedAt: u.passwordChangedAt,
    version: u.version,
  };
}

/**
 * User administration and the audit log. Administrators manage accounts in their subtree and cannot grant a
 * clearance above their own; every change is audited.
 */
export function adminRoutes(ctx: RouteContext): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/users',
      {
        schema: {
          tags: ['admin'],
          summary: 'Danh sách tài khoản (accounts in my subtree)',
          response: { 200: userListSchema },
        },
      },
      async (request) => {
        const me = guard(ctx, request, 'users.manage', {
          unitId: requireUser(request).unitId,
          secrecy: 'none',
        });
        return { users: (await accountsUnder(ctx, me)).map((u) => present(ctx, u)) };
      },
    );

    r.post(
      '/users',
      {
        schema: {
          tags: ['admin'],
          summary: 'Tạo tài khoản; mật khẩu tạm được tạo ngẫu nhiên, phải đổi ở lần đăng nhập đầu',
          response: { 200: userCreatedSchema },
          body: z.object({
            username: z.string().regex(/^[a-z0-9._-]{3,40}$/, 'chữ thường không dấu, số, . _ -; 3–40 ký tự'),
            displayName: z.string().min(1).max(120),
            role: z.enum(ROLES),
            unit: z.string().min(1).max(20),
            clearance: z.enum(SECRECY_LEVELS),
          }),
        },
      },
      async (request) => {
        const today = ctx.clock.today();
        const unit = resolveUnit(ctx.graph, request.body.unit, today);
        guard(ctx, request, 'users.manage', { unitId: unit.id, secrecy: request.body.clearance });
        if (await usernameTaken(ctx, request.body.username)) {
          throw new AppError('conflict', `Tên đăng nhập "${request.body.username}" đã có`, 'username taken', [
            { field: 'username', reason: 'đã tồn tại' },
          ]);
        }
        const { user, password } = await createAccount(
          ctx,
          { ...request.body, unitId: unit.id },
          actorOf(request),
        );
        return { user: present(ctx, user), password };
      },
    );

    r.patch(
      '/users/:id',
      {
        schema: {
          tags: ['admin'],
          summary: 'Sửa vai trò, đơn vị, độ mật, khóa/mở tài khoản',
          response: { 200: userAnswerSchema },
          params: z.object({ id: z.coerce.number().int().positive() }),
          body: z.object({
            displayName: z.string().min(1).max(120).optional(),
            role: z.enum(ROLES).optional(),
            unit: z.string().min(1).max(20).optional(),
            clearance: z.enum(SECRECY_LEVELS).optional(),
            disabled: z.boolean().optional(),
            version: versionReadSchema('the account version read: 428 without it, 409 when stale'),
          }),
        },
      },
      async (request) => {
        const target = await findAccount(ctx, request.params.id);
        if (!target) throw new AppError('not_found', 'Không có tài khoản này', 'no such user');
        const today = ctx.clock.today();
        const unit = request.body.unit
          ? resolveUnit(ctx.graph, request.body.unit, today)
          : ctx.graph.require(target.unitId);
        // Both the old and the new place and level must be within the administrator's reach.
        const level = highestSecrecy([target.clearance, request.body.clearance ?? target.clearance]);
        guard(ctx, request, 'users.manage', { unitId: target.unitId, secrecy: level });
        guard(ctx, request, 'users.manage', { unitId: unit.id, secrecy: level });
        const { version, ...change } = request.body;
        if (version === undefined) throw versionRequired();
        const updated = await updateAccount(ctx, target, version, change, unit.id, actorOf(request));
        return { user: present(ctx, updated) };
      },
    );

    r.post(
      '/users/:id/reset-password',
      {
        schema: {
          tags: ['admin'],
          summary: 'Cấp lại mật khẩu tạm (reset password)',
          response: { 200: passwordResetSchema },
          params: z.object({ id: z.coerce.number().int().positive() }),
        },
      },
      async (request) => {
        const target = await findAccount(ctx, request.params.id);
        if (!target) throw new AppError('not_found', 'Không có tài khoản này', 'no such user');
        guard(ctx, request, 'users.manage', { unitId: target.unitId, secrecy: target.clearance });
        const password = await resetAccountPassword(ctx, target, actorOf(request));
        return { password };
      },
    );

    r.post(
      '/users/:id/sign-out',
      {
        schema: {
          tags: ['admin'],
          summary: 'Đăng xuất tài khoản khỏi mọi thiết bị',
          response: { 200: sessionsEndedSchema },
          params: z.object({ id: z.coerce.number().int().positive() }),
        },
      },
      async (request) => {
        const target = await findAccount(ctx, request.params.id);
        if (!target) throw new AppError('not_found', 'Không có tài khoản này', 'no such user');
        guard(ctx, request, 'users.manage', { unitId: target.unitId, secrecy: target.clearance });
        const ended = await signOutAccount(ctx, target, actorOf(request));
        return { sessionsEnded: ended };
      },
    );

    r.get(
      '/audit',
      {
        schema: {
          tags: ['admin'],
          summary: 'Tra cứu nhật ký kiểm toán (search the audit log)',
          response: { 200: auditListSchema },
          querystring: z.object({
            actor: z.string().max(64).optional(),
            action: z.string().max(64).optional(),
            from: z.string().max(40).optional(),
            to: z.string().max(40).optional(),
            limit: z.coerce.number().int().min(1).max(1000).default(200),
          }),
        },
      },
      async (request) => {
        const me = guard(ctx, request, 'audit.read', {
          unitId: requireUser(request).unitId,
          secrecy: 'none',
        });
        return { entries: await auditEntriesFor(ctx, me, request.query) };
      },
    );

    r.get(
      '/audit/verify',
      {
        schema: {
          tags: ['admin'],
          summary: 'Kiểm tra tính toàn vẹn của nhật ký',
          response: { 200: auditVerdictSchema },
        },
      },
      async (request) => {
        guard(ctx, request, 'audit.read', { unitId: null, secrecy: 'none' });
        return checkAuditIntegrity(ctx);
      },
    );
  };
}
