import { setImmediate as nextTurn } from 'node:timers/promises';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import type { AuditDraft } from '../audit/chain.ts';
import { FigureSealer } from '../audit/figures.ts';
import { appendAuditsAtCommit } from '../audit/repository.ts';
import type { Database } from '../db/schema.ts';
import { jsonLiteral, perStore, type Store } from '../db/store.ts';
import type { UnitGraph } from '../units/graph.ts';
import {
  type ChangeSetInput,
  EDITABLE_STATUSES,
  keyString,
  type ReportKey,
  ReportNotEditableError,
  type ValueInput,
  VersionConflictError,
  type WriteSummary,
} from './model.ts';
import { RollupAccumulator, type RollupDelta, rollupRow } from './rollup.ts';
import { type AuditFor, type ExistingRow, figureChange, sealedDraft } from './write-plan.ts';

/**
 * PostgreSQL's saves of a form (fewer figures than a bulk import), written together.
 *
 * Every save changes the same few rows: the roll-ups of the province and of the nation, the head of the audit chain.
 * Each is locked from the statement that changes it until the commit has reached the disk, so saves written one
 * transaction each would take turns on them, one disk flush at a time, however many connections there are. Saves
 * that arrive while one transaction is being written therefore go together in the next: one transaction, one flush,
 * one change to each roll-up row. Each save keeps its own change set, versions and audit entry, and its own answer:
 * a save whose version is stale is refused alone. Two round trips a transaction: the first takes the change set
 * numbers and locks the saves' figures; the second writes everything with the COMMIT (see AtCommit).
 */
export interface PostgresSave {
  graph: UnitGraph;
  inputs: ValueInput[];
  change: ChangeSetInput;
  audit: AuditFor | undefined;
  /** Roll-up rows written, for the metrics. */
  stats: { rollups: number };
  /** The reports that must be editable for the save to be written (see writeValues). */
  editableReports: readonly ReportKey[];
}

interface Waiting extends PostgresSave {
  resolve: (summary: WriteSummary) => void;
  reject: (error: unknown) => void;
}

/** Saves written in one transaction at most, and their figures. */
const BATCH_SAVES = 100;
const BATCH_FIGURES = 5000;

const laneOf = perStore((store) => new SaveLane(store));

/** Writes a save with the others asked for meanwhile; resolves once committed. */
export function savePostgres(store: Store, save: PostgresSave): Promise<WriteSummary> {
  return laneOf(store).save(save);
}

class SaveLane {
  private readonly waiting: Waiting[] = [];
  private running = false;

  constructor(private readonly store: Store) {}

  save(save: PostgresSave): Promise<WriteSummary> {
    return new Promise<WriteSummary>((resolve, reject) => {
      this.waiting.push({ ...save, resolve, reject });
      if (!this.running) void this.run();
    });
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      // The saves asked for in this turn of the event loop go together in the first transaction.
      await nextTurn();
      while (this.waiting.length > 0) {
        const batch = this.takeBatch();
        try {
          settle(batch, await this.write(batch));
        } catch (error) {
          // A save that makes the transaction fail (two saves creating the same figure on two servers, say) fails
          // alone: each is written again on its own. Only when the server refused the transaction: after a lost
          // connection it may have committed, and writing the saves again would record them twice.
          if (batch.length === 1 || !refusedByServer(error)) for (const s of batch) s.reject(error);
          else
            for (const s of batch)
              await this.write([s]).then(
                (results) => settle([s], results),
                (alone: unknown) => s.reject(alone),
              );
        }
      }
    } finally {
      this.running = false;
    }
  }

  /** The next saves in order, stopping before one that writes a figure an earlier one in the batch writes. */
  private takeBatch(): Waiting[] {
    const keys = new Set<string>();
    const batch: Waiting[] = [];
    let figures = 0;
    while (batch.length < BATCH_SAVES) {
      const next = this.waiting[0];
      if (!next) break;
      if (batch.length > 0 && figures + next.inputs.length > BATCH_FIGURES) break;
      const own = next.inputs.map(keyString);
      if (own.some((k) => keys.has(k))) break;
      for (const k of own) keys.add(k);
      figures += next.inputs.length;
      batch.push(next);
      this.waiting.shift();
    }
    return batch;
  }

  private async write(batch: Waiting[]): Promise<Array<WriteSummary | Error>> {
    const writeAtCommit = this.store.writeAtCommit;
    if (!writeAtCommit) throw new Error('a PostgreSQL store writes with its commit');
    return writeAtCommit(async (trx, atCommit) => {
      const { changeIds, existing, statuses } = await lockForSaves(trx, batch);
      const planned: PlannedSave[] = [];
      const results = batch.map((save, i): WriteSummary | Error => {
        try {
          for (const report of save.editableReports) {
            const status = statuses.get(reportKeyString(report)) ?? 'draft';
            if (!EDITABLE_STATUSES.has(status)) return new ReportNotEditableError(status, report);
          }
          const plan = planSave(save, changeIds[i] as number, existing);
          if (plan.summary.changeId !== null) planned.push(plan);
          return plan.summary;
        } catch (error) {
          if (error instanceof VersionConflictError) return error;
          throw error;
        }
      });
      for (const statement of statementsFor(planned)) void atCommit(statement);
      void appendAuditsAtCommit(
        atCommit,
        planned.map((p) => p.draft),
      );
      return results;
    });
  }
}

/**
 * An error the server reported for a statement (SQLSTATE), after which the transaction is rolled back; not a lost
 * connection (class 08) or a server shutting down (class 57), after which a COMMIT sent may have been carried out.
 */
function refusedByServer(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return (
    typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !code.startsWith('08') && !code.startsWith('57')
  );
}

function settle(batch: Waiting[], results: Array<WriteSummary | Error>): void {
  batch.forEach((save, i) => {
    const result = results[i];
    if (result instanceof Error) save.reject(result);
    else if (result) save.resolve(result);
    else save.reject(new Error('a save was not written'));
  });
}

interface PlannedSave {
  changeId: number;
  change: ChangeSetInput;
  inserts: ValueInput[];
  updates: Array<{ input: ValueInput; old: ExistingRow }>;
  deltas: RollupDelta[];
  summary: WriteSummary;
  draft: AuditDraft;
}

/** What one save changes, from the stored rows it found; a stale version refuses the whole save. */
function planSave(save: PostgresSave, changeId: number, existing: Map<string, ExistingRow>): PlannedSave {
  const rollups = new RollupAccumulator(save.graph);
  const sealer = new FigureSealer();
  const inserts: ValueInput[] = [];
  const updates: Array<{ input: ValueInput; old: ExistingRow }> = [];
  let unchanged = 0;
  for (const input of save.inputs) {
    const old = existing.get(keyString(input));
    if (figureChange(input, old) === 'unchanged') unchanged++;
    else if (!old) {
      inserts.push(input);
      rollups.add(input.period, input.indicatorId, input.optionId, input.unitId, null, input.value);
      sealer.add(input, 1);
    } else {
      updates.push({ input, old });
      sealer.add(input, old.version + 1);
      rollups.add(input.period, input.indicatorId, input.optionId, input.unitId, old.value, input.value);
    }
  }
  const changed = inserts.length + updates.length > 0;
  const summary = {
    changeId: changed ? changeId : null,
    inserted: inserts.length,
    updated: updates.length,
    unchanged,
  };
  const deltas = rollups.entries();
  save.stats.rollups = deltas.length;
  return {
    changeId,
    change: save.change,
    inserts,
    updates,
    deltas,
    summary,
    draft: sealedDraft(save.change, changeId, summary, sealer, save.audit),
  };
}

/** The statements writing the planned saves, their values in the text (see AtCommit). */
function statementsFor(plans: PlannedSave[]): string[] {
  if (plans.length === 0) return [];
  const statements: string[] = [];
  const changeSets = plans.map((p) => ({
    id: p.changeId,
    at: p.change.at,
    user_id: p.change.userId,
    source: p.change.source,
    reason: p.change.reason,
  }));
  statements.push(`INSERT INTO change_set (id, at, user_id, source, reason)
    SELECT id, at, user_id, source, reason
    FROM json_to_recordset(${jsonLiteral(changeSets)}::json) AS c(id integer, at text, user_id integer, source text, reason text)`);

  const inserts = plans.flatMap((p) =>
    p.inserts.map((i) => ({
      period: i.period,
      indicator_id: i.indicatorId,
      option_id: i.optionId,
      unit_id: i.unitId,
      form_id: i.formId,
      value: i.value,
      comment: i.comment,
      change_id: p.changeId,
      at: p.change.at,
    })),
  );
  if (inserts.length > 0) {
    statements.push(`INSERT INTO data_value (period, indicator_id, option_id, unit_id, form_id, value, comment, version, change_id)
      SELECT period, indicator_id, option_id, unit_id, form_id, value, comment, 1, change_id
      FROM json_to_recordset(${jsonLiteral(inserts)}::json) AS k(period text, indicator_id integer, option_id integer,
        unit_id integer, form_id integer, value float8, comment text, change_id integer)`);
    // Every figure belongs to a report with a status (a draft until submitted): what aggregates count depends on it.
    const reports = new Map<string, { form_id: number; unit_id: number; period: string; at: string }>();
    for (const i of inserts)
      if (!reports.has(`${i.form_id}|${i.unit_id}|${i.period}`))
        reports.set(`${i.form_id}|${i.unit_id}|${i.period}`, {
          form_id: i.form_id,
          unit_id: i.unit_id,
          period: i.period,
          at: i.at,
        });
    statements.push(`INSERT INTO submission (form_id, unit_id, period, status, version, updated_at)
      SELECT form_id, unit_id, period, 'draft', 1, at
      FROM json_to_recordset(${jsonLiteral([...reports.values()])}::json)
        AS k(form_id integer, unit_id integer, period text, at text)
      ON CONFLICT (form_id, period, unit_id) DO NOTHING`);
  }

  const updates = plans.flatMap((p) =>
    p.updates.map(({ input, old }) => ({
      period: input.period,
      indicator_id: input.indicatorId,
      option_id: input.optionId,
      unit_id: input.unitId,
      form_id: input.formId,
      value: input.value,
      comment: input.comment,
      change_id: p.changeId,
      old_version: old.version,
      old_value: old.value,
      old_comment: old.comment,
      old_change_id: old.change_id,
    })),
  );
  if (updates.length > 0) {
    const rows = `json_to_recordset(${jsonLiteral(updates)}::json) AS u(period text, indicator_id integer,
      option_id integer, unit_id integer, form_id integer, value float8, comment text, change_id integer,
      old_version integer, old_value float8, old_comment text, old_change_id integer)`;
    statements.push(`INSERT INTO data_value_history (period, indicator_id, option_id, unit_id, form_id, version, value, comment, change_id, superseded_by)
      SELECT period, indicator_id, option_id, unit_id, form_id, old_version, old_value, old_comment, old_change_id, change_id
      FROM ${rows}`);
    statements.push(`UPDATE data_value d SET value = u.value, comment = u.comment, version = d.version + 1, change_id = u.change_id
      FROM ${rows}
      WHERE d.period = u.period AND d.indicator_id = u.indicator_id AND d.option_id = u.option_id
        AND d.unit_id = u.unit_id AND d.form_id = u.form_id AND d.period = ANY(${periodsLiteral(updates.map((u) => u.period))})`);
  }

  // One change to each roll-up row for all the saves.
  const deltas = new Map<string, RollupDelta>();
  for (const p of plans)
    for (const d of p.deltas) {
      const key = `${d.unitId}|${d.period}|${d.indicatorId}|${d.optionId}`;
      const sum = deltas.get(key);
      if (sum) {
        sum.value += d.value;
        sum.count += d.count;
      } else deltas.set(key, { ...d });
    }
  if (deltas.size > 0) statements.push(rollupsStatement([...deltas.values()]));
  return statements;
}

/** The roll-up changes as one statement whose values are in its text. */
function rollupsStatement(deltas: RollupDelta[]): string {
  const rows = deltas.map(rollupRow);
  return `INSERT INTO value_rollup (period, indicator_id, option_id, unit_id, value, value_count)
    SELECT period, indicator_id, option_id, unit_id, value, value_count
    FROM json_to_recordset(${jsonLiteral(rows)}::json)
      AS r(period text, indicator_id integer, option_id integer, unit_id integer, value float8, value_count integer)
    ORDER BY unit_id, period, indicator_id, option_id
    ON CONFLICT (unit_id, period, indicator_id, option_id)
    DO UPDATE SET value = value_rollup.value + excluded.value, value_count = value_rollup.value_count + excluded.value_count`;
}

/** Periods as a text array literal: named as constants, PostgreSQL reads only their years' partitions. */
function periodsLiteral(periods: string[]): string {
  return `ARRAY[${[...new Set(periods)].map((p) => pg.escapeLiteral(p)).join(', ')}]::text[]`;
}

/**
 * Begins the transaction with a change set number for each save and the stored rows of the saves' figures locked
 * until it ends (FOR UPDATE), by key: one round trip (a statement without parameters goes with the BEGIN).
 */
async function lockForSaves(
  trx: Kysely<Database>,
  saves: PostgresSave[],
): Promise<{ changeIds: number[]; existing: Map<string, ExistingRow>; statuses: Map<string, string> }> {
  const inputs = saves.flatMap((s) => s.inputs);
  const reports = saves.flatMap((s) =>
    s.editableReports.map((r) => ({ form_id: r.formId, unit_id: r.unitId, period: r.period })),
  );
  const keys = inputs.map((i) => ({
    period: i.period,
    indicator_id: i.indicatorId,
    option_id: i.optionId,
    unit_id: i.unitId,
    form_id: i.formId,
  }));
  const { rows } = await sql<
    Partial<ExistingRow> & {
      change_ids: number[];
      statuses: Array<[number, number, string, string]> | null;
      period: string | null;
      indicator_id: number;
      option_id: number;
      unit_id: number;
      form_id: number;
    }
  >`${sql.raw(`SELECT n.change_ids, r.statuses, x.*
    FROM (SELECT array_agg(nextval(pg_get_serial_sequence('change_set', 'id'))::integer ORDER BY g) AS change_ids
          FROM generate_series(1, ${saves.length}) g) n
    -- The statuses of the reports saved into, locked FOR SHARE: none can be submitted or approved until this commits.
    CROSS JOIN (SELECT json_agg(json_build_array(s.form_id, s.unit_id, s.period, s.status)) AS statuses
          FROM (SELECT s.form_id, s.unit_id, s.period, s.status
                FROM json_to_recordset(${jsonLiteral(reports)}::json) AS k(form_id integer, unit_id integer, period text)
                JOIN submission s USING (form_id, unit_id, period)
                ORDER BY s.form_id, s.period, s.unit_id
                FOR SHARE OF s) s) r
    LEFT JOIN LATERAL (
      SELECT d.period, d.indicator_id, d.option_id, d.unit_id, d.form_id, d.value, d.comment, d.version, d.change_id
      FROM json_to_recordset(${jsonLiteral(keys)}::json)
        AS k(period text, indicator_id integer, option_id integer, unit_id integer, form_id integer)
      JOIN data_value d USING (period, indicator_id, option_id, unit_id, form_id)
      WHERE d.period = ANY(${periodsLiteral(inputs.map((i) => i.period))})
      ORDER BY d.unit_id, d.period, d.indicator_id, d.option_id, d.form_id
      FOR UPDATE OF d
    ) x ON true`)}`.execute(trx);
  const first = rows[0];
  const changeIds = first?.change_ids.map(Number) ?? [];
  if (changeIds.length !== saves.length) throw new Error('no change set numbers were given');
  const existing = new Map<string, ExistingRow>();
  for (const row of rows) {
    if (row.period === null || row.period === undefined) continue;
    existing.set(
      keyString({
        period: row.period,
        indicatorId: row.indicator_id,
        optionId: row.option_id,
        unitId: row.unit_id,
        formId: row.form_id,
      }),
      {
        value: row.value ?? null,
        comment: row.comment ?? null,
        version: Number(row.version),
        change_id: Number(row.change_id),
      },
    );
  }
  const statuses = new Map<string, string>();
  for (const [formId, unitId, period, status] of first?.statuses ?? [])
    statuses.set(reportKeyString({ formId, unitId, period }), status);
  return { changeIds, existing, statuses };
}

function reportKeyString(r: ReportKey): string {
  return `${r.formId}|${r.unitId}|${r.period}`;
}
