import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the current schema types
type Db = Kysely<any>;

/**
 * PostgreSQL: `audit_append(entries)` appends entries to the audit chain in one statement: it takes the chain's lock,
 * reads the head (a new snapshot, after the lock: this function is VOLATILE) and chains each entry to the one before
 * from the hashed text around its two chained fields (see `hashedTextAround` in audit/chain.ts). Every writer appends
 * to the one chain, so the lock is held from here to the commit: one statement sent with the COMMIT keeps it only
 * while the server runs them, instead of across the three round trips (lock, read the head, insert) of the
 * application chaining the entries itself. SQLite has one writer at a time and keeps chaining in the application.
 */
export async function up(db: Db): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`
    CREATE FUNCTION audit_append(entries json) RETURNS TABLE (seq integer, prev_hash text, hash text)
    LANGUAGE plpgsql VOLATILE AS $$
    DECLARE
      e record;
      head_seq integer;
      head_hash text;
      next_hash text;
    BEGIN
      PERFORM pg_advisory_xact_lock(7310);
      SELECT a.seq, a.hash INTO head_seq, head_hash FROM audit_log a ORDER BY a.seq DESC LIMIT 1;
      IF head_seq IS NULL THEN
        head_seq := 0;
        head_hash := repeat('0', 64);
      END IF;
      FOR e IN
        SELECT x.v->>'at' AS at, (x.v->>'actor_id')::integer AS actor_id, x.v->>'actor_name' AS actor_name,
               x.v->>'action' AS action, x.v->>'target' AS target, (x.v->>'unit_id')::integer AS unit_id,
               x.v->>'secrecy' AS secrecy, x.v->>'details' AS details, x.v->>'head' AS head,
               x.v->>'middle' AS middle, x.v->>'tail' AS tail
        FROM json_array_elements(entries) WITH ORDINALITY AS x(v, n)
        ORDER BY x.n
      LOOP
        head_seq := head_seq + 1;
        next_hash := encode(sha256(convert_to(e.head || head_hash || e.middle || head_seq::text || e.tail, 'UTF8')), 'hex');
        INSERT INTO audit_log (seq, at, actor_id, actor_name, action, target, unit_id, secrecy, details, prev_hash, hash)
        VALUES (head_seq, e.at, e.actor_id, e.actor_name, e.action, e.target, e.unit_id, e.secrecy, e.details,
                head_hash, next_hash);
        seq := head_seq;
        prev_hash := head_hash;
        hash := next_hash;
        RETURN NEXT;
        head_hash := next_hash;
      END LOOP;
    END $$`.execute(db);
}

export async function down(db: Db): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    await sql`DROP FUNCTION IF EXISTS audit_append(json)`.execute(db);
}
