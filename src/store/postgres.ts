/**
 * The Store in PostgreSQL (DATABASE_URL): several instances on one database.
 *
 * - A delivery is claimed with `SELECT … FOR UPDATE SKIP LOCKED` inside the claiming UPDATE:
 *   of two instances reaching one row, one claims it and the other passes on at once.
 * - Each instance's connections carry its name as application_name; a recovery marks 'unknown'
 *   only the 'sending' rows whose owner has no connection left (pg_stat_activity): an instance
 *   killed with -9 loses its connections, one still running keeps them.
 * - Migrations run at open under an advisory lock (postgres-schema.ts).
 * - BIGINT comes back from node-postgres as text and is read as a number (times in ms, ids).
 */
import pg from 'pg';
import { DigestStoreError, toDelivery, toRun, toSubscription, type Delivery, type DeliveryStatus, type Platform, type Run, type Subscription } from '../digest/store.js';
import type { Answer } from '../types.js';
import { migrate } from './postgres-schema.js';
import { instanceName, type AnswerRow, type FeedbackRow, type Store } from './store.js';

type Row = Record<string, unknown>;
const now = () => new Date().toISOString();

/** The server's address without the password, for messages. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'the server';
  }
}

export interface PostgresOptions {
  /** Deliveries and runs older than this many days are deleted at open (default 60). */
  keepDays?: number;
  /** Connections in the pool (default 10). */
  max?: number;
}

export class PostgresStore implements Store {
  readonly kind = 'postgres';

  private constructor(
    private readonly pool: pg.Pool,
    readonly instance: string,
  ) {}

  /** Connects, migrates (under the lock) and prunes; throws a one-line DigestStoreError naming DATABASE_URL. */
  static async open(url: string, options: PostgresOptions = {}): Promise<PostgresStore> {
    const instance = instanceName();
    const pool = new pg.Pool({ connectionString: url, application_name: instance, max: options.max ?? 10, connectionTimeoutMillis: 30_000 });
    // A connection dropped while idle (a server restart) is replaced at the next query; not a crash.
    pool.on('error', () => {});
    const store = new PostgresStore(pool, instance);
    try {
      const client = await pool.connect();
      try {
        await migrate(client);
      } finally {
        client.release();
      }
      await store.prune(options.keepDays ?? 60);
      return store;
    } catch (error) {
      await pool.end().catch(() => {});
      const why = String((error as Error)?.message ?? error).split('\n')[0];
      throw new DigestStoreError(`DATABASE_URL: cannot use the database at ${describeUrl(url)} (${why})`, { cause: error });
    }
  }

  private async query(text: string, params: unknown[] = []): Promise<pg.QueryResult<Row>> {
    return this.pool.query<Row>(text, params);
  }

  /** Runs `work` in one transaction on one connection. */
  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  private async prune(days: number): Promise<void> {
    const before = new Date(Date.now() - days * 86_400_000).toISOString();
    await this.transaction(async (c) => {
      await c.query('DELETE FROM deliveries WHERE run_key IN (SELECT run_key FROM runs WHERE created_at < $1)', [before]);
      await c.query('DELETE FROM runs WHERE created_at < $1', [before]);
      await c.query('DELETE FROM seen_events WHERE expires_at <= $1', [Date.now()]);
    });
  }

  async firstSight(key: string, ttlMs: number, at: number = Date.now()): Promise<boolean> {
    await this.query('DELETE FROM seen_events WHERE expires_at <= $1', [at]);
    const r = await this.query('INSERT INTO seen_events (key, expires_at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, at + ttlMs]);
    return r.rowCount === 1;
  }

  async subscribe(platform: Platform, target: string, time: string | null = null): Promise<Subscription> {
    await this.query(
      `INSERT INTO subscriptions (platform, target, time, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (platform, target) DO UPDATE SET time = excluded.time`,
      [platform, target, time, now()],
    );
    return (await this.subscription(platform, target))!;
  }

  async unsubscribe(platform: Platform, target: string): Promise<boolean> {
    return ((await this.query('DELETE FROM subscriptions WHERE platform = $1 AND target = $2', [platform, target])).rowCount ?? 0) > 0;
  }

  async moveSubscription(platform: Platform, from: string, to: string): Promise<void> {
    // SQLite's UPDATE OR REPLACE: a subscription already at the new id gives way.
    await this.transaction(async (c) => {
      const moving = await c.query('SELECT 1 FROM subscriptions WHERE platform = $1 AND target = $2', [platform, from]);
      if (!moving.rowCount) return;
      await c.query('DELETE FROM subscriptions WHERE platform = $1 AND target = $2', [platform, to]);
      await c.query('UPDATE subscriptions SET target = $1 WHERE platform = $2 AND target = $3', [to, platform, from]);
    });
  }

  async subscription(platform: Platform, target: string): Promise<Subscription | undefined> {
    const { rows } = await this.query('SELECT * FROM subscriptions WHERE platform = $1 AND target = $2', [platform, target]);
    return rows[0] && toSubscription(rows[0]);
  }

  async subscriptions(): Promise<Subscription[]> {
    return (await this.query('SELECT * FROM subscriptions ORDER BY created_at, seq')).rows.map(toSubscription);
  }

  async schedules(): Promise<(string | null)[]> {
    // SQLite sorts NULL first; so does this.
    const { rows } = await this.query('SELECT DISTINCT time FROM subscriptions ORDER BY time NULLS FIRST');
    return rows.map((r) => (r.time as string | null) ?? null);
  }

  async subscribersOf(time: string | null, platforms: readonly Platform[]): Promise<Subscription[]> {
    if (platforms.length === 0) return [];
    const { rows } = await this.query(
      'SELECT * FROM subscriptions WHERE time IS NOT DISTINCT FROM $1 AND platform = ANY($2) ORDER BY created_at, seq',
      [time, [...platforms]],
    );
    return rows.map(toSubscription);
  }

  async createRun(
    run: { runKey: string; schedule: string; slot: string; answer: Answer },
    targets: { platform: Platform; target: string }[],
  ): Promise<Run> {
    await this.transaction(async (c) => {
      await c.query(
        'INSERT INTO runs (run_key, schedule, slot, answer, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (run_key) DO NOTHING',
        [run.runKey, run.schedule, run.slot, JSON.stringify(run.answer), now()],
      );
      // One statement for all targets: 10,000 subscribers are one round trip, in their order.
      await c.query(
        `INSERT INTO deliveries (platform, target, run_key, status)
         SELECT p, t, $3, 'pending' FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS x(p, t, n) ORDER BY n
         ON CONFLICT (platform, target, run_key) DO NOTHING`,
        [targets.map((t) => t.platform), targets.map((t) => t.target), run.runKey],
      );
    });
    return (await this.run(run.runKey))!;
  }

  async run(runKey: string): Promise<Run | undefined> {
    const { rows } = await this.query('SELECT * FROM runs WHERE run_key = $1', [runKey]);
    return rows[0] && toRun(rows[0]);
  }

  async latestRun(schedule?: string): Promise<Run | undefined> {
    const { rows } =
      schedule === undefined
        ? await this.query('SELECT * FROM runs ORDER BY created_at DESC, seq DESC LIMIT 1')
        : await this.query('SELECT * FROM runs WHERE schedule = $1 ORDER BY created_at DESC, seq DESC LIMIT 1', [schedule]);
    return rows[0] && toRun(rows[0]);
  }

  async unfinishedRuns(): Promise<Run[]> {
    return (await this.query('SELECT * FROM runs WHERE finished_at IS NULL ORDER BY created_at, seq')).rows.map(toRun);
  }

  async finishRun(runKey: string): Promise<void> {
    await this.query('UPDATE runs SET finished_at = $1 WHERE run_key = $2 AND finished_at IS NULL', [now(), runKey]);
  }

  async deliveries(runKey: string, status?: DeliveryStatus): Promise<Delivery[]> {
    const { rows } =
      status === undefined
        ? await this.query('SELECT * FROM deliveries WHERE run_key = $1 ORDER BY id', [runKey])
        : await this.query('SELECT * FROM deliveries WHERE run_key = $1 AND status = $2 ORDER BY id', [runKey, status]);
    return rows.map(toDelivery);
  }

  async counts(runKey: string): Promise<Partial<Record<DeliveryStatus, number>>> {
    const { rows } = await this.query('SELECT status, COUNT(*) AS n FROM deliveries WHERE run_key = $1 GROUP BY status', [runKey]);
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }

  async claim(id: number): Promise<boolean> {
    const r = await this.query(
      `UPDATE deliveries SET status = 'sending', attempts = attempts + 1, owner = $2
       WHERE id = (SELECT id FROM deliveries WHERE id = $1 AND status = 'pending' FOR UPDATE SKIP LOCKED)`,
      [id, this.instance],
    );
    return r.rowCount === 1;
  }

  async settle(id: number, status: Exclude<DeliveryStatus, 'sending'>, error: string | null = null): Promise<boolean> {
    const r = await this.query(
      `UPDATE deliveries SET status = $1, error = $2, sent_at = CASE WHEN $1 = 'sent' THEN $3 ELSE sent_at END
       WHERE id = $4 AND status = 'sending'`,
      [status, error, now(), id],
    );
    return r.rowCount === 1;
  }

  async remark(runKey: string, from: DeliveryStatus, to: DeliveryStatus, error: string | null = null): Promise<number> {
    const orphans =
      from === 'sending'
        ? `AND (owner IS NULL OR (owner <> $5 AND owner NOT IN (SELECT application_name FROM pg_stat_activity WHERE application_name IS NOT NULL)))`
        : 'AND $5::text IS NOT NULL';
    const r = await this.query(`UPDATE deliveries SET status = $1, error = COALESCE($2, error) WHERE run_key = $3 AND status = $4 ${orphans}`, [
      to,
      error,
      runKey,
      from,
      this.instance,
    ]);
    return r.rowCount ?? 0;
  }

  async noteSources(ids: Iterable<string>, at: string = now()): Promise<void> {
    await this.query(
      'INSERT INTO announced_sources (source_id, first_seen_at) SELECT id, $2 FROM unnest($1::text[]) AS id ON CONFLICT (source_id) DO NOTHING',
      [[...new Set(ids)], at],
    );
  }

  async sourcesSeenBy(at: string): Promise<Set<string>> {
    const { rows } = await this.query('SELECT source_id FROM announced_sources WHERE first_seen_at <= $1', [at]);
    return new Set(rows.map((r) => String(r.source_id)));
  }

  async context(conversation: string): Promise<{ value: string; at: number } | undefined> {
    const { rows } = await this.query('SELECT value, at FROM contexts WHERE conversation = $1', [conversation]);
    return rows[0] && { value: String(rows[0].value), at: Number(rows[0].at) };
  }

  async saveContext(conversation: string, value: string, at: number): Promise<void> {
    await this.query(
      `INSERT INTO contexts (conversation, value, at) VALUES ($1, $2, $3)
       ON CONFLICT (conversation) DO UPDATE SET value = excluded.value, at = excluded.at`,
      [conversation, value, at],
    );
  }

  async pruneContexts(before: number): Promise<number> {
    return (await this.query('DELETE FROM contexts WHERE at < $1', [before])).rowCount ?? 0;
  }

  async countContexts(): Promise<number> {
    return Number((await this.query('SELECT COUNT(*) AS n FROM contexts')).rows[0].n);
  }

  async addAnswers(rows: AnswerRow[]): Promise<void> {
    if (rows.length === 0) return;
    const cols = ['id', 'at', 'platform', 'conversation', 'user', 'question', 'query', 'kind', 'records', 'ms'] as const;
    const values = rows.map((_, i) => `(${cols.map((_, j) => `$${i * cols.length + j + 1}`).join(', ')})`).join(', ');
    await this.query(
      `INSERT INTO answers (id, at, platform, conversation, "user", question, query, kind, records, ms) VALUES ${values}`,
      rows.flatMap((row) => cols.map((c) => row[c])),
    );
  }

  async answerExists(id: string): Promise<boolean> {
    return ((await this.query('SELECT 1 FROM answers WHERE id = $1', [id])).rowCount ?? 0) > 0;
  }

  async changeFeedback<T>(answer: string, user: string, at: number, decide: (before: FeedbackRow | undefined) => { result: T; after?: FeedbackRow }) {
    return this.transaction(async (c) => {
      // The entry's row locked: two votes of one user on two instances are taken one after the other.
      await c.query('SELECT 1 FROM answers WHERE id = $1 FOR UPDATE', [answer]);
      const { rows } = await c.query<Row>('SELECT vote, reasons, words FROM feedback WHERE answer = $1 AND "user" = $2', [answer, user]);
      const row = rows[0];
      const change = decide(
        row && { vote: row.vote as 'up' | 'down', reasons: JSON.parse(String(row.reasons)) as string[], words: (row.words as string | null) ?? null },
      );
      if (change.after) {
        await c.query(
          `INSERT INTO feedback (answer, "user", vote, reasons, words, at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (answer, "user") DO UPDATE SET vote = excluded.vote, reasons = excluded.reasons, words = excluded.words, at = excluded.at`,
          [answer, user, change.after.vote, JSON.stringify(change.after.reasons), change.after.words, at],
        );
      }
      return change.result;
    });
  }

  async pruneAnswers(before: number): Promise<number> {
    return this.transaction(async (c) => {
      await c.query('DELETE FROM feedback WHERE answer IN (SELECT id FROM answers WHERE at < $1)', [before]);
      return (await c.query('DELETE FROM answers WHERE at < $1', [before])).rowCount ?? 0;
    });
  }

  async putMemo(key: string, value: string, at: number = Date.now()): Promise<void> {
    await this.query(
      'INSERT INTO memos (key, value, at) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET value = excluded.value, at = excluded.at',
      [key, value, at],
    );
  }

  async memo(key: string): Promise<string | undefined> {
    const { rows } = await this.query('SELECT value FROM memos WHERE key = $1', [key]);
    return rows[0] ? String(rows[0].value) : undefined;
  }

  async pruneMemos(before: number): Promise<number> {
    return (await this.query('DELETE FROM memos WHERE at < $1', [before])).rowCount ?? 0;
  }

  async setting(name: string): Promise<string | undefined> {
    const { rows } = await this.query('SELECT value FROM settings WHERE name = $1', [name]);
    return rows[0] ? String(rows[0].value) : undefined;
  }

  async setSetting(name: string, value: string): Promise<void> {
    await this.query('INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value', [name, value]);
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => {});
  }
}
