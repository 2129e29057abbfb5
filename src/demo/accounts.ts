import type { AppContext } from '../app/context.ts';
import { generatePassword, hashPassword } from '../auth/passwords.ts';
import type { Role } from '../auth/roles.ts';
import type { SecrecyLevel } from '../shared/secrecy.ts';
import { findUserByName, insertUser } from '../users/repository.ts';

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  unit: string;
  description: string;
}

/**
 * Accounts to try the demo with, one per role of the monthly cycle, each with a freshly generated password
 * shown once. Accounts that already exist are left alone.
 */
export async function createDemoAccounts(ctx: AppContext): Promise<DemoAccount[]> {
  const today = ctx.clock.today();
  const province = ctx.graph.findByCode('40', today);
  if (!province) return [];
  const commune = ctx.graph
    .childrenOn(province.id, today)
    .map((id) => ctx.graph.require(id))
    .filter((u) => u.kind === 'commune')
    .sort((a, b) => a.code.localeCompare(b.code))[0];
  const root = ctx.graph.root(today);
  const plan: Array<{
    username: string;
    role: Role;
    unitId: number;
    clearance: SecrecyLevel;
    description: string;
  }> = [
    {
      username: 'tonghop',
      role: 'analyst',
      unitId: root.id,
      clearance: 'toi_mat',
      description: 'Cán bộ tổng hợp, Văn phòng Bộ (analyst at the ministry)',
    },
    {
      username: 'nghean.pheduyet',
      role: 'approver',
      unitId: province.id,
      clearance: 'mat',
      description: 'Lãnh đạo Công an tỉnh Nghệ An (approver)',
    },
  ];
  if (commune) {
    plan.push({
      username: `canbo.${commune.code}`,
      role: 'officer',
      unitId: commune.id,
      clearance: 'mat',
      description: `Cán bộ nhập liệu, ${ctx.graph.nameOn(commune.id, today)} (data-entry officer)`,
    });
  }
  const created: DemoAccount[] = [];
  for (const account of plan) {
    if (await findUserByName(ctx.store.db, account.username)) continue;
    const password = generatePassword();
    const passwordHash = await hashPassword(password);
    await ctx.store.write((trx) =>
      insertUser(trx, {
        username: account.username,
        displayName: account.description.split(' (')[0] ?? account.username,
        passwordHash,
        role: account.role,
        unitId: account.unitId,
        clearance: account.clearance,
        mustChangePassword: false,
        at: ctx.clock.now().toISOString(),
      }),
    );
    created.push({
      username: account.username,
      password,
      role: account.role,
      unit: ctx.graph.require(account.unitId).code,
      description: account.description,
    });
  }
  return created;
}
