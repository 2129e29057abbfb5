import type { Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the current schema types
type Db = Kysely<any>;

/**
 * What a report needs beyond figures: the office's register of the period's notable events (tình hình nổi bật),
 * each unit's document settings (symbol, signers), and the issued versions of a report, kept when withdrawn or
 * replaced so the old version stays readable.
 */
export async function up(db: Db): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('report_event')
    .addColumn('id', 'integer', (c) =>
      postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey(),
    )
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('secrecy', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createIndex('report_event_unit_date_idx')
    .on('report_event')
    .columns(['unit_id', 'date'])
    .execute();
  await db.schema
    .createTable('unit_document_setting')
    .addColumn('unit_id', 'integer', (c) => c.primaryKey())
    .addColumn('symbol', 'text')
    .addColumn('signers', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .execute();
  await db.schema
    .createTable('report_issue')
    .addColumn('id', 'integer', (c) =>
      postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey(),
    )
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'integer')
    .addColumn('issued_by_name', 'text', (c) => c.notNull())
    .addColumn('signer', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('ended_reason', 'text')
    .execute();
  await db.schema
    .createIndex('report_issue_unit_period_idx')
    .on('report_issue')
    .columns(['unit_id', 'period'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('report_issue').execute();
  await db.schema.dropTable('unit_document_setting').execute();
  await db.schema.dropTable('report_event').execute();
}
