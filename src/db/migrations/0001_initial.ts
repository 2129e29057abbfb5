import { type ColumnDataType, type CreateTableBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

// Migrations are frozen in time: they import nothing of the application and see the database untyped.
// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the current schema types
type Db = Kysely<any>;

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

function double(db: Db): ColumnDataType {
  return isPostgres(db) ? 'double precision' : 'real';
}

// biome-ignore lint/suspicious/noExplicitAny: builder generics are erased in migrations
function withId(db: Db, table: CreateTableBuilder<any, any>): CreateTableBuilder<any, any> {
  return table.addColumn('id', 'integer', (c) =>
    isPostgres(db) ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey(),
  );
}

// biome-ignore lint/suspicious/noExplicitAny: builder generics are erased in migrations
function compact(db: Db, table: CreateTableBuilder<any, any>): CreateTableBuilder<any, any> {
  // Large key-only tables are stored by key in SQLite, without a separate rowid b-tree.
  return isPostgres(db) ? table : table.modifyEnd(sql`without rowid`);
}

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('unit')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('admin_code', 'text')
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('unit_code_idx').on('unit').columns(['code', 'valid_from']).unique().execute();

  await db.schema
    .createTable('unit_version')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text', (c) => c.notNull())
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('area_name', 'text')
    .addPrimaryKeyConstraint('unit_version_pk', ['unit_id', 'valid_from'])
    .execute();

  await db.schema
    .createTable('unit_parent')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('parent_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('unit_parent_pk', ['unit_id', 'valid_from'])
    .execute();
  await db.schema.createIndex('unit_parent_parent_idx').on('unit_parent').column('parent_id').execute();

  await withId(db, db.schema.createTable('unit_lineage'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('from_unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('to_unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('weight', double(db))
    .addColumn('note', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('indicator'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('value_type', 'text', (c) => c.notNull())
    .addColumn('decimals', 'integer', (c) => c.notNull())
    .addColumn('aggregation', 'text', (c) => c.notNull())
    .addColumn('good_direction', 'text', (c) => c.notNull())
    .addColumn('secrecy', 'text', (c) => c.notNull())
    .addColumn('phrase_vi', 'text', (c) => c.notNull())
    .addColumn('conversions', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('indicator_option'))
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('indicator_option_code_uq', ['indicator_id', 'code'])
    .execute();

  await withId(db, db.schema.createTable('report_form'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('period_type', 'text', (c) => c.notNull())
    .addColumn('reporter_kinds', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('secrecy', 'text', (c) => c.notNull())
    .addColumn('regime', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('form_indicator')
    .addColumn('form_id', 'integer', (c) => c.notNull().references('report_form.id'))
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('form_indicator_pk', ['form_id', 'indicator_id'])
    .execute();

  await withId(db, db.schema.createTable('change_set'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .execute();
  await db.schema.createIndex('change_set_at_idx').on('change_set').column('at').execute();

  // The current value of each key. Option 0 stands for "no disaggregation" so that the key has no NULL.
  // Keyed period → unit → form first: a month's reports arrive unit by unit, and a unit's form is read whole.
  await compact(
    db,
    db.schema
      .createTable('data_value')
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'integer', (c) => c.notNull())
      .addColumn('form_id', 'integer', (c) => c.notNull())
      .addColumn('indicator_id', 'integer', (c) => c.notNull())
      .addColumn('option_id', 'integer', (c) => c.notNull())
      .addColumn('value', double(db))
      .addColumn('comment', 'text')
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('change_id', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('data_value_pk', [
        'period',
        'unit_id',
        'form_id',
        'indicator_id',
        'option_id',
      ]),
  ).execute();

  // Every superseded version, so that no figure is ever lost and any moment can be reconstructed.
  await compact(
    db,
    db.schema
      .createTable('data_value_history')
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'integer', (c) => c.notNull())
      .addColumn('form_id', 'integer', (c) => c.notNull())
      .addColumn('indicator_id', 'integer', (c) => c.notNull())
      .addColumn('option_id', 'integer', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('value', double(db))
      .addColumn('comment', 'text')
      .addColumn('change_id', 'integer', (c) => c.notNull())
      .addColumn('superseded_by', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('data_value_history_pk', [
        'period',
        'unit_id',
        'form_id',
        'indicator_id',
        'option_id',
        'version',
      ]),
  ).execute();
  await db.schema
    .createIndex('data_value_history_superseded_idx')
    .on('data_value_history')
    .column('superseded_by')
    .execute();

  // Sums over each unit's subtree, kept up to date in the same transaction as every write. Read by unit and
  // period (the nation's months, a province's communes), so keyed in that order.
  await compact(
    db,
    db.schema
      .createTable('value_rollup')
      .addColumn('unit_id', 'integer', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('indicator_id', 'integer', (c) => c.notNull())
      .addColumn('option_id', 'integer', (c) => c.notNull())
      .addColumn('value', double(db), (c) => c.notNull())
      .addColumn('value_count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('value_rollup_pk', ['unit_id', 'period', 'indicator_id', 'option_id']),
  ).execute();

  await db.schema
    .createTable('submission')
    .addColumn('form_id', 'integer', (c) => c.notNull().references('report_form.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'integer')
    .addColumn('approved_at', 'text')
    .addColumn('approved_by', 'integer')
    .addColumn('locked_at', 'text')
    .addColumn('returned_reason', 'text')
    .addPrimaryKeyConstraint('submission_pk', ['form_id', 'period', 'unit_id'])
    .execute();

  await withId(db, db.schema.createTable('submission_event'))
    .addColumn('form_id', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('reason', 'text')
    .execute();
  await db.schema
    .createIndex('submission_event_key_idx')
    .on('submission_event')
    .columns(['form_id', 'unit_id', 'period'])
    .execute();

  await withId(db, db.schema.createTable('app_user'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('clearance', 'text', (c) => c.notNull())
    .addColumn('totp_secret', 'text')
    .addColumn('totp_last_step', 'integer')
    .addColumn('must_change_password', 'integer', (c) => c.notNull())
    .addColumn('failed_count', 'integer', (c) => c.notNull())
    .addColumn('last_failed_at', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('disabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('password_changed_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('password_history')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('password_history_user_idx').on('password_history').column('user_id').execute();

  await db.schema
    .createTable('user_session')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('second_factor_done', 'integer', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('user_session_user_idx').on('user_session').column('user_id').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer')
    .addColumn('secrecy', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
}

export async function down(db: Db): Promise<void> {
  for (const table of [
    'audit_log',
    'user_session',
    'password_history',
    'app_user',
    'submission_event',
    'submission',
    'value_rollup',
    'data_value_history',
    'data_value',
    'change_set',
    'form_indicator',
    'report_form',
    'indicator_option',
    'indicator',
    'unit_lineage',
    'unit_parent',
    'unit_version',
    'unit',
    'meta',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
