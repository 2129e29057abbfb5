import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the current schema types
type Db = Kysely<any>;

const VALUE_COLUMNS = `period text NOT NULL, unit_id integer NOT NULL, form_id integer NOT NULL,
  indicator_id integer NOT NULL, option_id integer NOT NULL`;
const KEY = 'period, unit_id, form_id, indicator_id, option_id';

/** The figures' tables as created by 0001, split by the year their period begins with. */
const TABLES = [
  {
    name: 'data_value',
    columns: `${VALUE_COLUMNS}, value double precision, comment text, version integer NOT NULL, change_id integer NOT NULL`,
    names: `${KEY}, value, comment, version, change_id`,
    key: KEY,
  },
  {
    name: 'data_value_history',
    columns: `${VALUE_COLUMNS}, version integer NOT NULL, value double precision, comment text,
      change_id integer NOT NULL, superseded_by integer NOT NULL`,
    names: `${KEY}, version, value, comment, change_id, superseded_by`,
    key: `${KEY}, version`,
  },
];

async function yearsStored(db: Db, table: string): Promise<number[]> {
  const { rows } = await sql<{
    year: string;
  }>`SELECT DISTINCT substr(period, 1, 4) AS year FROM ${sql.table(table)}`.execute(db);
  return rows.map((r) => Number(r.year));
}

/**
 * On PostgreSQL, figures and their history are partitioned by the year of their period (declarative range
 * partitioning on the period text: a year's periods are ['2026', '2027')): a year's figures can be archived,
 * vacuumed and indexed on their own, and reads of some months touch their years only. The rows already stored are
 * moved into partitions of the years they hold; later years get theirs as they come (src/db/partitions.ts). Both
 * engines get a covering index for reads by period and indicator across units (a province's communes over two
 * years): an index range read instead of a walk through every figure of each unit. SQLite keeps its tables whole.
 */
export async function up(db: Db): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const t of TABLES) {
      const old = `${t.name}_unpartitioned`;
      await sql.raw(`ALTER TABLE ${t.name} RENAME TO ${old}`).execute(db);
      await sql.raw(`ALTER TABLE ${old} RENAME CONSTRAINT ${t.name}_pk TO ${old}_pk`).execute(db);
      await sql
        .raw(
          `CREATE TABLE ${t.name} (${t.columns}, CONSTRAINT ${t.name}_pk PRIMARY KEY (${t.key})) PARTITION BY RANGE (period)`,
        )
        .execute(db);
      for (const year of await yearsStored(db, old))
        await sql
          .raw(
            `CREATE TABLE ${t.name}_y${year} PARTITION OF ${t.name} FOR VALUES FROM ('${year}') TO ('${year + 1}')`,
          )
          .execute(db);
      await sql.raw(`INSERT INTO ${t.name} (${t.names}) SELECT ${t.names} FROM ${old}`).execute(db);
      await sql.raw(`DROP TABLE ${old}`).execute(db);
    }
    await sql`CREATE INDEX data_value_history_superseded_idx ON data_value_history (superseded_by)`.execute(
      db,
    );
    await sql`CREATE INDEX data_value_cover_idx ON data_value (period, indicator_id, unit_id, option_id)
      INCLUDE (form_id, value)`.execute(db);
    return;
  }
  // A table stored by key (WITHOUT ROWID): the index carries the key's other column, form_id, by itself.
  await sql`CREATE INDEX data_value_cover_idx ON data_value (period, indicator_id, unit_id, option_id, value)`.execute(
    db,
  );
}

export async function down(db: Db): Promise<void> {
  await sql`DROP INDEX data_value_cover_idx`.execute(db);
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`DROP INDEX data_value_history_superseded_idx`.execute(db);
  for (const t of TABLES) {
    const old = `${t.name}_partitioned`;
    await sql.raw(`ALTER TABLE ${t.name} RENAME TO ${old}`).execute(db);
    await sql.raw(`ALTER TABLE ${old} RENAME CONSTRAINT ${t.name}_pk TO ${old}_pk`).execute(db);
    await sql
      .raw(`CREATE TABLE ${t.name} (${t.columns}, CONSTRAINT ${t.name}_pk PRIMARY KEY (${t.key}))`)
      .execute(db);
    await sql.raw(`INSERT INTO ${t.name} (${t.names}) SELECT ${t.names} FROM ${old}`).execute(db);
    await sql.raw(`DROP TABLE ${old} CASCADE`).execute(db);
  }
  await sql`CREATE INDEX data_value_history_superseded_idx ON data_value_history (superseded_by)`.execute(db);
}
