import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Copies SQLite's write-ahead log back into the database file (a checkpoint) from a worker thread with a connection
 * of its own, so that the copy and its two disk flushes never run on the thread that serves requests. The
 * application's connection runs with `wal_autocheckpoint = 0`; otherwise the commit that crosses 1,000 pages of log
 * would run the checkpoint inside itself, with every request waiting.
 *
 * The worker runs a PASSIVE checkpoint every `intervalMs`: it never waits for or blocks a writer. Under a steady
 * stream of writes it never quite catches up, and the log is reused from its start only once it has (SQLite restarts
 * the log at the first write after a checkpoint that copied every frame). So when the log passes `restartPages`
 * with frames still to copy, the worker is asked for a RESTART while the application holds its write lock (`whileWritesWait`): writes queue for
 * its duration, reads go on, and the next write starts the log again from the beginning.
 */
export interface Checkpointer {
  /** Checkpoints done so far (passes that copied something, and restarts), and the log's length at the last one. */
  readonly stats: CheckpointStats;
  stop(): Promise<void>;
}

export interface CheckpointStats {
  passes: number;
  restarts: number;
  logPages: number;
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 100');
db.pragma('synchronous = NORMAL');
const passive = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const restart = db.prepare('PRAGMA wal_checkpoint(RESTART)');
let stopped = false;
const run = (statement, kind) => {
  try {
    const r = statement.get();
    parentPort.postMessage({ kind, busy: r.busy, log: r.log, checkpointed: r.checkpointed });
  } catch (error) {
    parentPort.postMessage({ kind: 'error', message: String(error && error.message) });
  }
};
const timer = setInterval(() => run(passive, 'passive'), workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message === 'restart' && !stopped) run(restart, 'restart');
  if (message === 'stop') {
    stopped = true;
    clearInterval(timer);
    db.close();
    parentPort.close();
  }
});
`;

interface Report {
  kind: 'passive' | 'restart' | 'error';
  busy?: number;
  log?: number;
  checkpointed?: number;
  message?: string;
}

export function startCheckpointer(
  file: string,
  whileWritesWait: <T>(fn: () => Promise<T>) => Promise<T>,
  options: {
    intervalMs?: number;
    restartPages?: number;
    /** A checkpoint failed; `stopped` when the worker is gone (the caller then checkpoints on its own). */
    onError?: (message: string, stopped: boolean) => void;
  } = {},
): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { file, driver, intervalMs: options.intervalMs ?? 100 },
    execArgv: [],
  });
  worker.unref();
  const stats: CheckpointStats = { passes: 0, restarts: 0, logPages: 0 };
  const restartPages = options.restartPages ?? 8192;
  let restarting = false;
  let holdOffUntil = 0;
  let answerRestart: (() => void) | null = null;
  let stopping = false;
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      answerRestart?.();
      if (!stopping) options.onError?.('the checkpoint worker stopped', true);
      resolve();
    }),
  );
  worker.on('message', (report: Report) => {
    if (report.kind === 'error') {
      options.onError?.(report.message ?? 'checkpoint failed', false);
      answerRestart?.();
      return;
    }
    if (report.kind === 'restart') {
      stats.restarts++;
      stats.logPages = report.log ?? 0;
      // A reader of another process held the log: writes are not held up again for it before long.
      if (report.busy) holdOffUntil = Date.now() + 2000;
      answerRestart?.();
      return;
    }
    stats.logPages = report.log ?? 0;
    if ((report.checkpointed ?? 0) > 0) stats.passes++;
    // A long log copied back in full starts again at the next write by itself; one that writes keep ahead of needs
    // a RESTART.
    const behind = (report.checkpointed ?? 0) < (report.log ?? 0);
    if (!restarting && behind && (report.log ?? 0) >= restartPages && Date.now() >= holdOffUntil) {
      restarting = true;
      void whileWritesWait(
        () =>
          new Promise<void>((resolve) => {
            answerRestart = resolve;
            worker.postMessage('restart');
          }),
      ).finally(() => {
        answerRestart = null;
        restarting = false;
      });
    }
  });
  worker.on('error', (error) => options.onError?.(error.message, false));
  return {
    stats,
    stop: async () => {
      stopping = true;
      answerRestart?.();
      // Held open until the worker has closed its connection.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
