import type { AppContext } from '../app/context.ts';
import { generatePassword, hashPassword } from '../auth/passwords.ts';
import { countUsers, insertUser } from './repository.ts';

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
