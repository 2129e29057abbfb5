import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the current schema types
type Db = Kysely<any>;

const MONTHS = Array.from({ length: 12 }, (_, i) => `('${String(i + 1).padStart(2, '0')}')`).join(', ');
const CONFLICT = `ON CONFLICT (unit_id, period, indicator_id, option_id) DO UPDATE SET
  value = value_rollup_ytd.value + excluded.value, value_count = value_rollup_ytd.value_count + excluded.value_count`;

/**
 * Running totals of the roll-ups within each year: for a unit, a month and an indicator and option, the sum (and the
 * number of figures) of its monthly roll-ups from January of that year to that month. A year to date is then one row,
 * and any months of one year (a quarter, a half) the difference of two, instead of adding up to twelve monthly
 * roll-ups at every read. Kept by triggers on `value_rollup` in the same transaction as every change of a roll-up
 * (saves, imports, corrections, rebuilds after a change of the unit tree), so that no write path can forget them.
 * Days are not totalled: only periods of the form YYYY-MM are.
 */
export async function up(db: Db): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('value_rollup_ytd')
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('indicator_id', 'integer', (c) => c.notNull())
    .addColumn('option_id', 'integer', (c) => c.notNull())
    .addColumn('value', postgres ? 'double precision' : 'real', (c) => c.notNull())
    .addColumn('value_count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('value_rollup_ytd_pk', ['unit_id', 'period', 'indicator_id', 'option_id'])
    .$call((t) => (postgres ? t : t.modifyEnd(sql`without rowid`)))
    .execute();
  if (postgres) {
    // Statement-level triggers over the rows each statement changed: an import's roll-ups (one upsert of thousands of
    // rows) are carried into the running totals by one more upsert, not one per row. The totals are written in key
    // order, so that writers touching some of the same totals lock them in the same order (no deadlock between them).
    const month = `period ~ '^[0-9]{4}-[01][0-9]$'`;
    const carry = (rows: string) => `
      INSERT INTO value_rollup_ytd (unit_id, period, indicator_id, option_id, value, value_count)
      SELECT d.unit_id, left(d.period, 5) || m.mm, d.indicator_id, d.option_id, sum(d.value), sum(d.value_count)
      FROM (${rows}) d JOIN (VALUES ${MONTHS}) AS m(mm) ON m.mm >= substr(d.period, 6, 2)
      WHERE d.${month}
      GROUP BY d.unit_id, left(d.period, 5) || m.mm, d.indicator_id, d.option_id
      ORDER BY 1, 2, 3, 4
      ${CONFLICT}`;
    const added = 'SELECT unit_id, period, indicator_id, option_id, value, value_count FROM new_rows';
    const removed =
      'SELECT unit_id, period, indicator_id, option_id, -value AS value, -value_count AS value_count FROM old_rows';
    for (const [op, rows, referencing] of [
      ['insert', added, 'NEW TABLE AS new_rows'],
      ['update', `${added} UNION ALL ${removed}`, 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
      ['delete', removed, 'OLD TABLE AS old_rows'],
    ] as const) {
      await sql
        .raw(`CREATE FUNCTION value_rollup_ytd_${op}() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN ${carry(rows)}; RETURN NULL; END $$`)
        .execute(db);
      await sql
        .raw(`CREATE TRIGGER value_rollup_ytd_${op} AFTER ${op.toUpperCase()} ON value_rollup
          REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION value_rollup_ytd_${op}()`)
        .execute(db);
    }
    await sql
      .raw(carry('SELECT unit_id, period, indicator_id, option_id, value, value_count FROM value_rollup'))
      .execute(db);
    return;
  }
  const isMonth = (row: string) => `${row}.period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'`;
  // One row's value and count carried into the running totals of its month and the later months of its year.
  const carry = (row: 'NEW' | 'OLD', sign: '' | '-') => `
    INSERT INTO value_rollup_ytd (unit_id, period, indicator_id, option_id, value, value_count)
    SELECT ${row}.unit_id, substr(${row}.period, 1, 5) || m.column1, ${row}.indicator_id, ${row}.option_id,
      ${sign}${row}.value, ${sign}${row}.value_count
    FROM (VALUES ${MONTHS}) AS m
    WHERE ${isMonth(row)} AND m.column1 >= substr(${row}.period, 6, 2)
    ${CONFLICT};`;
  await sql
    .raw(`CREATE TRIGGER value_rollup_ytd_insert AFTER INSERT ON value_rollup BEGIN ${carry('NEW', '')} END`)
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER value_rollup_ytd_update AFTER UPDATE ON value_rollup BEGIN ${carry('OLD', '-')} ${carry('NEW', '')} END`,
    )
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER value_rollup_ytd_delete AFTER DELETE ON value_rollup BEGIN ${carry('OLD', '-')} END`)
    .execute(db);
  await sql
    .raw(`INSERT INTO value_rollup_ytd (unit_id, period, indicator_id, option_id, value, value_count)
      SELECT r.unit_id, substr(r.period, 1, 5) || m.column1, r.indicator_id, r.option_id, sum(r.value), sum(r.value_count)
      FROM value_rollup r JOIN (VALUES ${MONTHS}) AS m ON m.column1 >= substr(r.period, 6, 2)
      WHERE ${isMonth('r')}
      GROUP BY r.unit_id, substr(r.period, 1, 5) || m.column1, r.indicator_id, r.option_id`)
    .execute(db);
}

export async function down(db: Db): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const op of ['insert', 'update', 'delete']) {
    if (postgres) {
      await sql.raw(`DROP TRIGGER IF EXISTS value_rollup_ytd_${op} ON value_rollup`).execute(db);
      await sql.raw(`DROP FUNCTION IF EXISTS value_rollup_ytd_${op}()`).execute(db);
    } else await sql.raw(`DROP TRIGGER IF EXISTS value_rollup_ytd_${op}`).execute(db);
  }
  await db.schema.dropTable('value_rollup_ytd').execute();
}
