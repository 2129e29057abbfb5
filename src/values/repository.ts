import { setImmediate as nextTurn } from 'node:timers/promises';
import { type Kysely, PostgresAdapter, type SelectQueryBuilder, sql } from 'kysely';
import type { AuditDraft } from '../audit/chain.ts';
import { FigureSealer } from '../audit/figures.ts';
import { appendAudit, appendAuditSync } from '../audit/repository.ts';
import { copyField } from '../db/copy.ts';
import { ensureYearPartitions, periodYear } from '../db/partitions.ts';
import type { Database } from '../db/schema.ts';
import type { CopyIn, Store } from '../db/store.ts';
import { noteFiguresWritten } from '../shared/telemetry.ts';
import type { UnitGraph } from '../units/graph.ts';
import { cellsFromText } from './cell-text.ts';
import { inPrimaryKeyOrder, reportsOf } from './figure-order.ts';
import {
  type ChangeSetInput,
  EDITABLE_STATUSES,
  keyString,
  type ReportKey,
  ReportNotEditableError,
  type StoredValue,
  type ValueInput,
  type ValueKey,
  VersionConflictError,
  type WriteSummary,
} from './model.ts';
import { savePostgres } from './postgres-saves.ts';
import { RollupAccumulator, type RollupDelta, rollupRow } from './rollup.ts';
import { type AuditFor, type ExistingRow, figureChange, sealedDraft } from './write-plan.ts';

export type { AuditFor } from './write-plan.ts';

/** Above this many figures for one period and form, existing values are read in one scan instead of one by one. */
const SCAN_THRESHOLD = 2000;
/** New figures are inserted this many per statement: fewer calls into SQLite for bulk imports. */
const INSERT_BATCH = 100;
const PG_CHUNK = 20_000;
/** From this many figures on, PostgreSQL writes go through COPY into a staging table (imports, whole reports). */
export const PG_BULK_THRESHOLD = 1000;

/**
 * Writes figures in one transaction: new keys are inserted at version 1, changed ones move their previous version
 * to history, identical ones are left alone (so a repeated import changes nothing, not even a change record), and
 * the subtree roll-ups are updated in the same transaction, so a saved figure is in every aggregate at once.
 * A version mismatch aborts the whole write.
 */
export async function writeValues(
  store: Store,
  graph: UnitGraph,
  inputs: ValueInput[],
  change: ChangeSetInput,
  audit?: AuditFor,
  /** Refuses the write (ReportNotEditableError) unless these reports are editable, checked inside the transaction. */
  editableReports: readonly ReportKey[] = [],
): Promise<WriteSummary> {
  const groups = groupInputs(inputs);
  assertUniqueKeys(groups);
  // Roll-up rows written, reported with the figures once the transaction has committed.
  const stats = { rollups: 0 };
  const committed = (summary: WriteSummary): WriteSummary => {
    noteFiguresWritten({
      source: change.source,
      figures: summary.inserted + summary.updated,
      rollups: stats.rollups,
    });
    return summary;
  };
  if (store.sqlite) {
    const sqlite = store.sqlite;
    return committed(
      await store.exclusive(async () =>
        writeValuesSqlite(sqlite, graph, groups, change, audit, stats, editableReports),
      ),
    );
  }
  await ensureYearPartitions(store, new Set(groups.map((g) => periodYear(g.period))));
  try {
    if (inputs.length >= PG_BULK_THRESHOLD && store.writeWithCopy)
      return committed(
        await store.writeWithCopy((trx, copy) =>
          writeValuesPostgresBulk(trx, copy, graph, groups, change, audit, stats, editableReports),
        ),
      );
    return committed(await savePostgres(store, { graph, inputs, change, audit, stats, editableReports }));
  } catch (error) {
    // Two writers creating the same new figure at once: the second meets the first's key. Under READ COMMITTED the
    // rows read FOR UPDATE cover existing figures; this covers the new ones.
    if ((error as { code?: string }).code === '23505' && inputs[0])
      throw new VersionConflictError(inputs[0], 0, 1);
    throw error;
  }
}

/** A numeric key of (unit, indicator, option) within one period and form: cheaper than text for million-figure writes. */
function figureKey(unitId: number, indicatorId: number, optionId: number): number {
  return (unitId * 100_000 + indicatorId) * 100_000 + optionId;
}

/**
 * Refuses a write that holds the same figure twice. Per period and form, the numeric keys are sorted and neighbours
 * compared: a typed-array sort costs a tenth of a hash set of a million-figure import's keys.
 */
function assertUniqueKeys(groups: readonly InputGroup[]): void {
  for (const { inputs } of groups) {
    const keys = new Float64Array(inputs.length);
    for (let i = 0; i < inputs.length; i++) {
      const input = inputs[i] as ValueInput;
      keys[i] = figureKey(input.unitId, input.indicatorId, input.optionId);
    }
    keys.sort();
    for (let i = 1; i < keys.length; i++) {
      if (keys[i] !== keys[i - 1]) continue;
      const twice = inputs.find(
        (x) => figureKey(x.unitId, x.indicatorId, x.optionId) === keys[i],
      ) as ValueInput;
      throw new Error(`the same figure appears twice in one write (${keyString(twice)})`);
    }
  }
}

type Sqlite = NonNullable<Store['sqlite']>;

const statementCache = new WeakMap<Sqlite, ReturnType<typeof prepareSqlite>>();

function prepareSqlite(db: Sqlite) {
  return {
    insertChange: db.prepare('INSERT INTO change_set (at, user_id, source, reason) VALUES (?, ?, ?, ?)'),
    deleteChange: db.prepare('DELETE FROM change_set WHERE id = ?'),
    selectOne: db.prepare(
      'SELECT value, comment, version, change_id FROM data_value WHERE period = ? AND indicator_id = ? AND option_id = ? AND unit_id = ? AND form_id = ?',
    ),
    countGroup: db.prepare('SELECT count(*) AS n FROM data_value WHERE period = ? AND form_id = ?'),
    selectGroup: db.prepare(
      'SELECT indicator_id, option_id, unit_id, value, comment, version, change_id FROM data_value WHERE period = ? AND form_id = ?',
    ),
    insertValues: db.prepare(
      `INSERT INTO data_value (period, indicator_id, option_id, unit_id, form_id, value, comment, version, change_id) VALUES ${Array.from(
        { length: INSERT_BATCH },
        () => '(?, ?, ?, ?, ?, ?, ?, 1, ?)',
      ).join(', ')}`,
    ),
    insertValue: db.prepare(
      'INSERT INTO data_value (period, indicator_id, option_id, unit_id, form_id, value, comment, version, change_id) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)',
    ),
    updateValue: db.prepare(
      'UPDATE data_value SET value = ?, comment = ?, version = ?, change_id = ? WHERE period = ? AND indicator_id = ? AND option_id = ? AND unit_id = ? AND form_id = ?',
    ),
    insertHistory: db.prepare(
      'INSERT INTO data_value_history (period, indicator_id, option_id, unit_id, form_id, version, value, comment, change_id, superseded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    reportStatus: db.prepare(
      'SELECT status FROM submission WHERE form_id = ? AND unit_id = ? AND period = ?',
    ),
    ensureReport: db.prepare(
      "INSERT INTO submission (form_id, unit_id, period, status, version, updated_at) VALUES (?, ?, ?, 'draft', 1, ?) ON CONFLICT (form_id, period, unit_id) DO NOTHING",
    ),
    upsertRollup: db.prepare(
      `INSERT INTO value_rollup (period, indicator_id, option_id, unit_id, value, value_count) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (unit_id, period, indicator_id, option_id) DO UPDATE SET value = value + excluded.value, value_count = value_count + excluded.value_count`,
    ),
  };
}

function statements(db: Sqlite) {
  let found = statementCache.get(db);
  if (!found) {
    found = prepareSqlite(db);
    statementCache.set(db, found);
  }
  return found;
}

/** The figures of one write for one period and form, in the order given. */
interface InputGroup {
  period: string;
  formId: number;
  inputs: ValueInput[];
}

/** A write's figures by period and form; neighbours of the same group (the usual order) cost no lookup. */
function groupInputs(inputs: readonly ValueInput[]): InputGroup[] {
  const groups = new Map<string, InputGroup>();
  let last: InputGroup | undefined;
  for (const input of inputs) {
    if (!last || last.period !== input.period || last.formId !== input.formId) {
      const key = `${input.period}|${input.formId}`;
      last = groups.get(key);
      if (!last) {
        last = { period: input.period, formId: input.formId, inputs: [] };
        groups.set(key, last);
      }
    }
    last.inputs.push(input);
  }
  return [...groups.values()];
}

function writeValuesSqlite(
  db: Sqlite,
  graph: UnitGraph,
  groups: readonly InputGroup[],
  change: ChangeSetInput,
  audit?: AuditFor,
  stats: { rollups: number } = { rollups: 0 },
  editableReports: readonly ReportKey[] = [],
): WriteSummary {
  const s = statements(db);
  const run = db.transaction((): WriteSummary => {
    for (const report of editableReports) {
      const row = s.reportStatus.get(report.formId, report.unitId, report.period) as
        | { status: string }
        | undefined;
      const status = row?.status ?? 'draft';
      if (!EDITABLE_STATUSES.has(status)) throw new ReportNotEditableError(status, report);
    }
    const changeId = Number(
      s.insertChange.run(change.at, change.userId, change.source, change.reason).lastInsertRowid,
    );
    const rollups = new RollupAccumulator(graph);
    const sealer = new FigureSealer();
    const pending: Array<string | number | null> = [];
    let inserted = 0;
    let updated = 0;
    let unchanged = 0;
    for (const { inputs: group } of groups) {
      const first = group[0] as ValueInput;
      const newReporters = new Set<number>();
      let lookup: (input: ValueInput) => ExistingRow | undefined;
      if (group.length >= SCAN_THRESHOLD) {
        const count = (s.countGroup.get(first.period, first.formId) as { n: number }).n;
        if (count === 0) {
          // A period's first import: nothing to compare with, nothing to look up.
          lookup = () => undefined;
        } else {
          const existing = new Map<number, ExistingRow>();
          for (const row of s.selectGroup.iterate(first.period, first.formId) as Iterable<
            ExistingRow & { indicator_id: number; option_id: number; unit_id: number }
          >) {
            existing.set(figureKey(row.unit_id, row.indicator_id, row.option_id), row);
          }
          lookup = (input) => existing.get(figureKey(input.unitId, input.indicatorId, input.optionId));
        }
      } else {
        lookup = (input) =>
          s.selectOne.get(input.period, input.indicatorId, input.optionId, input.unitId, input.formId) as
            | ExistingRow
            | undefined;
      }
      for (const input of group) {
        const existing = lookup(input);
        if (figureChange(input, existing) === 'unchanged') {
          unchanged++;
          continue;
        }
        if (!existing) {
          pending.push(
            input.period,
            input.indicatorId,
            input.optionId,
            input.unitId,
            input.formId,
            input.value,
            input.comment,
            changeId,
          );
          if (pending.length === INSERT_BATCH * 8) {
            s.insertValues.run(pending);
            pending.length = 0;
          }
          rollups.add(input.period, input.indicatorId, input.optionId, input.unitId, null, input.value);
          sealer.add(input, 1);
          newReporters.add(input.unitId);
          inserted++;
          continue;
        }
        s.insertHistory.run(
          input.period,
          input.indicatorId,
          input.optionId,
          input.unitId,
          input.formId,
          existing.version,
          existing.value,
          existing.comment,
          existing.change_id,
          changeId,
        );
        s.updateValue.run(
          input.value,
          input.comment,
          existing.version + 1,
          changeId,
          input.period,
          input.indicatorId,
          input.optionId,
          input.unitId,
          input.formId,
        );
        rollups.add(
          input.period,
          input.indicatorId,
          input.optionId,
          input.unitId,
          existing.value,
          input.value,
        );
        sealer.add(input, existing.version + 1);
        updated++;
      }
      // Every figure belongs to a report with a status (a draft until submitted): what aggregates count depends on it.
      for (const unitId of newReporters) s.ensureReport.run(first.formId, unitId, first.period, change.at);
    }
    for (let at = 0; at < pending.length; at += 8) s.insertValue.run(pending.slice(at, at + 8));
    if (inserted + updated === 0) {
      s.deleteChange.run(changeId);
      return { changeId: null, inserted, updated, unchanged };
    }
    const deltas = rollups.entries();
    for (const d of deltas)
      s.upsertRollup.run(d.period, d.indicatorId, d.optionId, d.unitId, d.value, d.count);
    stats.rollups = deltas.length;
    const summary = { changeId, inserted, updated, unchanged };
    appendAuditSync(db, sealedDraft(change, changeId, summary, sealer, audit));
    return summary;
  });
  return run.immediate();
}

/**
 * The stored rows of some keys, locked until the transaction ends (FOR UPDATE), by key. The periods are named too so
 * that PostgreSQL reads only their years' partitions.
 */
async function lockExisting(trx: Kysely<Database>, chunk: ValueInput[]): Promise<Map<string, ExistingRow>> {
  const existing = new Map<string, ExistingRow>();
  const periods = [...new Set(chunk.map((i) => i.period))];
  const found = await sql<
    ExistingRow & {
      period: string;
      indicator_id: number;
      option_id: number;
      unit_id: number;
      form_id: number;
    }
  >`
    SELECT d.period, d.indicator_id, d.option_id, d.unit_id, d.form_id, d.value, d.comment, d.version, d.change_id
    FROM unnest(${chunk.map((i) => i.period)}::text[], ${chunk.map((i) => i.indicatorId)}::int[], ${chunk.map((i) => i.optionId)}::int[],
                ${chunk.map((i) => i.unitId)}::int[], ${chunk.map((i) => i.formId)}::int[])
         AS k(period, indicator_id, option_id, unit_id, form_id)
    JOIN data_value d USING (period, indicator_id, option_id, unit_id, form_id)
    WHERE d.period = ANY(${periods}::text[])
    FOR UPDATE OF d`.execute(trx);
  for (const row of found.rows)
    existing.set(
      keyString({
        ...row,
        indicatorId: row.indicator_id,
        optionId: row.option_id,
        unitId: row.unit_id,
        formId: row.form_id,
      }),
      row,
    );
  return existing;
}

/** Writes the old versions of changed figures to history and the new ones in their place (PostgreSQL). */
async function replaceValuesPostgres(
  trx: Kysely<Database>,
  updates: Array<{ input: ValueInput; old: ExistingRow }>,
  changeId: number,
): Promise<void> {
  for (let start = 0; start < updates.length; start += PG_CHUNK) {
    const part = updates.slice(start, start + PG_CHUNK);
    const periods = part.map((u) => u.input.period);
    const indicators = part.map((u) => u.input.indicatorId);
    const options = part.map((u) => u.input.optionId);
    const units = part.map((u) => u.input.unitId);
    const forms = part.map((u) => u.input.formId);
    await sql`
      INSERT INTO data_value_history (period, indicator_id, option_id, unit_id, form_id, version, value, comment, change_id, superseded_by)
      SELECT period, indicator_id, option_id, unit_id, form_id, version, value, comment, change_id, ${changeId}
      FROM unnest(${periods}::text[], ${indicators}::int[], ${options}::int[], ${units}::int[], ${forms}::int[],
                  ${part.map((u) => u.old.version)}::int[], ${part.map((u) => u.old.value)}::float8[],
                  ${part.map((u) => u.old.comment)}::text[], ${part.map((u) => u.old.change_id)}::int[])
           AS h(period, indicator_id, option_id, unit_id, form_id, version, value, comment, change_id)`.execute(
      trx,
    );
    await sql`
      UPDATE data_value d SET value = u.value, comment = u.comment, version = d.version + 1, change_id = ${changeId}
      FROM unnest(${periods}::text[], ${indicators}::int[], ${options}::int[], ${units}::int[], ${forms}::int[],
                  ${part.map((u) => u.input.value)}::float8[], ${part.map((u) => u.input.comment)}::text[])
           AS u(period, indicator_id, option_id, unit_id, form_id, value, comment)
      WHERE d.period = u.period AND d.indicator_id = u.indicator_id AND d.option_id = u.option_id
        AND d.unit_id = u.unit_id AND d.form_id = u.form_id
        AND d.period = ANY(${[...new Set(periods)]}::text[])`.execute(trx);
  }
}

/**
 * The COPY lines of new figures (version 1 of the change set), adding each to the roll-up changes and to the change
 * set's seal as its line is made (while the server stores the lines before). Ids are integers (checked at the edge); the texts go through copyField's escaping.
 */
function* figureLines(
  rows: ValueInput[],
  changeId: number,
  rollups: RollupAccumulator,
  sealer: FigureSealer,
): Generator<string> {
  const tail = `\t1\t${changeId}\n`;
  let period = '';
  let periodField = '';
  for (const i of rows) {
    rollups.add(i.period, i.indicatorId, i.optionId, i.unitId, null, i.value);
    sealer.add(i, 1);
    if (i.period !== period) {
      period = i.period;
      periodField = copyField(period);
    }
    const value = i.value === null ? '\\N' : copyField(i.value);
    const comment = i.comment === null ? '\\N' : copyField(i.comment);
    yield `${periodField}\t${i.unitId}\t${i.formId}\t${i.indicatorId}\t${i.optionId}\t${value}\t${comment}${tail}`;
  }
}

/**
 * The bulk write on PostgreSQL: the same outcome as `writeValuesPostgres` (versions, history, change set, reports,
 * roll-ups, audit, all in one transaction), but new figures travel by COPY straight into `data_value` (routed to
 * their years' partitions, inserted a page at a time), the roll-up changes are added up here as the figures are
 * streamed and written with one upsert, and a period and form with no figures yet (a month's first import) is not
 * looked up at all.
 */
async function writeValuesPostgresBulk(
  trx: Kysely<Database>,
  copy: CopyIn,
  graph: UnitGraph,
  groups: readonly InputGroup[],
  change: ChangeSetInput,
  audit: AuditFor | undefined,
  stats: { rollups: number },
  editableReports: readonly ReportKey[] = [],
): Promise<WriteSummary> {
  if (editableReports.length > 0) {
    // FOR SHARE: the reports' statuses cannot change until this write commits.
    const { rows } = await sql<{ form_id: number; unit_id: number; period: string; status: string }>`
      SELECT s.form_id, s.unit_id, s.period, s.status
      FROM json_to_recordset(${JSON.stringify(editableReports)}::json) AS k("formId" integer, "unitId" integer, period text)
      JOIN submission s ON s.form_id = k."formId" AND s.unit_id = k."unitId" AND s.period = k.period
      ORDER BY s.form_id, s.period, s.unit_id
      FOR SHARE OF s`.execute(trx);
    for (const row of rows)
      if (!EDITABLE_STATUSES.has(row.status))
        throw new ReportNotEditableError(row.status, {
          formId: row.form_id,
          unitId: row.unit_id,
          period: row.period,
        });
  }
  const { id: changeId } = await trx
    .insertInto('change_set')
    .values({ at: change.at, user_id: change.userId, source: change.source, reason: change.reason })
    .returning('id')
    .executeTakeFirstOrThrow();
  const inserts: ValueInput[] = [];
  const updates: Array<{ input: ValueInput; old: ExistingRow }> = [];
  const sealer = new FigureSealer();
  const rollups = new RollupAccumulator(graph);
  let unchanged = 0;
  for (const { inputs: group } of groups) {
    const first = group[0] as ValueInput;
    const stored =
      await sql`SELECT 1 AS found FROM data_value WHERE period = ${first.period} AND form_id = ${first.formId} LIMIT 1`.execute(
        trx,
      );
    for (let start = 0; start < group.length; start += PG_CHUNK) {
      const chunk = group.slice(start, start + PG_CHUNK);
      // A period's first figures for a form: nothing to compare with. Whoever creates the same figures at the same
      // moment meets them at the primary key (a version conflict).
      const existing =
        stored.rows.length === 0 ? new Map<string, ExistingRow>() : await lockExisting(trx, chunk);
      for (const input of chunk) {
        const old = existing.size === 0 ? undefined : existing.get(keyString(input));
        if (figureChange(input, old) === 'unchanged') unchanged++;
        else if (!old) inserts.push(input);
        else {
          updates.push({ input, old });
          sealer.add(input, old.version + 1);
        }
      }
    }
  }
  if (inserts.length + updates.length === 0) {
    await trx.deleteFrom('change_set').where('id', '=', changeId).execute();
    return { changeId: null, inserted: 0, updated: 0, unchanged };
  }
  if (inserts.length > 0) {
    // Every figure belongs to a report with a status (a draft until submitted): what aggregates count depends on it.
    // The reports are written while the figures are put in order.
    const reportsWritten = insertDraftReports(trx, reportsOf(inserts), change.at);
    let ordered: ValueInput[];
    try {
      await nextTurn();
      ordered = inPrimaryKeyOrder(inserts);
    } finally {
      await reportsWritten;
    }
    // In the primary key's order, each new entry lands after the one before: the B-tree is appended to, not
    // searched, and its pages are filled instead of split in half. The roll-up changes are added up while the lines
    // are made, so the database gets each figure once.
    await copy(
      'COPY data_value (period, unit_id, form_id, indicator_id, option_id, value, comment, version, change_id) FROM STDIN',
      figureLines(ordered, changeId, rollups, sealer),
    );
  }
  if (updates.length > 0) {
    await replaceValuesPostgres(trx, updates, changeId);
    for (const { input, old } of updates)
      rollups.add(input.period, input.indicatorId, input.optionId, input.unitId, old.value, input.value);
  }
  const deltas = rollups.entries();
  const summary = { changeId, inserted: inserts.length, updated: updates.length, unchanged };
  // The seal (a sort and a hash of every figure) is worked out while the server writes the roll-ups.
  const rollupsWritten = applyRollupsPostgres(trx, deltas);
  let draft: AuditDraft;
  try {
    // After the statement has been handed to the connection (its promise chain runs to it within this turn).
    await nextTurn();
    draft = sealedDraft(change, changeId, summary, sealer, audit);
  } finally {
    await rollupsWritten;
  }
  stats.rollups = deltas.length;
  await appendAudit(trx, draft);
  return summary;
}

/**
 * The draft reports of new figures, those already there left as they are. In the reports' key order, so that two
 * writes creating some of the same reports wait for each other in the same order (never for each other at once).
 */
async function insertDraftReports(trx: Kysely<Database>, reports: ValueInput[], at: string): Promise<void> {
  const ordered = reports
    .slice()
    .sort(
      (a, b) =>
        a.formId - b.formId ||
        (a.period < b.period ? -1 : a.period > b.period ? 1 : 0) ||
        a.unitId - b.unitId,
    );
  for (let start = 0; start < ordered.length; start += PG_CHUNK) {
    const part = ordered.slice(start, start + PG_CHUNK);
    await sql`
      INSERT INTO submission (form_id, unit_id, period, status, version, updated_at)
      SELECT form_id, unit_id, period, 'draft', 1, ${at}
      FROM unnest(${part.map((i) => i.formId)}::int[], ${part.map((i) => i.unitId)}::int[], ${part.map((i) => i.period)}::text[])
           AS k(form_id, unit_id, period)
      ON CONFLICT (form_id, period, unit_id) DO NOTHING`.execute(trx);
  }
}

async function applyRollupsPostgres(trx: Kysely<Database>, deltas: RollupDelta[]): Promise<void> {
  for (let start = 0; start < deltas.length; start += PG_CHUNK) {
    const part = deltas.slice(start, start + PG_CHUNK);
    await sql`
      INSERT INTO value_rollup (period, indicator_id, option_id, unit_id, value, value_count)
      SELECT * FROM unnest(${part.map((d) => d.period)}::text[], ${part.map((d) => d.indicatorId)}::int[], ${part.map((d) => d.optionId)}::int[],
                           ${part.map((d) => d.unitId)}::int[], ${part.map((d) => d.value)}::float8[], ${part.map((d) => d.count)}::int[])
      ON CONFLICT (unit_id, period, indicator_id, option_id)
      DO UPDATE SET value = value_rollup.value + excluded.value, value_count = value_rollup.value_count + excluded.value_count`.execute(
      trx,
    );
  }
}

/**
 * Recomputes the roll-ups of the given periods (all when omitted) from the stored figures, e.g. after the unit
 * tree was corrected. Runs holding the write lock, in one transaction.
 */
export async function rebuildRollups(store: Store, graph: UnitGraph, periods?: string[]): Promise<number> {
  return store.write(async (trx) => {
    const targetPeriods =
      periods ??
      (await trx.selectFrom('data_value').select('period').distinct().execute()).map((r) => r.period);
    let written = 0;
    for (const period of targetPeriods) {
      await trx.deleteFrom('value_rollup').where('period', '=', period).execute();
      const rows = await trx
        .selectFrom('data_value')
        .select(['indicator_id', 'option_id', 'unit_id', 'value'])
        .where('period', '=', period)
        .where('value', 'is not', null)
        .execute();
      const acc = new RollupAccumulator(graph);
      for (const r of rows) acc.add(period, r.indicator_id, r.option_id, r.unit_id, null, r.value);
      const entries = acc.entries();
      for (let start = 0; start < entries.length; start += 500) {
        const part = entries.slice(start, start + 500);
        await trx.insertInto('value_rollup').values(part.map(rollupRow)).execute();
      }
      written += entries.length;
    }
    return written;
  });
}

export interface ValueQuery {
  formId?: number;
  unitIds?: number[];
  periods?: string[];
  indicatorIds?: number[];
}

/**
 * A read of some units' figures that names no indicator, made to name every indicator on PostgreSQL: there the
 * figures' key is (period, indicator, unit, option, form), so without indicators a read of a few units walks each
 * period's whole stretch of the key (a month at national scale: 200,000 entries for a unit's 60), while a lookup per
 * indicator and unit reads only theirs. Past UNITS_LOOKED_UP units the stretch costs less and is left to be read.
 * SQLite's key leads with the unit.
 */
export function unitFiguresByKey<QB extends SelectQueryBuilder<Database, 'data_value', object>>(
  db: Kysely<Database>,
  query: QB,
  unitCount: number,
): QB {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter) || unitCount > UNITS_LOOKED_UP) return query;
  return query.where(sql<boolean>`data_value.indicator_id = ANY(ARRAY(SELECT id FROM indicator))`) as QB;
}

export async function readValues(db: Kysely<Database>, q: ValueQuery): Promise<StoredValue[]> {
  let query = db.selectFrom('data_value').selectAll();
  if (q.formId !== undefined) query = query.where('form_id', '=', q.formId);
  if (q.unitIds) query = query.where('unit_id', 'in', q.unitIds.length > 0 ? q.unitIds : [-1]);
  if (q.periods) query = query.where('period', 'in', q.periods.length > 0 ? q.periods : ['']);
  if (q.indicatorIds)
    query = query.where('indicator_id', 'in', q.indicatorIds.length > 0 ? q.indicatorIds : [-1]);
  else if (q.unitIds && q.periods) query = unitFiguresByKey(db, query, q.unitIds.length);
  const rows = await query.execute();
  return rows.map((r) => ({
    formId: r.form_id,
    unitId: r.unit_id,
    indicatorId: r.indicator_id,
    optionId: r.option_id,
    period: r.period,
    value: r.value,
    comment: r.comment,
    version: r.version,
    changeId: r.change_id,
  }));
}

export interface ValueVersion {
  version: number;
  value: number | null;
  comment: string | null;
  changeId: number;
  at: string;
  userId: number | null;
  source: string;
  reason: string | null;
  /** The change that replaced this version; null for the current one. */
  supersededBy: number | null;
}

/** Every version of one figure, newest first, with who changed it, when and why. */
export async function valueHistory(db: Kysely<Database>, key: ValueKey): Promise<ValueVersion[]> {
  const match = <T extends 'data_value' | 'data_value_history'>(table: T) =>
    db
      .selectFrom(table as 'data_value')
      .innerJoin('change_set', 'change_set.id', `${table as 'data_value'}.change_id`)
      .where('period', '=', key.period)
      .where('indicator_id', '=', key.indicatorId)
      .where('option_id', '=', key.optionId)
      .where('unit_id', '=', key.unitId)
      .where('form_id', '=', key.formId);
  const current = await match('data_value')
    .select([
      'version',
      'value',
      'comment',
      'change_id',
      'change_set.at',
      'change_set.user_id',
      'change_set.source',
      'change_set.reason',
    ])
    .executeTakeFirst();
  const older = await db
    .selectFrom('data_value_history')
    .innerJoin('change_set', 'change_set.id', 'data_value_history.change_id')
    .where('period', '=', key.period)
    .where('indicator_id', '=', key.indicatorId)
    .where('option_id', '=', key.optionId)
    .where('unit_id', '=', key.unitId)
    .where('form_id', '=', key.formId)
    .select([
      'version',
      'value',
      'comment',
      'change_id',
      'superseded_by',
      'change_set.at',
      'change_set.user_id',
      'change_set.source',
      'change_set.reason',
    ])
    .orderBy('version', 'desc')
    .execute();
  const out: ValueVersion[] = [];
  if (current) {
    out.push({
      version: current.version,
      value: current.value,
      comment: current.comment,
      changeId: current.change_id,
      at: current.at,
      userId: current.user_id,
      source: current.source,
      reason: current.reason,
      supersededBy: null,
    });
  }
  for (const r of older) {
    out.push({
      version: r.version,
      value: r.value,
      comment: r.comment,
      changeId: r.change_id,
      at: r.at,
      userId: r.user_id,
      source: r.source,
      reason: r.reason,
      supersededBy: r.superseded_by,
    });
  }
  return out;
}

export interface RollupRow {
  period: string;
  indicatorId: number;
  optionId: number;
  unitId: number;
  value: number;
  count: number;
}

/**
 * Longer lists of indicators than this are not given to the database: a briefing pack asks for every indicator, and
 * the list made SQLite seek once per unit, period and indicator on the roll-ups' key (unit, period, indicator, option)
 * and PostgreSQL compare each row with every indicator, for rows nearly all wanted. The rows read are filtered instead.
 */
const INDICATORS_IN_SQL = 16;

/**
 * The least and greatest of some periods (in text order) or ids (non-empty): bounds for an index range over them.
 */
export function bounds<T extends string | number>(values: readonly T[]): [T, T] {
  let low = values[0] as T;
  let high = low;
  for (const v of values) {
    if (v < low) low = v;
    if (v > high) high = v;
  }
  return [low, high];
}

/** Which rows of some units, periods and indicators to read from a figures or roll-up table: the periods, the units and
 * a short list of indicators; on PostgreSQL also the periods' bounds (an index range per unit, where a list of periods
 * alone had the planner read the whole table). */
function keyFilter<QB extends SelectQueryBuilder<Database, 'value_rollup', object>>(
  db: Kysely<Database>,
  query: QB,
  q: { unitIds: number[]; periods: string[]; indicatorIds?: number[] },
  /** The figures' table, whose key on PostgreSQL leads with the indicator after the period. */
  keyedByIndicator = false,
): { query: QB; wanted: ((indicatorId: number) => boolean) | null } {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  let out = query.where('period', 'in', q.periods).where('unit_id', 'in', q.unitIds) as QB;
  if (postgres && q.periods.length > 1) {
    const [low, high] = bounds(q.periods);
    out = out.where('period', '>=', low).where('period', '<=', high) as QB;
  }
  if (!q.indicatorIds) return { query: out, wanted: null };
  if (q.indicatorIds.length === 0)
    return { query: out.where('indicator_id', 'in', [-1]) as QB, wanted: null };
  if (q.indicatorIds.length <= INDICATORS_IN_SQL || (postgres && keyedByIndicator))
    return { query: out.where('indicator_id', 'in', q.indicatorIds) as QB, wanted: null };
  const ids = new Set(q.indicatorIds);
  return { query: out, wanted: (id) => ids.has(id) };
}

/**
 * On SQLite, the rows of a query as arrays, fetched as one JSON text: better-sqlite3 makes a JavaScript object per row
 * (some 2 µs each: a briefing pack reads thousands), while JSON.parse makes the arrays at a fraction of that, and
 * SQLite writes every REAL with the 17 digits that give back the same double. Null on PostgreSQL (rows as usual).
 */
async function sqliteRowArrays(
  db: Kysely<Database>,
  // biome-ignore lint/suspicious/noExplicitAny: any selection of the figures' or roll-ups' tables
  query: SelectQueryBuilder<Database, any, any>,
  columns: string[],
): Promise<Array<Array<string | number>> | null> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return null;
  const row = await db
    .selectFrom(query.as('r'))
    .select(
      sql<string>`json_group_array(json_array(${sql.join(columns.map((c) => sql.ref(`r.${c}`)))}))`.as('j'),
    )
    .executeTakeFirst();
  return JSON.parse(row?.j ?? '[]') as Array<Array<string | number>>;
}

/** Subtree sums for the given units, periods and indicators. */
export async function readRollups(
  db: Kysely<Database>,
  q: { unitIds: number[]; periods: string[]; indicatorIds?: number[] },
): Promise<RollupRow[]> {
  if (q.unitIds.length === 0 || q.periods.length === 0) return [];
  const { query, wanted } = keyFilter(
    db,
    db
      .selectFrom('value_rollup')
      .select(['period', 'indicator_id', 'option_id', 'unit_id', 'value', 'value_count']),
    q,
  );
  const out: RollupRow[] = [];
  const arrays = await sqliteRowArrays(db, query, ROLLUP_COLUMNS);
  if (arrays) {
    for (const a of arrays) {
      const indicatorId = a[1] as number;
      if (wanted && !wanted(indicatorId)) continue;
      out.push({
        period: a[0] as string,
        indicatorId,
        optionId: a[2] as number,
        unitId: a[3] as number,
        value: a[4] as number,
        count: a[5] as number,
      });
    }
    return out;
  }
  const rows = await query.execute();
  for (const r of rows) {
    if (wanted && !wanted(r.indicator_id)) continue;
    out.push({
      period: r.period,
      indicatorId: r.indicator_id,
      optionId: r.option_id,
      unitId: r.unit_id,
      value: r.value,
      count: r.value_count,
    });
  }
  return out;
}

const ROLLUP_COLUMNS = ['period', 'indicator_id', 'option_id', 'unit_id', 'value', 'value_count'];

type SummedRow = { unitId: number; indicatorId: number; optionId: number; value: number; count: number };

/**
 * Sums read from the figures themselves (units without children keep no roll-up; forms are added together) or
 * from the roll-ups, per period or added up over the periods (a year to date in one read).
 */
async function readSums(
  db: Kysely<Database>,
  source: 'figures' | 'rollups',
  q: { unitIds: number[]; periods: string[]; indicatorIds: number[] },
  perPeriod: boolean,
): Promise<Array<SummedRow & { period: string | null }>> {
  if (q.unitIds.length === 0 || q.periods.length === 0 || q.indicatorIds.length === 0) return [];
  // Both tables share the key and value columns; only how figures are counted differs.
  const table = (source === 'figures' ? 'data_value' : 'value_rollup') as 'value_rollup';
  const filtered = keyFilter(
    db,
    db
      .selectFrom(table)
      .select((eb) => [
        'unit_id',
        'indicator_id',
        'option_id',
        eb.fn.sum<number>('value').as('value'),
        (source === 'figures' ? eb.fn.count<number>('value') : eb.fn.sum<number>('value_count')).as(
          'value_count',
        ),
      ]),
    q,
    source === 'figures',
  );
  const wanted = filtered.wanted;
  let query = filtered.query.where('value', 'is not', null).groupBy(['unit_id', 'indicator_id', 'option_id']);
  if (perPeriod) query = query.select('period').groupBy('period');
  const rows = (await query.execute()) as Array<{
    unit_id: number;
    indicator_id: number;
    option_id: number;
    value: number;
    value_count: number;
    period?: string;
  }>;
  const out: Array<SummedRow & { period: string | null }> = [];
  for (const r of rows) {
    if (wanted && !wanted(r.indicator_id)) continue;
    out.push({
      period: r.period ?? null,
      unitId: r.unit_id,
      indicatorId: r.indicator_id,
      optionId: r.option_id,
      value: Number(r.value),
      count: Number(r.value_count),
    });
  }
  return out;
}

/** How many ids a stretch of units may span per unit asked, to be read as one range (see readLeafCells). */
const UNIT_STRETCH = 4;

/** The figures of units without children, their subtree sums, per period; a cell may come as several rows whose
 * values and counts add up (a figure reported on two forms). */
export async function readLeafCells(
  db: Kysely<Database>,
  q: { unitIds: number[]; periods: string[]; indicatorIds: number[] },
): Promise<RollupRow[]> {
  if (q.unitIds.length === 0 || q.periods.length === 0 || q.indicatorIds.length === 0) return [];
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const [low, high] = bounds(q.unitIds);
  // Units whose ids lie close together (a province's communes) are read as one stretch of the index per period and
  // indicator, the units asked kept: stepping to the next entry costs a fraction of a seek, which a lookup per unit
  // makes for every unit.
  const stretch = q.unitIds.length > 1 && high - low + 1 <= UNIT_STRETCH * q.unitIds.length;
  if (postgres && stretch) return readLeafCellsLateral(db, q, [low, high]);
  if (postgres && q.unitIds.length <= UNITS_LOOKED_UP) return readLeafCellsLateral(db, q, null);
  // The figures as the covering index holds them: a range read, no grouping in the database. A figure reported on
  // two forms comes as two rows of the same key, each counting one (the engine adds them up).
  let query = db
    .selectFrom('data_value')
    .select(['period', 'indicator_id', 'unit_id', 'option_id', 'value'])
    .where('period', 'in', q.periods)
    .where('indicator_id', 'in', q.indicatorIds)
    .where('value', 'is not', null);
  // (`+` keeps SQLite's list out of the index.)
  if (!postgres && stretch)
    query = query
      .where('unit_id', '>=', low)
      .where('unit_id', '<=', high)
      .where(sql<number>`+unit_id`, 'in', q.unitIds);
  else query = query.where('unit_id', 'in', q.unitIds);
  const arrays = await sqliteRowArrays(db, query, [
    'period',
    'indicator_id',
    'unit_id',
    'option_id',
    'value',
  ]);
  if (arrays) {
    const out: RollupRow[] = new Array(arrays.length);
    for (let i = 0; i < arrays.length; i++) {
      const a = arrays[i] as Array<string | number>;
      out[i] = {
        period: a[0] as string,
        indicatorId: a[1] as number,
        optionId: a[3] as number,
        unitId: a[2] as number,
        value: a[4] as number,
        count: 1,
      };
    }
    return out;
  }
  return leafFigures(await query.execute());
}

/** A figure as the leaf reads select it. */
interface LeafFigureRow {
  period: string;
  indicator_id: number;
  unit_id: number;
  option_id: number;
  value: number | null;
}

/** Figures read as rows, each a cell of its own counting one. */
function leafFigures(rows: LeafFigureRow[]): RollupRow[] {
  const out: RollupRow[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as (typeof rows)[number];
    out[i] = {
      period: r.period,
      indicatorId: r.indicator_id,
      optionId: r.option_id,
      unitId: r.unit_id,
      value: Number(r.value),
      count: 1,
    };
  }
  return out;
}

/**
 * Up to this many units, PostgreSQL reads each (period, indicator, unit) key's figures by its own index lookup. Given
 * the lists, its planner reads one index range per period and indicator and keeps the units asked: for a province's
 * communes every commune of the nation is read (at national scale 80,000 index entries for a drill-down's 2,900), a cost
 * that grows with the nation, not with the question. A lookup costs what stepping over some 20 entries does: past a
 * couple of hundred units (of the nation's 3,300 communes) the ranges cost less.
 */
const UNITS_LOOKED_UP = 200;

/**
 * PostgreSQL: the figures of some units, read per period and indicator by a lateral subquery on the figures' primary
 * key: either one index lookup per unit (`stretch` null, see UNITS_LOOKED_UP) or, for units whose ids lie close
 * together, one index range from the least to the greatest id with the units asked kept after. Written flat, with
 * the lists as conditions, the planner estimated a handful of rows and chose the block range index, reading whole
 * years. `OFFSET 0` keeps the subquery apart, so that it is run once per key (the partition found at run time); the
 * periods' bounds leave the other years' partitions out when planning.
 */
async function readLeafCellsLateral(
  db: Kysely<Database>,
  q: { unitIds: number[]; periods: string[]; indicatorIds: number[] },
  stretch: [low: number, high: number] | null,
): Promise<RollupRow[]> {
  const [low, high] = bounds(q.periods);
  const units = stretch
    ? {
        join: sql``,
        match: sql`d.unit_id >= ${stretch[0]} AND d.unit_id <= ${stretch[1]}`,
        keep: sql`WHERE f.unit_id = ANY(${q.unitIds}::int[])`,
      }
    : {
        join: sql`CROSS JOIN unnest(${q.unitIds}::int[]) AS u(id)`,
        match: sql`d.unit_id = u.id`,
        keep: sql``,
      };
  // One row per period and indicator with its figures as one text, read by cellsFromText: as rows, the driver's
  // row and field objects cost more than the database's work (a drill-down: 4,000 rows, 20,000 field strings) and
  // then as much again in the collector.
  const { rows } = await sql<{
    period: string;
    indicator_id: number;
    cells: string;
  }>`SELECT f.period, f.indicator_id,
      string_agg(f.unit_id || ' ' || f.option_id || ' ' || f.value, ' ') AS cells
    FROM unnest(${q.periods}::text[]) AS p(period)
    CROSS JOIN unnest(${q.indicatorIds}::int[]) AS i(id)
    ${units.join}
    CROSS JOIN LATERAL (
      SELECT d.period, d.indicator_id, d.unit_id, d.option_id, d.value FROM data_value d
      WHERE d.period = p.period AND d.indicator_id = i.id AND ${units.match} AND d.value IS NOT NULL
        AND d.period >= ${low} AND d.period <= ${high}
      OFFSET 0
    ) AS f
    ${units.keep}
    GROUP BY f.period, f.indicator_id`.execute(db);
  const out: RollupRow[] = [];
  for (const r of rows) cellsFromText(r.period, r.indicator_id, r.cells, out);
  return out;
}

/** The figures of units without children added up over several periods. */
export async function sumLeafCells(
  db: Kysely<Database>,
  q: { unitIds: number[]; periods: string[]; indicatorIds: number[] },
): Promise<SummedRow[]> {
  return readSums(db, 'figures', q, false);
}

/** Subtree sums added up over several periods, per unit, indicator and option (a year to date in one read). */
export async function sumRollups(
  db: Kysely<Database>,
  q: { unitIds: number[]; periods: string[]; indicatorIds: number[] },
): Promise<SummedRow[]> {
  return readSums(db, 'rollups', q, false);
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * The running totals that add up to some months: for each run of consecutive months of a year, its last month's total
 * counted in and the total of the month before it (when the run does not start in January) counted out. Null when a
 * period is not a month (days are not totalled).
 */
export function runningTotalTerms(periods: string[]): Map<string, number> | null {
  const byYear = new Map<string, Set<number>>();
  for (const p of periods) {
    const m = MONTH.exec(p);
    if (!m) return null;
    const year = m[1] as string;
    const months = byYear.get(year) ?? new Set<number>();
    months.add(Number(m[2]));
    byYear.set(year, months);
  }
  const terms = new Map<string, number>();
  const add = (year: string, month: number, sign: number) => {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    terms.set(key, (terms.get(key) ?? 0) + sign);
  };
  for (const [year, months] of byYear) {
    for (const month of months) {
      // A run ends where the next month is not asked; it starts where the month before is not.
      if (!months.has(month + 1)) add(year, month, 1);
      if (!months.has(month - 1) && month > 1) add(year, month - 1, -1);
    }
  }
  for (const [key, sign] of terms) if (sign === 0) terms.delete(key);
  return terms;
}

/**
 * Subtree sums added up over some months, per unit, indicator and option, from the running totals kept within each
 * year (migration 0023): a year to date is one row per cell, a quarter two, whatever the number of months. Null when
 * a period is not a month: the caller adds up the roll-ups themselves.
 */
export async function sumRollupsByRunningTotals(
  db: Kysely<Database>,
  q: { unitIds: number[]; periods: string[]; indicatorIds: number[] },
): Promise<SummedRow[] | null> {
  const terms = runningTotalTerms(q.periods);
  if (!terms) return null;
  if (q.unitIds.length === 0 || terms.size === 0 || q.indicatorIds.length === 0) return [];
  const { query, wanted } = keyFilter(
    db,
    db
      .selectFrom('value_rollup_ytd' as 'value_rollup')
      .select(['period', 'indicator_id', 'option_id', 'unit_id', 'value', 'value_count']),
    { unitIds: q.unitIds, periods: [...terms.keys()], indicatorIds: q.indicatorIds },
  );
  const arrays = await sqliteRowArrays(db, query, ROLLUP_COLUMNS);
  const rows = arrays
    ? arrays.map((a) => ({
        period: a[0] as string,
        indicator_id: a[1] as number,
        option_id: a[2] as number,
        unit_id: a[3] as number,
        value: a[4] as number,
        value_count: a[5] as number,
      }))
    : await query.execute();
  const totals = new Map<string, SummedRow>();
  for (const r of rows) {
    if (wanted && !wanted(r.indicator_id)) continue;
    const sign = terms.get(r.period) ?? 0;
    const key = `${r.unit_id}|${r.indicator_id}|${r.option_id}`;
    const t = totals.get(key);
    if (t) {
      t.value += sign * r.value;
      t.count += sign * r.value_count;
    } else
      totals.set(key, {
        unitId: r.unit_id,
        indicatorId: r.indicator_id,
        optionId: r.option_id,
        value: sign * r.value,
        count: sign * r.value_count,
      });
  }
  return [...totals.values()];
}

/**
 * The figures of some periods as they stood at an instant: per figure, the version whose change was recorded last
 * at or before the instant (by the change's time, not by the order changes were loaded in, so a back-dated batch
 * counts from its own date). A version without a value is a deletion: the figure was not in force.
 */
export async function readValuesAsOf(
  db: Kysely<Database>,
  q: { periods: string[]; indicatorIds?: number[] },
  instant: string,
): Promise<StoredValue[]> {
  if (q.periods.length === 0) return [];
  const ids = q.indicatorIds ? (q.indicatorIds.length > 0 ? q.indicatorIds : [-1]) : null;
  // The current versions and the superseded ones, read alike: each recorded at or before the instant.
  const recorded = (table: 'data_value' | 'data_value_history') =>
    db
      .selectFrom(table)
      .innerJoin('change_set', 'change_set.id', `${table}.change_id`)
      .select([
        'form_id',
        'unit_id',
        'indicator_id',
        'option_id',
        'period',
        'value',
        'comment',
        'version',
        'change_id',
        'change_set.at',
      ])
      .where('period', 'in', q.periods)
      .where('change_set.at', '<=', instant)
      .$if(ids !== null, (qb) => qb.where('indicator_id', 'in', ids ?? [-1]))
      .execute();
  const [a, b] = await Promise.all([recorded('data_value'), recorded('data_value_history')]);
  const inForce = new Map<string, (typeof a)[number]>();
  for (const r of [...a, ...b]) {
    const key = `${r.period}|${r.form_id}|${r.unit_id}|${r.indicator_id}|${r.option_id}`;
    const found = inForce.get(key);
    if (!found || r.at > found.at || (r.at === found.at && r.version > found.version)) inForce.set(key, r);
  }
  const out: StoredValue[] = [];
  for (const r of inForce.values()) {
    if (r.value === null) continue;
    out.push({
      formId: r.form_id,
      unitId: r.unit_id,
      indicatorId: r.indicator_id,
      optionId: r.option_id,
      period: r.period,
      value: r.value,
      comment: r.comment,
      version: r.version,
      changeId: r.change_id,
    });
  }
  return out;
}
