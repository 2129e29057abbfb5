import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import pg from 'pg';
import { type AppContext, openApp } from '../../src/app/context.ts';
import { loadConfig } from '../../src/config/env.ts';
import { FixedClock } from '../../src/shared/clock.ts';
import { OUTPUT_DIR, REFERENCE_DIR } from './app.ts';

export type Backend = 'sqlite' | 'postgres';

const postgresUrl = loadConfig().testPostgresUrl;

/** The backends storage tests run on: SQLite always, PostgreSQL when TEST_DATABASE_URL_POSTGRES is set. */
export const BACKENDS: Array<{ backend: Backend; skip: string | false }> = [
  { backend: 'sqlite', skip: false },
  {
    backend: 'postgres',
    skip: postgresUrl
      ? false
      : 'PostgreSQL suite skipped: set TEST_DATABASE_URL_POSTGRES (bash .ci/run starts a throwaway cluster)',
  },
];

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new empty database: a SQLite file, or a fresh PostgreSQL database created on the test cluster. */
export async function scratchDatabase(backend: Backend): Promise<ScratchDatabase> {
  const name = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (backend === 'sqlite') {
    const dir = join(OUTPUT_DIR, 'db');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${name}.sqlite`);
    return {
      url: `sqlite:${file}`,
      drop: async () => {
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
      },
    };
  }
  if (!postgresUrl) throw new Error('TEST_DATABASE_URL_POSTGRES is not set');
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface ScratchApp {
  scratch: ScratchDatabase;
  ctx: AppContext;
}

/**
 * Registers the file's `before` and `after`: a new empty database on `backend` and the application on it, on a fixed
 * day, then runs `ready` with both; closes the application and drops the database afterwards.
 */
export function useScratchApp(
  backend: Backend,
  today: string,
  ready: (suite: ScratchApp) => Promise<void> | void,
): void {
  let suite: Partial<ScratchApp> = {};
  before(async () => {
    const scratch = await scratchDatabase(backend);
    suite = { scratch };
    const ctx = await openApp({
      databaseUrl: scratch.url,
      clock: new FixedClock(today),
      referenceDataDir: REFERENCE_DIR,
    });
    suite = { scratch, ctx };
    await ready({ scratch, ctx });
  });
  after(async () => {
    await suite.ctx?.close();
    await suite.scratch?.drop();
  });
}
