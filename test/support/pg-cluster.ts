import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** Where Debian puts PostgreSQL 15's programs (not on PATH). */
export const PG_BIN = '/usr/lib/postgresql/15/bin';

/**
 * Why tests that start their own PostgreSQL clusters (replicas, failover, pg_dump/pg_restore) cannot run here, or
 * false when they can.
 */
export function clusterSkipReason(): string | false {
  if (!existsSync(join(PG_BIN, 'pg_basebackup')))
    return `PostgreSQL cluster tests skipped: no PostgreSQL 15 programs under ${PG_BIN}`;
  if (process.getuid?.() !== 0)
    return 'PostgreSQL cluster tests skipped: they start clusters as the postgres user and need root';
  return false;
}

function asPostgres(command: string): string {
  const result = spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', command], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command}\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

export interface Server {
  dir: string;
  port: number;
  url: string;
  stop(mode?: 'fast' | 'immediate'): void;
  sql(query: string): string;
  /** Creates an empty database on this server and returns its URL. */
  createDatabase(name: string): string;
}

function server(dir: string, port: number): Server {
  return {
    dir,
    port,
    url: `postgres://postgres@127.0.0.1:${port}/giaoban_test`,
    stop: (mode = 'fast') => {
      spawnSync('su', [
        'postgres',
        '-s',
        '/bin/sh',
        '-c',
        `${PG_BIN}/pg_ctl -D '${dir}/data' -m ${mode} -w stop`,
      ]);
    },
    sql: (query) =>
      asPostgres(`${PG_BIN}/psql -h 127.0.0.1 -p ${port} -U postgres -d giaoban_test -Atc "${query}"`).trim(),
    createDatabase: (name) => {
      asPostgres(`${PG_BIN}/createdb -h 127.0.0.1 -p ${port} -U postgres ${name}`);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
  };
}

/** A new cluster in `dir`/data owned by postgres, with the database giaoban_test, running on loopback. */
function initAndStart(dir: string, port: number, conf: string[] = []): Server {
  mkdirSync(dir, { recursive: true });
  spawnSync('chown', ['-R', 'postgres:postgres', dir]);
  asPostgres(`${PG_BIN}/initdb -D '${dir}/data' -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null`);
  for (const line of conf) asPostgres(`printf "${line}\\n" >> '${dir}/data/postgresql.conf'`);
  start(dir, port);
  asPostgres(`${PG_BIN}/createdb -h 127.0.0.1 -p ${port} -U postgres giaoban_test`);
  return server(dir, port);
}

/** One throwaway PostgreSQL server of its own (for tests that need the server's programs, not just a database). */
export function startServer(root: string, port: number): Server {
  rmSync(root, { recursive: true, force: true });
  return initAndStart(join(root, 'server'), port);
}

function start(dir: string, port: number): void {
  asPostgres(
    `${PG_BIN}/pg_ctl -D '${dir}/data' -o "-p ${port} -k '${dir}' -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" -l '${dir}/pg.log' -w start`,
  );
}

/**
 * A primary and a streaming replica made from it with pg_basebackup, on loopback. Commits on the primary wait for the
 * replica to flush them (synchronous_standby_names = '*'), so an acknowledged write survives a failover.
 */
export function startPrimaryAndReplica(
  root: string,
  port: number,
  replicaPort: number,
): { primary: Server; replica: Server } {
  rmSync(root, { recursive: true, force: true });
  const primaryDir = join(root, 'primary');
  const replicaDir = join(root, 'replica');
  const primary = initAndStart(primaryDir, port, ['wal_level = replica', 'max_wal_senders = 4']);
  mkdirSync(replicaDir, { recursive: true });
  spawnSync('chown', ['-R', 'postgres:postgres', root]);
  asPostgres(
    `${PG_BIN}/pg_basebackup -h 127.0.0.1 -p ${port} -U postgres -D '${replicaDir}/data' -R -X stream -c fast`,
  );
  start(replicaDir, replicaPort);
  // Only now that the standby streams: earlier, every commit would wait for a standby that does not exist yet.
  primary.sql("ALTER SYSTEM SET synchronous_standby_names = '*'");
  primary.sql('SELECT pg_reload_conf()');
  return { primary, replica: server(replicaDir, replicaPort) };
}

export function removeCluster(root: string, servers: Server[]): void {
  for (const s of servers) s.stop('immediate');
  rmSync(root, { recursive: true, force: true });
}

/** A port nobody listens on at the moment, chosen by the system. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
