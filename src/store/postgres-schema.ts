/**
 * The PostgreSQL schema: the tables of the SQLite one (src/digest/store.ts MIGRATIONS), column
 * for column, in PostgreSQL's words. `seq` stands in for SQLite's rowid where order of insertion
 * breaks ties. Times stay as SQLite keeps them (ISO text, or milliseconds as BIGINT), so a row
 * reads the same from either store.
 *
 * Versioned like SQLite's: MIGRATIONS[i] takes the database from version i to i + 1, in a
 * transaction, recorded in schema_version. Every instance migrates at start under an advisory
 * lock: two starting at once on an empty database both come up, one after the other.
 */
import type pg from 'pg';

/** The advisory lock key of migrations (any constant of this program's own). */
export const MIGRATION_LOCK = 7_260_421;

/** Append only; never edit a shipped one. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE subscriptions (
     platform   TEXT NOT NULL CHECK (platform IN ('telegram', 'slack', 'dingtalk', 'wecom', 'feishu')),
     target     TEXT NOT NULL,
     time       TEXT CHECK (time IS NULL OR time ~ '^[0-2][0-9]:[0-5][0-9]$'),
     created_at TEXT NOT NULL,
     seq        BIGSERIAL,
     PRIMARY KEY (platform, target)
   );
   CREATE TABLE runs (
     run_key     TEXT PRIMARY KEY,
     schedule    TEXT NOT NULL,
     slot        TEXT NOT NULL,
     answer      TEXT NOT NULL,
     created_at  TEXT NOT NULL,
     finished_at TEXT,
     seq         BIGSERIAL
   );
   CREATE INDEX runs_by_schedule ON runs (schedule, created_at);
   CREATE TABLE deliveries (
     id       BIGSERIAL PRIMARY KEY,
     platform TEXT NOT NULL,
     target   TEXT NOT NULL,
     run_key  TEXT NOT NULL,
     status   TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'gone', 'unknown', 'expired')),
     attempts INTEGER NOT NULL DEFAULT 0,
     sent_at  TEXT,
     error    TEXT,
     owner    TEXT,
     UNIQUE (platform, target, run_key)
   );
   CREATE INDEX deliveries_by_run ON deliveries (run_key, status);
   CREATE TABLE announced_sources (
     source_id     TEXT PRIMARY KEY,
     first_seen_at TEXT NOT NULL
   );
   CREATE TABLE seen_events (
     key        TEXT PRIMARY KEY,
     expires_at BIGINT NOT NULL
   );
   CREATE INDEX seen_events_by_expiry ON seen_events (expires_at);
   CREATE TABLE contexts (
     conversation TEXT PRIMARY KEY,
     value        TEXT NOT NULL,
     at           BIGINT NOT NULL
   );
   CREATE INDEX contexts_by_time ON contexts (at);
   CREATE TABLE answers (
     id           TEXT PRIMARY KEY,
     at           BIGINT NOT NULL,
     platform     TEXT NOT NULL,
     conversation TEXT,
     "user"       TEXT,
     question     TEXT NOT NULL,
     query        TEXT,
     kind         TEXT NOT NULL,
     records      TEXT NOT NULL,
     ms           DOUBLE PRECISION NOT NULL
   );
   CREATE INDEX answers_by_time ON answers (at);
   CREATE TABLE feedback (
     answer  TEXT NOT NULL,
     "user"  TEXT NOT NULL,
     vote    TEXT NOT NULL CHECK (vote IN ('up', 'down')),
     reasons TEXT NOT NULL DEFAULT '[]',
     words   TEXT,
     at      BIGINT NOT NULL,
     PRIMARY KEY (answer, "user")
   );
   CREATE TABLE memos (
     key   TEXT PRIMARY KEY,
     value TEXT NOT NULL,
     at    BIGINT NOT NULL
   );
   CREATE INDEX memos_by_time ON memos (at);
   CREATE TABLE settings (
     name  TEXT PRIMARY KEY,
     value TEXT NOT NULL
   );`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the database to SCHEMA_VERSION, holding the advisory lock while it reads and writes
 * the version; returns how many migrations it applied. Throws on a database newer than this code.
 */
export async function migrate(client: pg.ClientBase): Promise<number> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_version');
    const from = rows.length ? Number(rows[0].version) : 0;
    if (from > SCHEMA_VERSION) throw new Error(`the database has schema version ${from}, newer than this program's ${SCHEMA_VERSION}`);
    for (let v = from; v < SCHEMA_VERSION; v++) {
      await client.query('BEGIN');
      try {
        await client.query(MIGRATIONS[v]);
        await client.query('DELETE FROM schema_version');
        await client.query('INSERT INTO schema_version (version) VALUES ($1)', [v + 1]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return SCHEMA_VERSION - from;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}
