import type { FastifyInstance } from 'fastify';

export interface ShutdownResult {
  /** Whether every request in flight finished before the time limit. */
  drained: boolean;
  elapsedMs: number;
}

/**
 * Stops taking connections, lets the requests in flight finish (Fastify answers 503 to requests arriving on kept-
 * alive connections meanwhile and closes idle ones), then closes the database pool. Past `timeoutMs` the pool is
 * closed anyway and `drained` is false, so a stuck request cannot keep a stopping process alive.
 */
export async function shutdownGracefully(
  app: FastifyInstance,
  closeStore: () => Promise<void>,
  timeoutMs: number,
): Promise<ShutdownResult> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const closing = app.close();
  // A kept-alive connection whose request finishes after close() began would otherwise stay open until its idle
  // time-out: close connections as soon as they fall idle.
  const sweeper = setInterval(() => app.server.closeIdleConnections(), 50);
  const drained = await Promise.race([closing.then(() => true as const), timedOut]);
  clearTimeout(timer);
  clearInterval(sweeper);
  await closeStore();
  return { drained, elapsedMs: Date.now() - started };
}

/** Installs the SIGTERM/SIGINT handlers of a server process: drain, close the pool, exit (1 if not drained). */
export function exitOnSignals(
  app: FastifyInstance,
  closeStore: () => Promise<void>,
  timeoutMs: number,
  log: (line: string) => void,
): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: draining requests (at most ${timeoutMs} ms)`);
    shutdownGracefully(app, closeStore, timeoutMs).then(
      (result) => {
        log(
          result.drained
            ? `stopped after ${result.elapsedMs} ms; database closed`
            : `requests still running after ${result.elapsedMs} ms; database closed anyway`,
        );
        process.exit(result.drained ? 0 : 1);
      },
      (error: unknown) => {
        log(`shutdown failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
