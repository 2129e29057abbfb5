import { type ColumnDataType, type CreateTableBuilder, type Kysely, PostgresAdapter } from 'kysely';

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

/**
 * The briefing cycle: meetings with their agenda, frozen pack, minutes and conclusion notice; directives and the
 * tasks they create, with every state change and progress report kept as an event (the deadline history is
 * in those events); campaigns, commendations and deployment targets. Lists, deadlines and packs are JSON text.
 */
export async function up(db: Db): Promise<void> {
  await withId(db, db.schema.createTable('campaign'))
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('units', 'text', (c) => c.notNull())
    .addColumn('indicators', 'text', (c) => c.notNull())
    .addColumn('rank_by', 'text')
    .addColumn('report_form', 'text')
    .addColumn('secrecy', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('campaign_series_idx')
    .on('campaign')
    .columns(['series', 'year'])
    .unique()
    .execute();

  await withId(db, db.schema.createTable('meeting'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'integer', (c) => c.references('campaign.id'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('chair', 'text', (c) => c.notNull())
    .addColumn('participants', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('minutes', 'text')
    .addColumn('pack', 'text')
    .addColumn('pack_frozen_at', 'text')
    .addColumn('conclusion_number', 'text')
    .addColumn('conclusion_date', 'text')
    .addColumn('conclusion_text', 'text')
    .addColumn('secrecy', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meeting_held_idx').on('meeting').column('held_on').execute();

  await withId(db, db.schema.createTable('agenda_item'))
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meeting.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('presenter', 'text')
    .addColumn('outcome_kind', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('carried_task_id', 'integer')
    .execute();
  await db.schema.createIndex('agenda_item_meeting_idx').on('agenda_item').column('meeting_id').execute();

  await withId(db, db.schema.createTable('deployment_target'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('target_value', double(db), (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('unit_kind', 'text', (c) => c.notNull())
    .addColumn('units', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'integer', (c) => c.references('meeting.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('directive'))
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meeting.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('lead_unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('coordinating', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('indicators', 'text', (c) => c.notNull())
    .addColumn('target_id', 'integer', (c) => c.references('deployment_target.id'))
    .addColumn('secrecy', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('directive_meeting_idx').on('directive').column('meeting_id').execute();

  await withId(db, db.schema.createTable('task'))
    .addColumn('directive_id', 'integer', (c) => c.notNull().references('directive.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('assigned_on', 'text', (c) => c.notNull())
    .addColumn('confirmed_on', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_unit_idx').on('task').column('unit_id').execute();
  await db.schema
    .createIndex('task_directive_idx')
    .on('task')
    .columns(['directive_id', 'unit_id'])
    .unique()
    .execute();

  await withId(db, db.schema.createTable('task_event'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('task.id'))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text', (c) => c.notNull())
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('period', 'text')
    .addColumn('figures', 'text')
    .addColumn('attachments', 'text')
    .addColumn('deadline', 'text')
    .execute();
  await db.schema.createIndex('task_event_task_idx').on('task_event').column('task_id').execute();

  await withId(db, db.schema.createTable('commendation'))
    .addColumn('recipient_kind', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('person_name', 'text')
    .addColumn('person_rank', 'text')
    .addColumn('person_position', 'text')
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('decision_number', 'text', (c) => c.notNull())
    .addColumn('decision_date', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'integer', (c) => c.references('campaign.id'))
    .addColumn('period', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('commendation_unit_idx').on('commendation').column('unit_id').execute();
}

export async function down(db: Db): Promise<void> {
  for (const table of [
    'commendation',
    'task_event',
    'task',
    'directive',
    'deployment_target',
    'agenda_item',
    'meeting',
    'campaign',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
