// One set-up for the API test files: a test application with its server, opened before the file's tests and
// closed after them, so each file states only what it adds (users, figures, signed-in clients).
import { after, before } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app.ts';
import { createTestApp, type TestApp } from './app.ts';

export interface ApiSuite {
  app: TestApp;
  server: FastifyInstance;
}

/**
 * Registers the file's `before` and `after`: opens a test application (the small demo with `demo: true`) and its
 * server as `giaoban start` builds it (plain cookies, no log), then runs `ready` with both.
 */
export function useApiSuite(
  options: Parameters<typeof createTestApp>[0],
  ready: (suite: ApiSuite) => Promise<void> | void,
): void {
  let suite: ApiSuite | undefined;
  let app: TestApp | undefined;
  before(async () => {
    app = await createTestApp(options);
    const server = await buildServer(app.ctx, { secureCookies: false, logLevel: 'silent' });
    suite = { app, server };
    await ready(suite);
  });
  after(async () => {
    await suite?.server.close();
    await app?.close();
  });
}
