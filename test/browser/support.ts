// Shared set-up for the browser tests: a server on a copy of the small demo, users for each role, and a
// headless Chromium that is started fresh (its own profile directory) for every test file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { buildServer } from '../../src/server/app.ts';
import type { SecrecyLevel } from '../../src/shared/secrecy.ts';
import { createTestApp, createUser, OUTPUT_DIR, ROOT, type TestApp } from '../support/app.ts';
import { enrolmentCode, signInCode } from '../support/second-factor.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const PASSWORD = 'Giaoban@2026-test';
export const SCREENSHOT_DIR = join(OUTPUT_DIR, 'screenshots');

/** node:test's `skip` option: a reason when Chromium is missing, so the run says why nothing was checked. */
export const skipWithoutChromium: string | false = existsSync(CHROMIUM)
  ? false
  : `Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" to run the browser tests`;

/** Builds the web page when it has not been built yet, so that the tests always exercise a real bundle. */
export function ensureWebBuilt(): void {
  const builds = [
    ['web/vite.config.ts', join(ROOT, 'web', 'dist', 'index.html')],
    ['web/vite.server.config.ts', join(ROOT, 'web', 'dist-server', 'entry-server.js')],
  ] as const;
  for (const [config, output] of builds) {
    if (existsSync(output)) continue;
    const result = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', config],
      { cwd: ROOT, stdio: 'inherit' },
    );
    if (result.status !== 0) throw new Error(`building ${config} failed`);
  }
}

export interface RunningApp {
  testApp: TestApp;
  server: FastifyInstance;
  origin: string;
  close(): Promise<void>;
}

export interface UserSpec {
  username: string;
  role: 'officer' | 'approver' | 'analyst' | 'leader' | 'admin';
  unitCode: string;
  /** The date the unit code is looked up on (communes and provinces changed in July 2025). */
  at?: string;
  /** Default Mật: such an account enrols a second factor at its first sign-in, as every cleared account does. */
  clearance?: SecrecyLevel;
}

/** Starts the real server (API and built page) on a random local port over a fresh copy of the demo. */
export async function startApp(users: UserSpec[], options: { port?: number } = {}): Promise<RunningApp> {
  ensureWebBuilt();
  const testApp = await createTestApp({ demo: true });
  for (const user of users) {
    await createUser(testApp.ctx, { clearance: 'mat', ...user, password: PASSWORD });
  }
  const server = await buildServer(testApp.ctx, { secureCookies: false, logLevel: 'silent' });
  const address = await server.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  return {
    testApp,
    server,
    origin: address,
    close: async () => {
      await server.close();
      await testApp.close();
    },
  };
}

export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Chromium with a profile of its own, removed afterwards. Playwright takes the profile directory as the
 * persistent context's argument (it refuses a --user-data-dir flag), which also keeps runs from sharing state.
 */
export async function launchBrowser(
  options: {
    width?: number;
    height?: number;
    serviceWorkers?: 'allow' | 'block';
    javaScriptEnabled?: boolean;
  } = {},
): Promise<LaunchedBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'giaoban-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: options.width ?? 1366, height: options.height ?? 900 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: true,
    serviceWorkers: options.serviceWorkers ?? 'allow',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Signs in through the form, as a person would, and waits for the signed-in shell. An account that must use a
 * second factor enrols it at its first sign-in (reading the key the page shows, as an authenticator app scans
 * it) and gives the app's current code at later ones; codes are computed for the server's clock.
 */
export async function signIn(page: Page, app: RunningApp, username: string): Promise<void> {
  // Tabs of one browser share its cookies: start from the sign-in form whoever was signed in before.
  await page.context().clearCookies();
  await page.goto(`${app.origin}/`);
  await page.getByLabel(/Tên đăng nhập|Username/).fill(username);
  await page.getByLabel(/Mật khẩu|Password/).fill(PASSWORD);
  await page.getByLabel(/Mật khẩu|Password/).press('Enter');
  const shell = page.locator('.app-header');
  const codeField = page.locator('#one-time-code');
  await shell.or(codeField).first().waitFor();
  if (await shell.isVisible()) return;
  const clock = app.testApp.clock;
  const key = page.locator('.totp-secret');
  const code =
    (await key.count()) > 0
      ? enrolmentCode(clock, username, ((await key.textContent()) ?? '').replace(/\s/g, ''))
      : await signInCode(clock, username);
  await codeField.fill(code);
  await codeField.press('Enter');
  await shell.waitFor();
}

/**
 * The set-up every browser test repeats: a new tab of `browser`, signed in as `username` (second factor
 * included), on `route` of the page (`/tong-hop?unit=BCA&period=2020-02`; the home page when omitted).
 */
export async function openAs(
  browser: LaunchedBrowser,
  app: RunningApp,
  username: string,
  route?: string,
): Promise<Page> {
  const page = await browser.context.newPage();
  await signIn(page, app, username);
  if (route) await page.goto(`${app.origin}/${route.replace(/^\//, '')}`);
  return page;
}

/** The province outlines a page asks for from now on (path and query, in order), as the list grows. */
export function outlineReads(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/geo/')) asked.push(url.pathname + url.search);
  });
  return asked;
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return join(SCREENSHOT_DIR, `${name}.png`);
}

export interface BrowserSuite {
  app: RunningApp;
  browser: LaunchedBrowser;
}

/**
 * Registers what every browser test file does around its tests: before them, the server over a fresh demo with
 * `users` and a Chromium of its own, then `ready` for the file's own set-up (seeding, signing in); after them,
 * both are closed. Nothing starts when Chromium is missing: the tests then say why they were skipped.
 */
export function useBrowserSuite(
  users: UserSpec[],
  ready: (suite: BrowserSuite) => Promise<void> | void,
  options: { viewport?: { width: number; height: number } } = {},
): void {
  let suite: BrowserSuite | undefined;
  before(async () => {
    if (skipWithoutChromium) return;
    const app = await startApp(users);
    const browser = await launchBrowser(options.viewport);
    suite = { app, browser };
    await ready(suite);
  });
  after(async () => {
    await suite?.browser.close();
    await suite?.app.close();
  });
}
