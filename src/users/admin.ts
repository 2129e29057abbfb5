import type { AppContext } from '../app/context.ts';
import type { Actor } from '../audit/actor.ts';
import { appendAudit } from '../audit/repository.ts';
import type { Principal } from '../auth/gate.ts';
import { generatePassword, hashPassword } from '../auth/passwords.ts';
import type { Role } from '../auth/roles.ts';
import { AppError } from '../shared/errors.ts';
import type { SecrecyLevel } from '../shared/secrecy.ts';
import {
  type AccountChange,
  countUsers,
  findUserById,
  findUserByName,
  insertUser,
  listUsers,
  setTemporaryPassword,
  type User,
  updateAccountAt,
} from './repository.ts';
import { signOutEverywhere } from './signin.ts';

export type { User };

/**
 * The first run creates the administrator with a freshly generated password, shown once. There is no built-in
 * password: a database without users gets a new random one every time it is created.
 */
export async function ensureAdministrator(
  ctx: AppContext,
): Promise<{ username: string; password: string } | null> {
  if ((await countUsers(ctx.store.db)) > 0) return null;
  const password = generatePassword();
  const root = ctx.graph.root(ctx.clock.today());
  await ctx.store.write(async (trx) => {
    await insertUser(trx, {
      username: 'admin',
      displayName: 'Quản trị hệ thống',
      passwordHash: await hashPassword(password),
      role: 'admin',
      unitId: root.id,
      clearance: 'tuyet_mat',
      mustChangePassword: false,
      at: ctx.clock.now().toISOString(),
    });
  });
  return { username: 'admin', password };
}

/** The accounts of the administrator's subtree (the administrator was authorised for their own unit before). */
export async function accountsUnder(ctx: AppContext, reader: Pick<Principal, 'unitId'>): Promise<User[]> {
  const today = ctx.clock.today();
  return (await listUsers(ctx.store.db)).filter((u) => ctx.graph.isInSubtree(u.unitId, reader.unitId, today));
}

export function findAccount(ctx: AppContext, id: number): Promise<User | undefined> {
  return findUserById(ctx.store.db, id);
}

export async function usernameTaken(ctx: AppContext, username: string): Promise<boolean> {
  return (await findUserByName(ctx.store.db, username)) !== undefined;
}

/** Creates an account with a temporary password (returned, shown once), and records it. */
export async function createAccount(
  ctx: AppContext,
  input: { username: string; displayName: string; role: Role; unitId: number; clearance: SecrecyLevel },
  actor: Actor,
): Promise<{ user: User; password: string }> {
  const password = generatePassword();
  const hash = await hashPassword(password);
  const id = await ctx.store.write(async (trx) => {
    const created = await insertUser(trx, {
      username: input.username,
      displayName: input.displayName.normalize('NFC'),
      passwordHash: hash,
      role: input.role,
      unitId: input.unitId,
      clearance: input.clearance,
      mustChangePassword: true,
      at: ctx.clock.now().toISOString(),
    });
    await appendAudit(trx, {
      at: ctx.clock.now().toISOString(),
      actorId: actor.id,
      actorName: actor.name,
      action: 'users.create',
      target: `user:${created}`,
      unitId: input.unitId,
      secrecy: 'none',
      details: { username: input.username, role: input.role, clearance: input.clearance },
    });
    return created;
  });
  return { user: (await findUserById(ctx.store.db, id)) as User, password };
}

/**
 * Changes an account read at `version` (409 when it changed meanwhile); a changed permission takes effect at once:
 * the account's sessions end.
 */
export async function updateAccount(
  ctx: AppContext,
  target: User,
  version: number,
  change: Omit<AccountChange, 'unitId'> & { unit?: string | undefined },
  unitId: number,
  actor: Actor,
): Promise<User> {
  await ctx.store.write(async (trx) => {
    const applied = await updateAccountAt(trx, target.id, version, {
      ...change,
      displayName: change.displayName?.normalize('NFC'),
      unitId,
    });
    if (!applied)
      throw new AppError(
        'conflict',
        'Tài khoản vừa được người khác sửa: hãy tải lại rồi sửa lại',
        'the account changed meanwhile: reload and edit again',
        [{ field: 'version', reason: `hiện là ${target.version}` }],
      );
    if (change.disabled || change.role || change.unit || change.clearance)
      await signOutEverywhere(trx, target.id);
    await appendAudit(trx, {
      at: ctx.clock.now().toISOString(),
      actorId: actor.id,
      actorName: actor.name,
      action: 'users.update',
      target: `user:${target.id}`,
      unitId,
      secrecy: 'none',
      details: { ...change },
    });
  });
  return (await findUserById(ctx.store.db, target.id)) as User;
}

/** A new temporary password (returned, shown once); the account's sessions end. */
export async function resetAccountPassword(ctx: AppContext, target: User, actor: Actor): Promise<string> {
  const password = generatePassword();
  const hash = await hashPassword(password);
  await ctx.store.write(async (trx) => {
    await setTemporaryPassword(trx, target.id, hash);
    await signOutEverywhere(trx, target.id);
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
  return password;
}

/** Ends every session of an account; the number ended. */
export function signOutAccount(ctx: AppContext, target: User, actor: Actor): Promise<number> {
  return ctx.store.write(async (trx) => {
    const ended = await signOutEverywhere(trx, target.id);
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
    return ended;
  });
}
