import { resolve } from 'node:path';
import { z } from 'zod';
import { isAddressOrBlock } from '../ops/access.ts';

/**
 * The only place that reads the environment. Parsed once, every bad variable listed, then frozen.
 */
const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres(ql)?:\/\/)/, 'must start with sqlite: or postgres://')
    .optional(),
  /** Comma-separated PostgreSQL streaming replicas for analytics and document reads (and failover candidates). */
  DATABASE_READ_URLS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .refine(
      (list) => list.every((u) => /^postgres(ql)?:\/\//.test(u)),
      'a comma-separated list of postgres:// URLs',
    ),
  /** How long a read waits for a replica to replay the reader's latest commit before going to the primary. */
  DATABASE_READ_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(500),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Requests taking at least this many ms are logged with what they waited on (write lock, write, disk flush). */
  SLOW_REQUEST_MS: z.coerce.number().int().min(0).max(600_000).optional(),
  /** Set when the server sits behind HTTPS (directly or through a proxy): cookies become Secure. */
  GIAOBAN_SECURE_COOKIES: z.enum(['0', '1']).default('0'),
  /** A fixed "today" (YYYY-MM-DD or an ISO instant) for demonstrations and tests; unset in production. */
  GIAOBAN_NOW: z.string().optional(),
  GIAOBAN_REFERENCE_DATA: z.string().optional(),
  TEST_DATABASE_URL_POSTGRES: z.string().optional(),
  /** Bearer token that opens /metrics to a scraper from any address; at least 16 characters. */
  METRICS_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  /** Comma-separated addresses or CIDR blocks allowed to read /metrics without the token. */
  METRICS_ALLOW: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every(isAddressOrBlock), 'a comma-separated list of IP addresses or CIDR blocks'),
  /** How long a stopping server waits for requests in flight before it exits anyway. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** An SMTP server for e-mail notifications ("smtp://user:pass@mail.example:587"); unset: no e-mail is sent. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  SMTP_FROM: z.string().default('giaoban@localhost'),
  /** How often the notification job looks for deadlines two days away and overdue tasks. */
  NOTIFY_INTERVAL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
  /** Issued reports are signed with the unit's PKCS#12 key: a directory of "<unit code>.p12" files, or one file. */
  GIAOBAN_SIGNING_DIR: z.string().optional(),
  GIAOBAN_SIGNING_P12: z.string().optional(),
  GIAOBAN_SIGNING_PASSPHRASE: z.string().optional(),
  /** Ed25519 private key (PEM) that signs checkpoints of the audit chain; kept outside the database. */
  GIAOBAN_AUDIT_KEY_FILE: z.string().optional(),
  /** The same key given inline (PEM), for deployments that pass secrets through the environment. */
  GIAOBAN_AUDIT_KEY: z.string().optional(),
  /** Append-only file of signed checkpoints; default audit-checkpoints.jsonl beside the key. */
  GIAOBAN_AUDIT_CHECKPOINTS: z.string().optional(),
  /** A checkpoint is signed once this many entries were appended since the last one (and at shutdown). */
  GIAOBAN_AUDIT_CHECKPOINT_EVERY: z.coerce.number().int().min(1).max(1_000_000).default(100),
});

export type Config = Readonly<{
  databaseUrl: string;
  databaseReadUrls: readonly string[];
  databaseReadWaitMs: number;
  port: number;
  host: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  slowRequestMs: number | undefined;
  secureCookies: boolean;
  fixedNow: string | undefined;
  referenceDataDir: string;
  testPostgresUrl: string | undefined;
  metricsToken: string | undefined;
  metricsAllow: readonly string[];
  shutdownTimeoutMs: number;
  smtpUrl: string | undefined;
  smtpFrom: string;
  notifyIntervalSeconds: number;
  signing: { dir: string | undefined; p12: string | undefined; passphrase: string | undefined };
  audit: {
    keyFile: string | undefined;
    keyPem: string | undefined;
    checkpointFile: string | undefined;
    checkpointEvery: number;
  };
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
    databaseReadUrls: Object.freeze([...e.DATABASE_READ_URLS]),
    databaseReadWaitMs: e.DATABASE_READ_WAIT_MS,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    slowRequestMs: e.SLOW_REQUEST_MS,
    secureCookies: e.GIAOBAN_SECURE_COOKIES === '1',
    fixedNow: e.GIAOBAN_NOW,
    referenceDataDir: e.GIAOBAN_REFERENCE_DATA ?? resolve(projectRoot, 'reference-data'),
    testPostgresUrl: e.TEST_DATABASE_URL_POSTGRES,
    metricsToken: e.METRICS_TOKEN,
    metricsAllow: Object.freeze([...e.METRICS_ALLOW]),
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM,
    notifyIntervalSeconds: e.NOTIFY_INTERVAL_SECONDS,
    signing: Object.freeze({
      dir: e.GIAOBAN_SIGNING_DIR,
      p12: e.GIAOBAN_SIGNING_P12,
      passphrase: e.GIAOBAN_SIGNING_PASSPHRASE,
    }),
    audit: Object.freeze({
      keyFile: e.GIAOBAN_AUDIT_KEY_FILE,
      keyPem: e.GIAOBAN_AUDIT_KEY,
      checkpointFile: e.GIAOBAN_AUDIT_CHECKPOINTS,
      checkpointEvery: e.GIAOBAN_AUDIT_CHECKPOINT_EVERY,
    }),
  });
}
