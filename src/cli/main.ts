import { readFile, writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { readAggregates, readCorrections, readTetWindow } from '../analytics/reads.ts';
import { INCLUDE_LEVELS, type IncludeLevel } from '../analytics/status.ts';
import { type AppContext, openApp } from '../app/context.ts';
import { resolvePeriod, resolveUnitForPeriod } from '../app/resolve.ts';
import { createKeyFileIfMissing, defaultKeyFile, loadAuditSeal } from '../audit/keyfile.ts';
import {
  checkAuditIntegrity,
  rotateAuditKey,
  sealLegacyChangeSets,
  startCheckpointJob,
  writeCheckpoint,
} from '../audit/service.ts';
import { backupPostgres, restorePostgres } from '../backup/postgres.ts';
import { backupSqlite, restoreSqlite } from '../backup/sqlite.ts';
import { loadConfig } from '../config/env.ts';
import { migrate, openStore } from '../db/store.ts';
import { createDemoAccounts } from '../demo/accounts.ts';
import type { DemoScale } from '../demo/generate.ts';
import { loadDemo } from '../demo/load.ts';
import { extract, extractTextFromDocx } from '../extraction/index.ts';
import { FIELDS, INDICATORS } from '../indicators/catalogue.ts';
import { presentForm, presentIndicator } from '../indicators/presenter.ts';
import { runMeetings } from '../meetings/cli.ts';
import { smtpMailer } from '../notifications/mailer.ts';
import { startNotificationJob, useMailer } from '../notifications/service.ts';
import { referenceDate } from '../periods/regime.ts';
import { configureSigning, verifyDocument } from '../reports/issue.ts';
import { type ReportFormat, renderBriefing } from '../reports/render.ts';
import { buildServer } from '../server/app.ts';
import { exitOnSignals } from '../server/shutdown.ts';
import { FixedClock, systemClock } from '../shared/clock.ts';
import { AppError } from '../shared/errors.ts';
import { SECRECY_MARK } from '../shared/secrecy.ts';
import { runTasks } from '../tasks/cli.ts';
import { runExport, runImport } from '../transfer/cli.ts';
import { resolveAnyPeriod } from '../transfer/dataset.ts';
import { presentUnit } from '../units/presenter.ts';
import { ensureAdministrator } from '../users/admin.ts';
import { isValidIsoDate } from '../vietnamese/dates.ts';
import { formatNumber } from '../vietnamese/numbers.ts';
import { actingAs, auditCli, cliCanWrite, cliGuard } from './acting.ts';
import { failWith, printJson, printTable } from './output.ts';

const config = loadConfig();
const clock = config.fixedNow ? new FixedClock(config.fixedNow) : systemClock;
configureSigning(config.signing);

// Without GIAOBAN_AUDIT_KEY_FILE, the key `giaoban start` created beside the database is used when it exists.
const fallbackAuditKey = defaultKeyFile(config.databaseUrl, process.cwd());
const auditSeal = () => loadAuditSeal(config.audit, fallbackAuditKey);

function openOptions() {
  return {
    databaseUrl: config.databaseUrl,
    readUrls: config.databaseReadUrls,
    readWaitMs: config.databaseReadWaitMs,
    clock,
    referenceDataDir: `${config.referenceDataDir}/admin-units`,
    auditSeal: auditSeal(),
  };
}

async function withApp<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await openApp(openOptions());
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

function checkDate(value: string | undefined, field: string): string | undefined {
  if (value !== undefined && !isValidIsoDate(value)) {
    throw new AppError(
      'bad_request',
      `Ngày "${value}" không hợp lệ (dạng YYYY-MM-DD)`,
      `invalid date "${value}"`,
      [{ field, reason: 'YYYY-MM-DD' }],
    );
  }
  return value;
}

function parseInclude(value: string | undefined): IncludeLevel | undefined {
  if (value === undefined) return undefined;
  if (!(INCLUDE_LEVELS as readonly string[]).includes(value))
    throw new AppError(
      'bad_request',
      `Mức "${value}" không hợp lệ (approved, submitted hoặc draft)`,
      `invalid --include "${value}" (approved, submitted or draft)`,
      [{ field: 'include', reason: INCLUDE_LEVELS.join(', ') }],
    );
  return value as IncludeLevel;
}

async function startServer(ctx: AppContext, port: number, host: string): Promise<string> {
  const app = await buildServer(ctx, {
    secureCookies: config.secureCookies,
    logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel,
    metrics: { token: config.metricsToken, allow: config.metricsAllow },
    strictResponses: false,
    ...(config.slowRequestMs !== undefined ? { slowRequestMs: config.slowRequestMs } : {}),
  });
  const address = await app.listen({ port, host });
  // E-mail only when an SMTP server is configured; the in-app inbox always works.
  if (config.smtpUrl) useMailer(smtpMailer(config.smtpUrl, config.smtpFrom));
  const stopJob = startNotificationJob(ctx, config.notifyIntervalSeconds * 1000, (e) =>
    process.stderr.write(`notification job: ${e instanceof Error ? e.message : String(e)}
`),
  );
  // Signed checkpoints of the audit chain: every N entries, and a last one at shutdown.
  const stopCheckpoints = ctx.auditSeal
    ? startCheckpointJob(
        ctx,
        ctx.auditSeal,
        { every: config.audit.checkpointEvery, intervalMs: 30_000 },
        (e) => process.stderr.write(`audit checkpoint: ${e instanceof Error ? e.message : String(e)}\n`),
      )
    : async () => {};
  if (!ctx.auditSeal)
    process.stderr.write(
      'giaoban: no audit key (GIAOBAN_AUDIT_KEY_FILE): the audit log is not checkpointed and cannot be checked against truncation\n',
    );
  exitOnSignals(
    app,
    async () => {
      stopJob();
      await stopCheckpoints();
      await ctx.close();
    },
    config.shutdownTimeoutMs,
    (line) =>
      process.stderr.write(`giaoban: ${line}
`),
  );
  // A fatal error ends the process with a non-zero code, so that a supervisor (systemd Restart=on-failure)
  // starts it again; carrying on in an unknown state would be worse.
  const fatal = (error: unknown) => {
    process.stderr.write(
      `giaoban: fatal error, stopping: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  };
  process.once('uncaughtException', fatal);
  process.once('unhandledRejection', fatal);
  return address.replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
}

const program = new Command();
program
  .name('giaoban')
  .description('Báo cáo định kỳ và hội nghị giao ban — periodic reporting and monthly briefing')
  .showHelpAfterError()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

program
  .command('migrate')
  .description('Cập nhật lược đồ cơ sở dữ liệu (bring the database schema up to date)')
  .action(async () => {
    const store = await openStore(config.databaseUrl);
    try {
      const applied = await migrate(store);
      process.stdout.write(
        applied.length > 0 ? `applied: ${applied.join(', ')}\n` : 'schema is up to date\n',
      );
    } finally {
      await store.close();
    }
  });

program
  .command('demo')
  .description('Tạo và nạp dữ liệu minh họa (load the demo data; a second run changes nothing)')
  .addOption(
    new Option('--scale <scale>', 'full: every commune after the 2025 reform; small: a sample')
      .choices(['full', 'small'])
      .default('full'),
  )
  .action(async (opts: { scale: DemoScale }) => {
    await withApp(async (ctx) => {
      const started = Date.now();
      const result = await loadDemo(ctx, {
        scale: opts.scale,
        onProgress: (label, done, total) => {
          if (process.stderr.isTTY) process.stderr.write(`\r  ${label} (${done}/${total})   `);
        },
      });
      if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
      if (!result.loaded)
        process.stdout.write(`demo data already loaded (to ${result.to}); nothing changed\n`);
      else
        process.stdout.write(
          `demo data loaded: ${formatNumber(result.values)} figures, ${formatNumber(result.submissions)} submissions, ${result.months} months to ${result.to} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
        );
    });
  });

program
  .command('serve')
  .description('Chạy máy chủ web (run the web server)')
  .option('--port <port>', 'port', String(config.port))
  .option('--host <host>', 'address to listen on', config.host)
  .action(async (opts: { port: string; host: string }) => {
    const ctx = await openApp(openOptions());
    const url = await startServer(ctx, Number(opts.port), opts.host);
    process.stdout.write(`giaoban is running at ${url}\n`);
  });

program
  .command('start')
  .description(
    'Chuẩn bị và chạy: lược đồ, dữ liệu minh họa, tài khoản quản trị, máy chủ (first run does everything)',
  )
  .option('--port <port>', 'port', String(config.port))
  .option('--host <host>', 'address to listen on', config.host)
  .addOption(new Option('--scale <scale>', 'demo data size').choices(['full', 'small']).default('full'))
  .action(async (opts: { port: string; host: string; scale: DemoScale }) => {
    // First run: an audit key beside the database, unless one is configured.
    if (!config.audit.keyFile && !config.audit.keyPem && createKeyFileIfMissing(fallbackAuditKey)) {
      process.stdout.write(
        `audit signing key created: ${fallbackAuditKey} (mode 0600; keep a copy off this machine; set GIAOBAN_AUDIT_KEY_FILE to move it)\n`,
      );
    }
    const ctx = await openApp(openOptions());
    process.stdout.write(`database: ${config.databaseUrl}\n`);
    if (ctx.auditSeal)
      process.stdout.write(
        `audit key: ${ctx.auditSeal.keySource} (key ${ctx.auditSeal.keyId}); checkpoints: ${ctx.auditSeal.checkpointFile}\n`,
      );
    const demo = await loadDemo(ctx, { scale: opts.scale });
    process.stdout.write(
      demo.loaded
        ? `demo data loaded: ${formatNumber(demo.values)} figures to ${demo.to}\n`
        : 'demo data: already loaded\n',
    );
    const admin = await ensureAdministrator(ctx);
    const accounts = demo.loaded ? await createDemoAccounts(ctx) : [];
    const url = await startServer(ctx, Number(opts.port), opts.host);
    process.stdout.write(`\ngiaoban is running at ${url}\n`);
    if (admin) {
      process.stdout.write(
        `\nadministrator account created — username: ${admin.username}  password: ${admin.password}\n`,
      );
    }
    if (accounts.length > 0) {
      process.stdout.write(
        '\ndemo accounts (administrators manage users but, by policy, read no figures):\n',
      );
      for (const a of accounts)
        process.stdout.write(`  ${a.username.padEnd(18)} ${a.password}  ${a.description}\n`);
    }
    if (admin || accounts.length > 0) {
      process.stdout.write('(passwords are shown only this once)\n');
      // Every one of these accounts approves, administers or is cleared above unclassified.
      process.stdout.write(
        'each account enrols a second factor at its first sign-in: keep an authenticator app (TOTP) at hand;\n' +
          'the page shows the QR code and the key, then asks for the 6-digit code\n',
      );
    }
  });

program
  .command('units')
  .description('Các đơn vị có hiệu lực vào một ngày (units valid on a date)')
  .option('--at <date>', 'date YYYY-MM-DD (default today)')
  .addOption(
    new Option('--kind <kind>').choices(['ministry', 'department', 'province', 'district', 'commune']),
  )
  .option('--parent <code>', 'only the children of this unit')
  .option('--json', 'JSON output')
  .action(async (opts: { at?: string; kind?: 'province'; parent?: string; json?: boolean }) => {
    await withApp(async (ctx) => {
      const at = checkDate(opts.at, 'at') ?? ctx.clock.today();
      let units = ctx.graph.unitsOn(at, opts.kind);
      if (opts.parent) {
        const parent = ctx.graph.findByCode(opts.parent, at);
        if (!parent)
          throw new AppError(
            'not_found',
            `Không có đơn vị mã "${opts.parent}" vào ngày ${at}`,
            `no unit ${opts.parent} on ${at}`,
          );
        const children = new Set(ctx.graph.childrenOn(parent.id, at));
        units = units.filter((u) => children.has(u.id));
      }
      const views = units
        .map((u) => presentUnit(ctx.graph, u, at))
        .sort((a, b) => a.code.localeCompare(b.code));
      if (opts.json) printJson(views);
      else
        printTable(
          ['code', 'kind', 'name', 'parent'],
          views.map((v) => [v.code, v.kind, v.name, v.parent]),
        );
    });
  });

program
  .command('indicators')
  .description('Danh mục chỉ tiêu (the indicator catalogue)')
  .option('--json', 'JSON output')
  .action(async (opts: { json?: boolean }) => {
    await withApp(async (ctx) => {
      const list = ctx.catalogue.indicators.map(presentIndicator);
      if (opts.json) printJson(list);
      else
        printTable(
          ['code', 'unit', 'name', 'options'],
          list.map((i) => [i.code, i.unit, i.name, i.options.map((o) => o.code).join(', ')]),
        );
    });
  });

program
  .command('forms')
  .description('Biểu mẫu báo cáo (report forms)')
  .option('--json', 'JSON output')
  .action(async (opts: { json?: boolean }) => {
    await withApp(async (ctx) => {
      const list = ctx.catalogue.forms.map(presentForm);
      if (opts.json) printJson({ fields: FIELDS, forms: list });
      else
        printTable(
          ['code', 'period', 'name', 'indicators'],
          list.map((f) => [f.code, f.periodType, f.name, f.indicators.length]),
        );
    });
  });

program
  .command('query')
  .description(
    'Tổng hợp số liệu của một đơn vị (cả cây trực thuộc) cho một kỳ (aggregate a subtree for a period)',
  )
  .requiredOption('--unit <code>', 'unit code, e.g. BCA, 40, C04')
  .requiredOption(
    '--period <id>',
    'period: 2020-02, 2020-Q1, 2020-H1, 2020, 2020-02-ytd, 2020-02-15, 2020-01-09..2020-02-08',
  )
  .option('--indicator <code>', 'only this indicator')
  .option('--compare', 'add previous period, same period last year and year to date')
  .option('--as-of <instant>', 'figures as they stood then, e.g. 2020-02-26T08:00')
  .option(
    '--include <level>',
    'which reports count: approved, submitted (default: submitted, approved and locked) or draft (everything stored)',
  )
  .option('--as <username>', 'act as this user: their scope and clearance apply')
  .option('--json', 'JSON output')
  .action(
    async (opts: {
      unit: string;
      period: string;
      indicator?: string;
      compare?: boolean;
      asOf?: string;
      include?: string;
      as?: string;
      json?: boolean;
    }) => {
      await withApp(async (ctx) => {
        const acting = await actingAs(ctx, opts.as);
        const period = resolvePeriod(opts.period);
        const unit = resolveUnitForPeriod(ctx.graph, opts.unit, period);
        cliGuard(ctx, acting, 'aggregate.read', unit.id, 'none', referenceDate(period));
        // The same read gate as GET /api/aggregates: rows above the acting user's clearance are left out.
        const result = await readAggregates(ctx, acting, { ...opts, include: parseInclude(opts.include) });
        const classified = result.secrecy;
        if (classified !== 'none') {
          await auditCli(ctx, acting, {
            action: 'read.classified',
            target: `aggregates:${unit.code}/${period.id}`,
            unitId: unit.id,
            secrecy: classified,
            details: { via: 'cli' },
          });
        }
        if (opts.json) {
          printJson(result.rows);
          return;
        }
        process.stdout.write(
          `${result.unit.name} — ${result.period.label} (${result.period.start} → ${result.period.end})${result.asOf ? `, as of ${result.asOf}` : ''}; counts ${result.counts.join(', ')} reports\n`,
        );
        printTable(
          opts.compare
            ? ['indicator', 'option', 'value', 'unit', 'prev', 'yoy', 'ytd', 'ytd_prev']
            : ['indicator', 'option', 'value', 'unit'],
          result.rows.map((r) => {
            const f = (v: number | null | undefined) =>
              v === null || v === undefined ? null : formatNumber(v, r.decimals);
            const base = [r.indicator, r.option, f(r.value), r.unit];
            return opts.compare ? [...base, f(r.prev), f(r.yoy), f(r.ytd), f(r.ytd_prev)] : base;
          }),
        );
      });
    },
  );

program
  .command('tet')
  .description(
    'So sánh khoảng thời gian quanh Tết với cùng khoảng âm lịch năm trước (lunar-aligned comparison)',
  )
  .option('--unit <code>', 'unit', 'BCA')
  .requiredOption('--year <year>', 'lunar year of the Tết, e.g. 2026')
  .option('--from <days>', 'first day, counted from mùng 1 Tết', '-7')
  .option('--to <days>', 'last day, counted from mùng 1 Tết', '9')
  .option('--as <username>', 'act as this user: their scope and clearance apply')
  .option('--json', 'JSON output')
  .action(
    async (opts: { unit: string; year: string; from: string; to: string; as?: string; json?: boolean }) => {
      await withApp(async (ctx) => {
        const acting = await actingAs(ctx, opts.as);
        const { unitId, ...result } = await readTetWindow(
          ctx,
          {
            unit: opts.unit,
            year: Number(opts.year),
            fromOffset: Number(opts.from),
            toOffset: Number(opts.to),
          },
          (id, date) => {
            cliGuard(ctx, acting, 'aggregate.read', id, 'none', date);
            return acting;
          },
        );
        if (result.secrecy !== 'none')
          await auditCli(ctx, acting, {
            action: 'read.classified',
            target: `tet:${result.unit.code}/${opts.year}`,
            unitId,
            secrecy: result.secrecy,
            details: { via: 'cli' },
          });
        if (opts.json) {
          printJson(result);
          return;
        }
        process.stdout.write(
          `${result.window.name}: ${result.window.start} → ${result.window.end}; năm trước ${result.lastYearWindow.start} → ${result.lastYearWindow.end}\n`,
        );
        printTable(
          ['indicator', 'value', 'last year', 'change'],
          result.rows.map((r) => [
            r.indicator,
            r.value,
            r.lastYear,
            r.change
              ? `${r.change.absolute}${r.change.percent === null ? '' : ` (${r.change.percent}%)`}`
              : null,
          ]),
        );
      });
    },
  );

program
  .command('corrections')
  .description('Các đính chính số liệu sau một thời điểm (what changed since a briefing, and why)')
  .requiredOption('--unit <code>', 'unit')
  .requiredOption('--period <id>', 'period')
  .requiredOption('--as-of <instant>', 'the moment, e.g. 2020-02-26T08:00')
  .option('--indicator <code>', 'only this indicator')
  .option('--as <username>', 'act as this user: their scope and clearance apply')
  .option('--json', 'JSON output')
  .action(
    async (opts: {
      unit: string;
      period: string;
      asOf: string;
      indicator?: string;
      as?: string;
      json?: boolean;
    }) => {
      await withApp(async (ctx) => {
        const acting = await actingAs(ctx, opts.as);
        const period = resolvePeriod(opts.period);
        const unit = resolveUnitForPeriod(ctx.graph, opts.unit, period);
        cliGuard(ctx, acting, 'aggregate.read', unit.id, 'none', referenceDate(period));
        const result = await readCorrections(ctx, acting, opts);
        if (result.secrecy !== 'none')
          await auditCli(ctx, acting, {
            action: 'read.classified',
            target: `corrections:${unit.code}/${period.id}`,
            unitId: unit.id,
            secrecy: result.secrecy,
            details: { via: 'cli', asOf: opts.asOf },
          });
        if (opts.json) printJson(result);
        else
          printTable(
            ['at', 'unit', 'indicator', 'before', 'after', 'reason'],
            result.corrections.map((c) => [c.at, c.unit, c.indicator, c.before, c.after, c.reason]),
          );
      });
    },
  );

program
  .command('meetings')
  .description('Hội nghị giao ban (briefing meetings)')
  .option('--json', 'print a JSON array')
  .action(async (opts: { json?: boolean }) => {
    await withApp((ctx) => runMeetings(ctx, opts));
  });

program
  .command('tasks')
  .description('Nhiệm vụ và tình trạng thực hiện, tính theo hạn đang hiệu lực (tasks with derived status)')
  .option('--json', 'print a JSON array')
  .option('--status <status>', 'not_started | in_progress | done_on_time | done_late | overdue | cancelled')
  .option('--at <date>', 'judge statuses as of this date (YYYY-MM-DD); default today')
  .option('--unit <code>', 'only this unit’s tasks')
  .action(async (opts: { json?: boolean; status?: string; at?: string; unit?: string }) => {
    checkDate(opts.at, 'at');
    await withApp((ctx) => runTasks(ctx, opts));
  });

program
  .command('report')
  .description(
    'Báo cáo định kỳ theo thể thức Nghị định 30/2020: tháng, quý, 6 tháng, 9 tháng, năm (the periodic briefing report)',
  )
  .requiredOption(
    '--period <id>',
    'kỳ báo cáo: 2020-02 (tháng), 2020-Q1 (quý), 2020-H1 (6 tháng), 2020-09-ytd (9 tháng), 2020 (năm)',
  )
  .option('--signer <n>', 'người ký thứ n trong danh sách của đơn vị (0 = người đầu tiên)')
  .option('--unit <code>', 'unit (the nation by default)', 'BCA')
  .addOption(
    new Option('--format <format>', 'docx, xlsx or pdf').choices(['docx', 'xlsx', 'pdf']).default('docx'),
  )
  .requiredOption('-o, --output <file>', 'where to write the document')
  .option('--date <date>', 'date of the document (default: the issue moment of the period)')
  .option('--as <username>', 'act as this user: their scope and clearance apply')
  .action(
    async (opts: {
      period: string;
      unit: string;
      format: ReportFormat;
      output: string;
      date?: string;
      as?: string;
      signer?: string;
    }) => {
      await withApp(async (ctx) => {
        const acting = await actingAs(ctx, opts.as);
        const period = resolvePeriod(opts.period);
        const unit = resolveUnitForPeriod(ctx.graph, opts.unit, period);
        cliGuard(ctx, acting, 'document.generate', unit.id, 'none', referenceDate(period));
        const result = await renderBriefing(ctx, {
          unit: opts.unit,
          period: opts.period,
          format: opts.format,
          clearance: acting.clearance,
          issueDate: checkDate(opts.date, 'date'),
          signer: opts.signer === undefined ? undefined : Number(opts.signer),
        });
        await writeFile(opts.output, result.buffer);
        await auditCli(ctx, acting, {
          action: 'document.generate',
          target: `report:${unit.code}/${period.id}.${opts.format}`,
          unitId: unit.id,
          secrecy: result.secrecy,
          details: { via: 'cli', bytes: result.buffer.length },
        });
        process.stdout.write(
          `${opts.output}: ${formatNumber(result.buffer.length)} bytes${result.secrecy !== 'none' ? `, marked ${SECRECY_MARK[result.secrecy]}` : ''}\n`,
        );
      });
    },
  );

program
  .command('export')
  .description('Xuất số liệu một đơn vị, một kỳ (export a unit’s figures: json is DHIS2 dataValueSets)')
  .requiredOption('--unit <code>', 'unit code')
  .requiredOption('--period <id>', 'period, e.g. 2020-02 or DHIS2’s 202002 (also 2020Q1, 2020S1, 20200215)')
  .option('--form <code>', 'report form', 'BC-THANG')
  .addOption(new Option('--format <format>').choices(['json', 'csv', 'xlsx']).default('json'))
  .requiredOption('-o, --output <file>', 'where to write the file')
  .option('--as <username>', 'act as this user: their scope and clearance apply')
  .option('--children', 'json only: the units below the unit too (DHIS2 children=true)')
  .addOption(
    new Option('--id-scheme <scheme>', 'json only: identifiers').choices(['code', 'uid']).default('code'),
  )
  .action(
    async (opts: {
      unit: string;
      period: string;
      form: string;
      format: 'json' | 'csv' | 'xlsx';
      output: string;
      as?: string;
      children?: boolean;
      idScheme: 'code' | 'uid';
    }) => {
      await withApp(async (ctx) => {
        const acting = await actingAs(ctx, opts.as);
        const period = resolveAnyPeriod(opts.period);
        const unit = resolveUnitForPeriod(ctx.graph, opts.unit, period);
        const form = ctx.catalogue.form(opts.form);
        cliGuard(ctx, acting, 'export', unit.id, form?.secrecy ?? 'none', referenceDate(period));
        const result = await runExport(ctx, { ...opts, reader: acting });
        await auditCli(ctx, acting, {
          action: 'export.figures',
          target: `values:${opts.form}/${unit.code}/${period.id}.${opts.format}`,
          unitId: unit.id,
          secrecy: result.secrecy,
          details: {
            via: 'cli',
            form: opts.form,
            unitLevel: result.unitKind,
            format: opts.format,
            formSecrecy: form?.secrecy ?? 'none',
            secrecy: result.secrecy,
            withheld: result.withheld,
            bytes: result.bytes,
          },
        });
        process.stdout.write(`${result.path}: ${formatNumber(result.bytes)} bytes\n`);
      });
    },
  );

program
  .command('import')
  .description('Nhập số liệu từ tệp CSV, XLSX hoặc JSON (DHIS2); tất cả hoặc không có gì')
  .argument('<file>', 'the file to import')
  .option('--dry-run', 'check only, write nothing')
  .option('--json', 'print the summary as JSON {imported, updated, unchanged, rejected}')
  .option('--as <username>', 'act as this user: rows for units they may not write are rejected')
  .action(async (file: string, opts: { dryRun?: boolean; json?: boolean; as?: string }) => {
    await withApp(async (ctx) => {
      const acting = await actingAs(ctx, opts.as);
      const { exitCode } = await runImport(ctx, {
        file,
        dryRun: opts.dryRun ?? false,
        json: opts.json ?? false,
        actor: acting.actor,
        ...(acting.user ? { canWrite: cliCanWrite(ctx, acting) } : {}),
      });
      process.exitCode = exitCode;
    });
  });

program
  .command('backup')
  .description(
    'Sao lưu trực tuyến cơ sở dữ liệu (online backup: SQLite backup API, or pg_dump -Fc on PostgreSQL)',
  )
  .argument('<file>', 'where to write the backup')
  .action(async (file: string) => {
    await withApp(async (ctx) => {
      const result = ctx.store.sqlite
        ? await backupSqlite(ctx.store.sqlite, file)
        : await backupPostgres(ctx.store.url, file);
      await auditCli(ctx, await actingAs(ctx, undefined), {
        action: 'system.backup',
        target: `file:${file}`,
        unitId: null,
        secrecy: 'tuyet_mat',
        details: { bytes: result.bytes },
      });
      process.stdout.write(`${file}: ${formatNumber(result.bytes)} bytes, integrity ok\n`);
    });
  });

program
  .command('restore')
  .description(
    'Khôi phục từ bản sao lưu (online restore; pg_restore in one transaction on PostgreSQL; restart servers afterwards)',
  )
  .argument('<file>', 'a backup made by giaoban backup')
  .action(async (file: string) => {
    await withApp(async (ctx) => {
      if (!ctx.store.sqlite) {
        const result = await restorePostgres(ctx.store.url, file);
        await auditCli(ctx, await actingAs(ctx, undefined), {
          action: 'system.restore',
          target: `file:${file}`,
          unitId: null,
          secrecy: 'tuyet_mat',
          details: { entries: result.entries },
        });
        process.stdout.write(`restored ${formatNumber(result.entries)} entries from ${file}\n`);
        return;
      }
      const result = await restoreSqlite(ctx.store.sqlite, file);
      await auditCli(ctx, await actingAs(ctx, undefined), {
        action: 'system.restore',
        target: `file:${file}`,
        unitId: null,
        secrecy: 'tuyet_mat',
        details: { pages: result.pages },
      });
      process.stdout.write(`restored ${formatNumber(result.pages)} pages from ${file}\n`);
    });
  });

const audit = program.command('audit').description('Nhật ký kiểm toán (the tamper-evident audit log)');
audit
  .command('verify')
  .description(
    'Kiểm tra chuỗi băm, các điểm kiểm tra đã ký và số liệu được niêm phong; thoát khác 0 và nêu chỗ bị sửa hoặc xóa',
  )
  .option('--json', 'JSON output')
  .action(async (opts: { json?: boolean }) => {
    await withApp(async (ctx) => {
      const verdict = await checkAuditIntegrity(ctx);
      if (opts.json) printJson(verdict);
      else if (verdict.ok) {
        process.stdout.write(
          `audit log intact: ${formatNumber(verdict.count)} entries, head ${verdict.headHash.slice(0, 16)}…; ${formatNumber(verdict.figures.changeSets)} change sets of figures sealed\n`,
        );
        for (const r of verdict.figures.sealedRetroactively)
          process.stdout.write(
            `${formatNumber(r.changeIds.length)} change sets written before seals existed were sealed retroactively at ${r.at} (entry ${r.seq})\n`,
          );
        if (verdict.figures.notCovered > 0)
          process.stdout.write(
            `${formatNumber(verdict.figures.notCovered)} change sets written before seals existed are not covered (giaoban audit seal-legacy)\n`,
          );
        process.stdout.write(
          verdict.checkpoint
            ? `last signed checkpoint: entry ${verdict.checkpoint.seq} at ${verdict.checkpoint.at} (key ${verdict.checkpoint.keyId})\n`
            : verdict.sealed
              ? 'no signed checkpoint yet (giaoban audit checkpoint)\n'
              : 'no audit key configured: truncation and re-chaining cannot be detected (GIAOBAN_AUDIT_KEY_FILE)\n',
        );
      } else
        for (const p of verdict.problems) process.stderr.write(`giaoban: ${p.messageVi} (${p.messageEn})\n`);
      if (!verdict.ok) process.exitCode = 8;
    });
  });

audit
  .command('checkpoint')
  .description('Ký một điểm kiểm tra của đầu chuỗi nhật ký (sign a checkpoint of the chain head now)')
  .option('--json', 'JSON output')
  .action(async (opts: { json?: boolean }) => {
    await withApp(async (ctx) => {
      if (!ctx.auditSeal)
        throw new AppError(
          'bad_request',
          'Chưa có khóa ký nhật ký: đặt GIAOBAN_AUDIT_KEY_FILE (hoặc chạy giaoban start một lần)',
          'no audit key: set GIAOBAN_AUDIT_KEY_FILE (or run giaoban start once)',
        );
      const c = await writeCheckpoint(ctx.store, ctx.auditSeal, ctx.clock.now().toISOString());
      if (opts.json) printJson(c);
      else
        process.stdout.write(
          `checkpoint signed: entry ${c.seq}, head ${c.headHash.slice(0, 16)}…, key ${c.keyId} → ${ctx.auditSeal.checkpointFile}\n`,
        );
    });
  });

audit
  .command('rotate-key')
  .description(
    'Đổi khóa ký nhật ký: khóa mới thay khóa trong GIAOBAN_AUDIT_KEY_FILE, khóa cũ ký lần đổi và được giữ trong tệp khóa đã thay (rotate the audit key; run with the server stopped)',
  )
  .option('--json', 'JSON output')
  .action(async (opts: { json?: boolean }) => {
    await withApp(async (ctx) => {
      const acting = await actingAs(ctx, undefined);
      const { rotation, checkpoint, seal } = await rotateAuditKey(ctx, acting.actor);
      if (opts.json) printJson({ rotation, checkpoint, keyringFile: seal.keyringFile });
      else
        process.stdout.write(
          `audit key rotated at entry ${rotation.seq}: key ${rotation.keyId} → ${rotation.newKeyId} (${seal.keySource}); the old public key and the rotation signed by it → ${seal.keyringFile}; first checkpoint of the new key: entry ${checkpoint.seq}\n`,
        );
    });
  });

audit
  .command('seal-legacy')
  .description(
    'Niêm phong một lần các lần thay đổi số liệu ghi trước khi có dấu niêm phong (migration 0015), theo trạng thái hiện có; việc này được ghi nhật ký và ký (seal pre-0015 change sets once, as found)',
  )
  .option('--json', 'JSON output')
  .action(async (opts: { json?: boolean }) => {
    await withApp(async (ctx) => {
      const acting = await actingAs(ctx, undefined);
      const result = await sealLegacyChangeSets(ctx, acting.actor);
      if (opts.json) printJson(result);
      else
        process.stdout.write(
          result.changeIds.length === 0
            ? 'no change set left to seal: every change set is sealed\n'
            : `${formatNumber(result.changeIds.length)} change sets sealed retroactively (${result.changeIds[0]}–${result.changeIds.at(-1)}), signed at entry ${result.checkpoint?.seq}\n`,
        );
    });
  });

program
  .command('extract')
  .description('Đọc số liệu từ báo cáo viết bằng lời (plain text or .docx; "-" or nothing reads stdin)')
  .argument('[file]', 'a .txt or .docx file, or - for standard input')
  .option('--json', 'JSON output: {figures, comparisons, period, unit}')
  .action(async (file: string | undefined, opts: { json?: boolean }) => {
    let text: string;
    if (!file || file === '-') {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      text = Buffer.concat(chunks).toString('utf8');
    } else {
      const buffer = await readFile(file).catch(() => {
        throw new AppError('not_found', `Không đọc được tệp "${file}"`, `cannot read "${file}"`, [
          { field: 'file', reason: 'không tồn tại hoặc không đọc được' },
        ]);
      });
      text = file.toLowerCase().endsWith('.docx')
        ? await extractTextFromDocx(buffer)
        : buffer.toString('utf8');
    }
    const result = extract(text, INDICATORS);
    if (opts.json) {
      printJson({
        figures: result.figures,
        comparisons: result.comparisons,
        period: result.period ?? null,
        unit: result.unit ?? null,
      });
      return;
    }
    printTable(
      ['indicator', 'option', 'noun', 'value', 'unit', 'approx', 'text'],
      result.figures.map((f) => [
        f.indicator,
        f.option,
        f.noun,
        f.value_max === null
          ? formatNumber(f.value, 3)
          : `${formatNumber(f.value, 3)}–${formatNumber(f.value_max, 3)}`,
        f.unit,
        f.approx ?? '',
        result.text.slice(f.span[0], f.span[1]),
      ]),
    );
  });

program
  .command('verify <file>')
  .description('Kiểm tra chữ ký số của văn bản PDF: người ký, thời gian ký, toàn vẹn (verify a signed PDF)')
  .option('--json', 'machine-readable output')
  .action(async (file: string, opts: { json?: boolean }) => {
    const pdf = await readFile(file).catch(() => {
      throw new AppError('not_found', `Không đọc được tệp ${file}`, `cannot read ${file}`);
    });
    const v = verifyDocument(pdf);
    if (opts.json) printJson(v);
    else {
      process.stdout.write(
        `${file}: ${v.signed ? (v.intact ? 'chữ ký hợp lệ, tệp toàn vẹn' : 'KHÔNG toàn vẹn') : 'không có chữ ký số'}\n`,
      );
      if (v.signer)
        process.stdout.write(`  người ký: ${v.signer}${v.organisation ? ` (${v.organisation})` : ''}\n`);
      if (v.signingTime) process.stdout.write(`  thời gian ký: ${v.signingTime}\n`);
      for (const p of v.problems) process.stdout.write(`  lỗi: ${p}\n`);
    }
    if (!v.intact) process.exitCode = 6;
  });

program.parseAsync(process.argv).catch((error: unknown) => failWith(error, process.argv.includes('--debug')));
