import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The only place that reads the environment. Parsed once, every bad variable listed, then frozen.
 */
const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres(ql)?:\/\/)/, 'must start with sqlite: or postgres://')
    .optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set when the server sits behind HTTPS (directly or through a proxy): cookies become Secure. */
  GIAOBAN_SECURE_COOKIES: z.enum(['0', '1']).default('0'),
  /** A fixed "today" (YYYY-MM-DD or an ISO instant) for demonstrations and tests; unset in production. */
  GIAOBAN_NOW: z.string().optional(),
  GIAOBAN_REFERENCE_DATA: z.string().optional(),
  TEST_DATABASE_URL_POSTGRES: z.string().optional(),
  /** Issued reports are signed with the unit's PKCS#12 key: a directory of "<unit code>.p12" files, or one file. */
  GIAOBAN_SIGNING_DIR: z.string().optional(),
  GIAOBAN_SIGNING_P12: z.string().optional(),
  GIAOBAN_SIGNING_PASSPHRASE: z.string().optional(),
});

export type Config = Readonly<{
  databaseUrl: string;
  port: number;
  host: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  secureCookies: boolean;
  fixedNow: string | undefined;
  referenceDataDir: string;
  testPostgresUrl: string | undefined;
  signing: { dir: string | undefined; p12: string | undefined; passphrase: string | undefined };
}>;

// Both src/config/env.ts and the built dist/config/env.js sit two levels below the project root.
const projectRoot = resolve(new URL('../..', import.meta.url).pathname);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    databaseUrl: e.DATABASE_URL ?? `sqlite:${resolve('data', 'giaoban.sqlite')}`,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    secureCookies: e.GIAOBAN_SECURE_COOKIES === '1',
    fixedNow: e.GIAOBAN_NOW,
    referenceDataDir: e.GIAOBAN_REFERENCE_DATA ?? resolve(projectRoot, 'reference-data'),
    testPostgresUrl: e.TEST_DATABASE_URL_POSTGRES,
    signing: Object.freeze({
      dir: e.GIAOBAN_SIGNING_DIR,
      p12: e.GIAOBAN_SIGNING_P12,
      passphrase: e.GIAOBAN_SIGNING_PASSPHRASE,
    }),
  });
}
