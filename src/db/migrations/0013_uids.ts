import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the current schema types
type Db = Kysely<any>;

// Frozen copy of src/shared/uid.ts as it was when this migration landed: the same seed gives the same uid, so
// a database migrated from before and one created afresh agree.
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALPHANUMERIC = `${LETTERS}0123456789`;

function deriveUid(seed: string): string {
  const bytes = createHash('sha256').update(seed, 'utf8').digest();
  let uid = LETTERS[(bytes[0] as number) % LETTERS.length] as string;
  for (let i = 1; i < 11; i++) uid += ALPHANUMERIC[(bytes[i] as number) % ALPHANUMERIC.length];
  return uid;
}

function assignUid(seed: string, taken: Set<string>): string {
  let uid = deriveUid(seed);
  for (let n = 1; taken.has(uid); n++) uid = deriveUid(`${seed}#${n}`);
  taken.add(uid);
  return uid;
}

const TABLES = ['unit', 'indicator', 'indicator_option', 'report_form'] as const;

/**
 * DHIS2-style uids (11 characters, a letter first) for units, indicators, options and forms: identities that never
 * change meaning, unlike unit codes, which the 2025 reform reused. Existing rows get the uid derived from their
 * code (and, for units, the day they began), exactly as new rows do.
 */
export async function up(db: Db): Promise<void> {
  for (const table of TABLES) await db.schema.alterTable(table).addColumn('uid', 'text').execute();
  const taken = new Set<string>();
  const set = async (table: string, id: number, uid: string) =>
    db.updateTable(table).set({ uid }).where('id', '=', id).execute();
  const units = await db.selectFrom('unit').select(['id', 'code', 'valid_from']).orderBy('id').execute();
  for (const u of units) await set('unit', u.id, assignUid(`unit:${u.code}:${u.valid_from}`, taken));
  const indicators = await db.selectFrom('indicator').select(['id', 'code']).orderBy('id').execute();
  const codeOf = new Map<number, string>();
  for (const i of indicators) {
    codeOf.set(i.id, i.code);
    await set('indicator', i.id, assignUid(`indicator:${i.code}`, taken));
  }
  const options = await db
    .selectFrom('indicator_option')
    .select(['id', 'indicator_id', 'code'])
    .orderBy('id')
    .execute();
  for (const o of options)
    await set('indicator_option', o.id, assignUid(`option:${codeOf.get(o.indicator_id)}:${o.code}`, taken));
  const forms = await db.selectFrom('report_form').select(['id', 'code']).orderBy('id').execute();
  for (const f of forms) await set('report_form', f.id, assignUid(`form:${f.code}`, taken));
  for (const table of TABLES)
    await db.schema.createIndex(`${table}_uid_idx`).on(table).column('uid').unique().execute();
}

export async function down(db: Db): Promise<void> {
  for (const table of TABLES) {
    await db.schema.dropIndex(`${table}_uid_idx`).execute();
    await db.schema.alterTable(table).dropColumn('uid').execute();
  }
}
