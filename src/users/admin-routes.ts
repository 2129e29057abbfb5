import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import { resolveUnit } from '../app/resolve.ts';
import { appendAudit, searchAudit } from '../audit/repository.ts';
import { checkAuditIntegrity } from '../audit/service.ts';
import { inScope } from '../auth/gate.ts';
import { generatePassword, hashPassword } from '../auth/passwords.ts';
import { readableSecrecyLevels } from '../auth/policy.ts';
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
import { findUserById, findUserByName, insertUser, listUsers, type User } from './repository.ts';

function present(ctx: AppContext, u: User) {
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
export function adminRoutes(ctx: AppContext): FastifyPluginAsync {
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
        const today = ctx.clock.today();
        const users = (await listUsers(ctx.store.db)).filter((u) =>
          ctx.graph.isInSubtree(u.unitId, me.unitId, today),
        );
        return { users: users.map((u) => present(ctx, u)) };
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
        if (await findUserByName(ctx.store.db, request.body.username)) {
          throw new AppError('conflict', `Tên đăng nhập "${request.body.username}" đã có`, 'username taken', [
            { field: 'username', reason: 'đã tồn tại' },
          ]);
        }
        const password = generatePassword();
        const hash = await hashPassword(password);
        const actor = actorOf(request);
        const id = await ctx.store.write(async (trx) => {
          const created = await insertUser(trx, {
            username: request.body.username,
            displayName: request.body.displayName.normalize('NFC'),
            passwordHash: hash,
            role: request.body.role,
            unitId: unit.id,
            clearance: request.body.clearance,
            mustChangePassword: true,
            at: ctx.clock.now().toISOString(),
          });
          await appendAudit(trx, {
            at: ctx.clock.now().toISOString(),
            actorId: actor.id,
            actorName: actor.name,
            action: 'users.create',
            target: `user:${created}`,
            unitId: unit.id,
            secrecy: 'none',
            details: {
              username: request.body.username,
              role: request.body.role,
              clearance: request.body.clearance,
            },
          });
          return created;
        });
        return { user: present(ctx, (await findUserById(ctx.store.db, id)) as User), password };
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
        const target = await findUserById(ctx.store.db, request.params.id);
        if (!target) throw new AppError('not_found', 'Không có tài khoản này', 'no such user');
        const today = ctx.clock.today();
        const unit = request.body.unit
          ? resolveUnit(ctx.graph, request.body.unit, today)
          : ctx.graph.require(target.unitId);
        // Both the old and the new place and level must be within the administrator's reach.
        const level = highestSecrecy([target.clearance, request.body.clearance ?? target.clearance]);
        guard(ctx, request, 'users.manage', { unitId: target.unitId, secrecy: level });
        guard(ctx, request, 'users.manage', { unitId: unit.id, secrecy: level });
        const actor = actorOf(request);
        const { version, ...change } = request.body;
        if (version === undefined) throw versionRequired();
        await ctx.store.write(async (trx) => {
          const updated = await trx
            .updateTable('app_user')
            .set((eb) => ({
              version: eb('version', '+', 1),
              ...(request.body.displayName
                ? { display_name: request.body.displayName.normalize('NFC') }
                : {}),
              ...(request.body.role ? { role: request.body.role } : {}),
              ...(request.body.clearance ? { clearance: request.body.clearance } : {}),
              ...(request.body.disabled !== undefined ? { disabled: request.body.disabled ? 1 : 0 } : {}),
              unit_id: unit.id,
            }))
            .where('id', '=', target.id)
            .where('version', '=', version)
            .executeTakeFirst();
          if (Number(updated.numUpdatedRows) !== 1)
            throw new AppError(
              'conflict',
              'Tài khoản vừa được người khác sửa: hãy tải lại rồi sửa lại',
              'the account changed meanwhile: reload and edit again',
              [{ field: 'version', reason: `hiện là ${target.version}` }],
            );
          if (request.body.disabled || request.body.role || request.body.unit || request.body.clearance) {
            // A changed permission takes effect at once: the user signs in again.
            await trx.deleteFrom('user_session').where('user_id', '=', target.id).execute();
          }
          await appendAudit(trx, {
            at: ctx.clock.now().toISOString(),
            actorId: actor.id,
            actorName: actor.name,
            action: 'users.update',
            target: `user:${target.id}`,
            unitId: unit.id,
            secrecy: 'none',
            details: { ...change },
          });
        });
        return { user: present(ctx, (await findUserById(ctx.store.db, target.id)) as User) };
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
        const target = await findUserById(ctx.store.db, request.params.id);
        if (!target) throw new AppError('not_found', 'Không có tài khoản này', 'no such user');
        guard(ctx, request, 'users.manage', { unitId: target.unitId, secrecy: target.clearance });
        const password = generatePassword();
        const hash = await hashPassword(password);
        const actor = actorOf(request);
        await ctx.store.write(async (trx) => {
          await trx
            .updateTable('app_user')
            .set({
              password_hash: hash,
              must_change_password: 1,
              failed_count: 0,
              locked_until: null,
              last_failed_at: null,
            })
            .where('id', '=', target.id)
            .execute();
          await trx.deleteFrom('user_session').where('user_id', '=', target.id).execute();
          await appendAudit(trx, {
            at: ctx.clock.now().toISOString(),
            actorId: actor.id,
            actorName: actor.name,
            action: 'users.reset_password',
            target: `user:${target.id}`,
            unitId: target.unitId,
            secrecy: 'none',
            details: {},
          });
        });
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
        const target = await findUserById(ctx.store.db, request.params.id);
        if (!target) throw new AppError('not_found', 'Không có tài khoản này', 'no such user');
        guard(ctx, request, 'users.manage', { unitId: target.unitId, secrecy: target.clearance });
        const actor = actorOf(request);
        const ended = await ctx.store.write(async (trx) => {
          const result = await trx
            .deleteFrom('user_session')
            .where('user_id', '=', target.id)
            .executeTakeFirst();
          await appendAudit(trx, {
            at: ctx.clock.now().toISOString(),
            actorId: actor.id,
            actorName: actor.name,
            action: 'users.sign_out_everywhere',
            target: `user:${target.id}`,
            unitId: target.unitId,
            secrecy: 'none',
            details: {},
          });
          return Number(result.numDeletedRows);
        });
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
        const entries = await searchAudit(ctx.store.db, {
          ...request.query,
          secrecy: readableSecrecyLevels(me),
        });
        const today = ctx.clock.today();
        // Entries about other units are shown only within the reader's subtree.
        // Entries that name no unit (sign-ins, failures, settings) belong to the ministry.
        const root = ctx.graph.root(today).id;
        return {
          entries: entries.filter((e) =>
            me.unitId === root ? true : e.unitId !== null && inScope(ctx, me, e.unitId, today),
          ),
        };
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
