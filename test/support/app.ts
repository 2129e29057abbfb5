import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { type AppContext, openApp } from '../../src/app/context.ts';
import { hashPassword } from '../../src/auth/passwords.ts';
import type { Role } from '../../src/auth/roles.ts';
import { loadDemo } from '../../src/demo/load.ts';
import { FixedClock } from '../../src/shared/clock.ts';
import type { SecrecyLevel } from '../../src/shared/secrecy.ts';
import { insertUser } from '../../src/users/repository.ts';
import { registerTestClock } from './second-factor.ts';

export const ROOT = resolve(new URL('../..', import.meta.url).pathname);
export const REFERENCE_DIR = join(ROOT, 'reference-data', 'admin-units');
export const OUTPUT_DIR = join(ROOT, 'test-output');
/** The demo's "today" in tests: fixed, so that every run sees the same months and deadlines. */
export const TEST_TODAY = '2026-11-29';

function sourceFingerprint(): string {
  // The cached template is rebuilt whenever the code that shapes the database or the demo changes.
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.test.ts'))
        hash.update(name).update(readFileSync(path));
    }
  };
  for (const dir of [
    'src/db',
    'src/demo',
    'src/indicators',
    'src/units',
    'src/values',
    'src/periods',
    'src/calendar',
    'src/audit',
  ])
    walk(join(ROOT, dir));
  return hash.digest('hex').slice(0, 16);
}

let templatePromise: Promise<string> | null = null;

/** A SQLite file with the small demo loaded, built once per source version and shared by test files. */
async function smallDemoTemplate(): Promise<string> {
  const dir = join(OUTPUT_DIR, 'templates');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `small-${sourceFingerprint()}.sqlite`);
  if (existsSync(file)) return file;
  const building = `${file}.${process.pid}.tmp`;
  const ctx = await openApp({
    databaseUrl: `sqlite:${building}`,
    clock: new FixedClock(TEST_TODAY),
    referenceDataDir: REFERENCE_DIR,
  });
  await loadDemo(ctx, { scale: 'small' });
  ctx.store.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
  await ctx.close();
  renameSync(building, file);
  for (const suffix of ['-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
  return file;
}

let counter = 0;

export interface TestApp {
  ctx: AppContext;
  clock: FixedClock;
  dbFile: string;
  close(): Promise<void>;
}

/**
 * A fresh application on its own SQLite file: empty (reference units and catalogue only) or with the small demo.
 * Set TEST_DATABASE_URL_POSTGRES to run storage tests on PostgreSQL instead (see storage tests).
 */
export async function createTestApp(options: { demo?: boolean; today?: string } = {}): Promise<TestApp> {
  const dir = join(OUTPUT_DIR, 'db');
  mkdirSync(dir, { recursive: true });
  const dbFile = join(dir, `t-${process.pid}-${Date.now()}-${counter++}.sqlite`);
  if (options.demo) {
    templatePromise ??= smallDemoTemplate();
    copyFileSync(await templatePromise, dbFile);
  }
  const clock = new FixedClock(options.today ?? TEST_TODAY);
  const ctx = await openApp({ databaseUrl: `sqlite:${dbFile}`, clock, referenceDataDir: REFERENCE_DIR });
  registerTestClock(clock, ctx);
  return {
    ctx,
    clock,
    dbFile,
    close: async () => {
      await ctx.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true });
    },
  };
}

export interface TestUser {
  id: number;
  username: string;
  password: string;
}

/** Creates a user bound to the unit carrying `unitCode` today. */
export async function createUser(
  ctx: AppContext,
  options: {
    username: string;
    role: Role;
    unitCode: string;
    clearance?: SecrecyLevel;
    password?: string;
    at?: string;
  },
): Promise<TestUser> {
  const password = options.password ?? 'Giaoban@2026-test';
  const date = options.at ?? ctx.clock.today();
  const unit = ctx.graph.findByCode(options.unitCode, date);
  if (!unit) throw new Error(`no unit ${options.unitCode} on ${date}`);
  const id = await ctx.store.write(async (trx) =>
    insertUser(trx, {
      username: options.username,
      displayName: options.username,
      passwordHash: await hashPassword(password),
      role: options.role,
      unitId: unit.id,
      clearance: options.clearance ?? 'mat',
      mustChangePassword: false,
      at: ctx.clock.now().toISOString(),
    }),
  );
  return { id, username: options.username, password };
}
