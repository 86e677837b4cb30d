/**
 * The digest's state in SQLite (DATA_DIR/digest.db, WAL): subscriptions, the scheduled runs
 * with the digest each one sends, the delivery log (one row per subscriber and run, UNIQUE so
 * a run can never address a subscriber twice), the sources already announced, and the platform
 * events already handled (so a redelivery after a restart is answered once).
 *
 * The schema is versioned: MIGRATIONS[i] takes the database from user_version i to i + 1, each
 * in a transaction. Opening checks everything that could otherwise fail at 8 am: DATA_DIR
 * writable and not in use by another process (lock.ts), the file whole (trust.ts) and a
 * readable SQLite database, the schema not newer than this code.
 * Faults throw a DigestStoreError whose message is one line naming DATA_DIR or the file.
 *
 * A full disk is not a fault: answering needs no write. The database is then opened as it is
 * (writes fail until there is space, and their owners say so), or, when it cannot be read
 * without writing, one in memory takes its place until restart; `degraded` says which.
 * DATA_DIR is 700 and its files 600 (private-files.ts).
 */
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { ConfigError } from '../config.js';
import type { Answer } from '../types.js';
import { lockDataDir, type DataDirLock } from './lock.js';
import { distrust } from './trust.js';
import { exposedDir, privateFile, PRIVATE_DIR, tighten } from './private-files.js';
import { isDiskFull } from '../write-faults.js';

export type Platform = 'telegram' | 'slack' | 'dingtalk' | 'wecom' | 'feishu';
export const PLATFORMS: readonly Platform[] = ['telegram', 'slack', 'dingtalk', 'wecom', 'feishu'];

/**
 * pending → sending → sent | failed | gone; a retry goes back to pending. At start-up a row still
 * 'sending' (the process died mid-send) becomes 'unknown' and is not sent again; rows of runs too
 * old to finish become 'expired'.
 */
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'gone' | 'unknown' | 'expired';

export interface Subscription {
  platform: Platform;
  target: string;
  /** HH:MM in DIGEST_TZ, or null for the default schedule (DIGEST_CRON). */
  time: string | null;
  createdAt: string;
}

export interface Run {
  runKey: string;
  /** 'default' or the HH:MM of the subscribers it serves. */
  schedule: string;
  /** The scheduled time, ISO 8601. */
  slot: string;
  answer: Answer;
  createdAt: string;
  finishedAt: string | null;
}

export interface Delivery {
  id: number;
  platform: Platform;
  target: string;
  runKey: string;
  status: DeliveryStatus;
  attempts: number;
  sentAt: string | null;
  error: string | null;
}

/** A database or DATA_DIR that cannot be used: start-up stops with this one line. */
export class DigestStoreError extends ConfigError {}

export const DB_FILE = 'digest.db';

/** Each entry takes the schema from version i to i + 1. Append only; never edit a shipped one. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE subscriptions (
     platform   TEXT NOT NULL CHECK (platform IN ('telegram', 'slack')),
     target     TEXT NOT NULL,
     time       TEXT CHECK (time IS NULL OR time GLOB '[0-2][0-9]:[0-5][0-9]'),
     created_at TEXT NOT NULL,
     PRIMARY KEY (platform, target)
   );
   CREATE TABLE deliveries (
     id       INTEGER PRIMARY KEY,
     platform TEXT NOT NULL,
     target   TEXT NOT NULL,
     run_key  TEXT NOT NULL,
     status   TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'gone', 'unknown', 'expired')),
     attempts INTEGER NOT NULL DEFAULT 0,
     sent_at  TEXT,
     error    TEXT,
     UNIQUE (platform, target, run_key)
   );
   CREATE INDEX deliveries_by_run ON deliveries (run_key, status);
   CREATE TABLE announced_sources (
     source_id     TEXT PRIMARY KEY,
     first_seen_at TEXT NOT NULL
   );`,
  `CREATE TABLE runs (
     run_key     TEXT PRIMARY KEY,
     schedule    TEXT NOT NULL,
     slot        TEXT NOT NULL,
     answer      TEXT NOT NULL,
     created_at  TEXT NOT NULL,
     finished_at TEXT
   );
   CREATE INDEX runs_by_schedule ON runs (schedule, created_at);`,
  // Platform events already handled (Slack's event_id), kept for the platform's retry window
  // so a redelivery after a restart is still recognised.
  `CREATE TABLE seen_events (
     key        TEXT PRIMARY KEY,
     expires_at INTEGER NOT NULL
   );
   CREATE INDEX seen_events_by_expiry ON seen_events (expires_at);`,
  // Each conversation's last query, for follow-up questions (src/conversation-store.ts). The
  // conversation is a keyed hash, never a platform id; rows idle past 30 minutes are deleted.
  `CREATE TABLE contexts (
     conversation TEXT PRIMARY KEY,
     value        TEXT NOT NULL,
     at           INTEGER NOT NULL
   );
   CREATE INDEX contexts_by_time ON contexts (at);`,
  // The answer log (src/answer-log/): what was asked, how it was read and answered, and the
  // 👍/👎 given. Users and conversations are keyed hashes, never platform ids; entries older
  // than ANSWER_LOG_DAYS are deleted with their feedback.
  `CREATE TABLE answers (
     id           TEXT PRIMARY KEY,
     at           INTEGER NOT NULL,
     platform     TEXT NOT NULL,
     conversation TEXT,
     user         TEXT,
     question     TEXT NOT NULL,
     query        TEXT,
     kind         TEXT NOT NULL,
     records      TEXT NOT NULL,
     ms           REAL NOT NULL
   );
   CREATE INDEX answers_by_time ON answers (at);
   CREATE TABLE feedback (
     answer  TEXT NOT NULL,
     user    TEXT NOT NULL,
     vote    TEXT NOT NULL CHECK (vote IN ('up', 'down')),
     reasons TEXT NOT NULL DEFAULT '[]',
     words   TEXT,
     at      INTEGER NOT NULL,
     PRIMARY KEY (answer, user)
   );`,
  // DingTalk subscribers: the platform CHECK of the first version named only Telegram and Slack,
  // and SQLite cannot change a CHECK in place, so the table is copied.
  `CREATE TABLE subscriptions_new (
     platform   TEXT NOT NULL CHECK (platform IN ('telegram', 'slack', 'dingtalk')),
     target     TEXT NOT NULL,
     time       TEXT CHECK (time IS NULL OR time GLOB '[0-2][0-9]:[0-5][0-9]'),
     created_at TEXT NOT NULL,
     PRIMARY KEY (platform, target)
   );
   INSERT INTO subscriptions_new (platform, target, time, created_at) SELECT platform, target, time, created_at FROM subscriptions;
   DROP TABLE subscriptions;
   ALTER TABLE subscriptions_new RENAME TO subscriptions;`,
  // WeCom and Feishu subscribers: the CHECK again, the table copied again.
  `CREATE TABLE subscriptions_new (
     platform   TEXT NOT NULL CHECK (platform IN ('telegram', 'slack', 'dingtalk', 'wecom', 'feishu')),
     target     TEXT NOT NULL,
     time       TEXT CHECK (time IS NULL OR time GLOB '[0-2][0-9]:[0-5][0-9]'),
     created_at TEXT NOT NULL,
     PRIMARY KEY (platform, target)
   );
   INSERT INTO subscriptions_new (platform, target, time, created_at) SELECT platform, target, time, created_at FROM subscriptions;
   DROP TABLE subscriptions;
   ALTER TABLE subscriptions_new RENAME TO subscriptions;`,
  // Several instances (src/store/): who claimed a delivery, so that a recovery marks 'unknown'
  // only the sends of an instance that is gone; button memos and feedback prompts kept in the
  // store, so that a button works after a restart and on any instance; named settings (the
  // knowledge version each instance polls).
  `ALTER TABLE deliveries ADD COLUMN owner TEXT;
   CREATE TABLE memos (
     key   TEXT PRIMARY KEY,
     value TEXT NOT NULL,
     at    INTEGER NOT NULL
   );
   CREATE INDEX memos_by_time ON memos (at);
   CREATE TABLE settings (
     name  TEXT PRIMARY KEY,
     value TEXT NOT NULL
   );`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export interface OpenOptions {
  /** Read without creating or migrating anything (npm run digest). */
  readonly?: boolean;
  /** Deliveries and runs older than this many days are deleted at open (default 60). */
  keepDays?: number;
}

function oneLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0];
}

/**
 * Creates the missing folders of a path one at a time, each with a plain mkdir. Not a
 * recursive mkdir: where mkdir fails with ENOENT under an existing parent (/proc) Node 20's
 * recursive mkdir retries without end.
 */
function makeFolders(abs: string): void {
  const missing: string[] = [];
  for (let dir = abs; !existsSync(dir); dir = dirname(dir)) {
    missing.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  // DATA_DIR itself for the bot's user only; the folders above it as the umask says.
  for (const dir of missing) mkdirSync(dir, dir === abs ? PRIVATE_DIR : undefined);
}

/** Creates DATA_DIR when missing and proves it writable (root ignores modes, so a file is written). */
export function ensureDataDir(dir: string): string {
  const abs = resolve(dir);
  try {
    makeFolders(abs);
  } catch (error) {
    throw new DigestStoreError(`DATA_DIR: cannot create ${abs} (${oneLine(error)})`);
  }
  try {
    if (!statSync(abs).isDirectory()) throw new Error('not a directory');
    const probe = join(abs, `.write-test-${process.pid}`);
    try {
      writeFileSync(probe, '');
    } catch (error) {
      if (!isDiskFull(error)) throw error; // writable, but full: the store says what that costs
    }
    rmSync(probe, { force: true });
  } catch (error) {
    throw new DigestStoreError(`DATA_DIR: ${abs} is not a writable directory (${oneLine(error)})`);
  }
  return abs;
}

/** What a full disk costs, said once at start. */
function fullDisk(file: string, savedIn: Degraded['savedIn']): Degraded {
  const lost = 'the answer log, subscriptions, conversation memory (kept in memory meanwhile)';
  const warning =
    savedIn === 'file'
      ? `DATA_DIR: the disk of ${file} is full: answering goes on; until there is space nothing is saved — ${lost} — and no digest is sent (each send is recorded first, so that none goes out twice)`
      : `DATA_DIR: the disk of ${file} is full and the database cannot be opened: answering goes on with a store in memory until restart; nothing is saved — ${lost} — and the subscribers saved there get no digest`;
  return { savedIn, warning };
}

/** Removes a file this open made when nothing was written to it. */
function removeIfEmpty(file: string): void {
  try {
    if (statSync(file).size === 0) rmSync(file);
  } catch {
    // gone already
  }
}

const now = () => new Date().toISOString();

/** A row as either store gives it (SQLite or PostgreSQL: the same column names). */
type Row = Record<string, unknown>;

export function toSubscription(r: Row): Subscription {
  return { platform: r.platform as Platform, target: String(r.target), time: (r.time as string | null) ?? null, createdAt: String(r.created_at) };
}

export function toRun(r: Row): Run {
  return {
    runKey: String(r.run_key),
    schedule: String(r.schedule),
    slot: String(r.slot),
    answer: JSON.parse(String(r.answer)) as Answer,
    createdAt: String(r.created_at),
    finishedAt: (r.finished_at as string | null) ?? null,
  };
}

export function toDelivery(r: Row): Delivery {
  return {
    id: Number(r.id),
    platform: r.platform as Platform,
    target: String(r.target),
    runKey: String(r.run_key),
    status: r.status as DeliveryStatus,
    attempts: Number(r.attempts),
    sentAt: (r.sent_at as string | null) ?? null,
    error: (r.error as string | null) ?? null,
  };
}

/** Why a store is not saving: a full disk (`file`: the database as it is; `memory`: one in memory). */
export interface Degraded {
  savedIn: 'file' | 'memory';
  /** The warning to log once at start, saying what is lost. */
  warning: string;
}

export class DigestStore {
  readonly file: string;
  /** Lines to log once at start (a DATA_DIR others can read). */
  readonly warnings: string[] = [];
  /** Set when the disk was full at open. */
  degraded?: Degraded;
  private lock?: DataDirLock;
  private constructor(
    readonly db: Database.Database,
    file: string,
  ) {
    this.file = file;
  }

  /**
   * Opens (creating and migrating when needed) DATA_DIR/digest.db, holding DATA_DIR's lock
   * until close() unless read-only; throws a one-line DigestStoreError.
   */
  static open(dataDir: string, options: OpenOptions = {}): DigestStore {
    const existed = existsSync(resolve(dataDir));
    const dir = options.readonly ? resolve(dataDir) : ensureDataDir(dataDir);
    const file = join(dir, DB_FILE);
    const exposed = existed && !options.readonly ? exposedDir(dir) : undefined;
    let lock: DataDirLock | undefined;
    try {
      lock = options.readonly ? undefined : lockDataDir(dir);
    } catch (error) {
      throw new DigestStoreError(`DATA_DIR: ${oneLine(error)}`);
    }
    try {
      const store = DigestStore.openFile(file, options);
      store.lock = lock;
      if (exposed) store.warnings.push(exposed);
      return store;
    } catch (error) {
      lock?.release();
      throw error;
    }
  }

  private static openFile(file: string, options: OpenOptions): DigestStore {
    const doubt = distrust(file);
    if (doubt) throw new DigestStoreError(`DATA_DIR: ${doubt}`);
    if (options.readonly) return DigestStore.openDatabase(file, options);
    const created = !existsSync(file);
    privateFile(file); // before SQLite makes it, and its -wal and -shm, with the umask's mode
    try {
      const store = DigestStore.openDatabase(file, options);
      tighten(file, `${file}-wal`, `${file}-shm`);
      if (!store.canWrite()) store.degraded = fullDisk(file, 'file');
      return store;
    } catch (error) {
      const full = isDiskFull(error) || isDiskFull((error as Error).cause);
      if (created) removeIfEmpty(file); // a 0-byte file would be refused at the next start
      if (!full) throw error;
      return DigestStore.openWhenFull(file);
    }
  }

  /**
   * The database on a full disk. SQLite cannot make the shared-memory index of a WAL database
   * there, but in exclusive locking mode it keeps that index in memory: the file is read as it
   * is, and writes fail until there is space (then they work again). A file that cannot be read
   * so (missing, or of an older schema that needs migrating) is replaced, until restart, by a
   * database in memory.
   */
  private static openWhenFull(file: string): DigestStore {
    let db: Database.Database | undefined;
    try {
      db = new Database(file, { fileMustExist: true });
      db.pragma('locking_mode = EXCLUSIVE');
      db.pragma('journal_mode = WAL');
      const store = new DigestStore(db, file);
      if (store.version() === SCHEMA_VERSION && db.pragma('quick_check', { simple: true }) === 'ok') {
        store.degraded = fullDisk(file, 'file');
        return store;
      }
    } catch {
      // not readable without writing: the store goes to memory
    }
    db?.close();
    const store = new DigestStore(new Database(':memory:'), file);
    store.migrate();
    store.degraded = fullDisk(file, 'memory');
    return store;
  }

  /** Whether a write commits now: a full disk lets the database open and read, and fails here. */
  private canWrite(): boolean {
    try {
      this.db.pragma(`user_version = ${this.version()}`); // rewrites the header as it is
      return true;
    } catch (error) {
      if (isDiskFull(error)) return false;
      throw error;
    }
  }

  private static openDatabase(file: string, options: OpenOptions): DigestStore {
    let db: Database.Database;
    try {
      db = new Database(file, options.readonly ? { readonly: true, fileMustExist: true } : {});
    } catch (error) {
      throw new DigestStoreError(`DATA_DIR: cannot open ${file} (${oneLine(error)})`, { cause: error });
    }
    try {
      db.pragma('busy_timeout = 5000');
      if (!options.readonly) {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
      }
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`integrity check failed: ${String(check)}`);
      const store = new DigestStore(db, file);
      if (options.readonly) {
        if (store.version() !== SCHEMA_VERSION) throw new Error(`schema version ${store.version()}, expected ${SCHEMA_VERSION}`);
      } else {
        store.migrate();
        store.prune(options.keepDays ?? 60);
      }
      return store;
    } catch (error) {
      db.close();
      if (error instanceof DigestStoreError) throw error;
      throw new DigestStoreError(`DATA_DIR: ${file} is not a usable digest database (${oneLine(error)}); move it away to start afresh`, {
        cause: error,
      });
    }
  }

  version(): number {
    return Number(this.db.pragma('user_version', { simple: true }));
  }

  /** Applies the migrations this database has not had; a no-op when it is current. */
  migrate(): number {
    const from = this.version();
    if (from > SCHEMA_VERSION) {
      throw new DigestStoreError(`DATA_DIR: ${this.file} has schema version ${from}, newer than this program's ${SCHEMA_VERSION}`);
    }
    for (let v = from; v < SCHEMA_VERSION; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
    return SCHEMA_VERSION - from;
  }

  close(): void {
    if (this.db.open) this.db.close();
    this.lock?.release();
  }

  private prune(days: number): void {
    const before = new Date(Date.now() - days * 86_400_000).toISOString();
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM deliveries WHERE run_key IN (SELECT run_key FROM runs WHERE created_at < ?)').run(before);
      this.db.prepare('DELETE FROM runs WHERE created_at < ?').run(before);
      this.db.prepare('DELETE FROM seen_events WHERE expires_at <= ?').run(Date.now());
    })();
  }

  /* ------------------------------------------------------------ events seen */

  /**
   * Notes an event (`slack:Ev…`) as handled for `ttlMs`; false when it was noted already and
   * has not expired: a redelivery, to be dropped.
   */
  firstSight(key: string, ttlMs: number, at: number = Date.now()): boolean {
    // Prepared once: this runs for every event and update, and preparing costs more than running.
    const sql = (this.sightings ??= {
      expire: this.db.prepare('DELETE FROM seen_events WHERE expires_at <= ?'),
      note: this.db.prepare('INSERT OR IGNORE INTO seen_events (key, expires_at) VALUES (?, ?)'),
    });
    return this.db.transaction(() => {
      sql.expire.run(at);
      return sql.note.run(key, at + ttlMs).changes === 1;
    })();
  }

  private sightings?: { expire: Database.Statement<[number]>; note: Database.Statement<[string, number]> };

  /* ------------------------------------------------------------ subscriptions */

  /** Subscribes (or changes the time of) a target; returns the subscription. */
  subscribe(platform: Platform, target: string, time: string | null = null): Subscription {
    this.db
      .prepare(
        `INSERT INTO subscriptions (platform, target, time, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (platform, target) DO UPDATE SET time = excluded.time`,
      )
      .run(platform, target, time, now());
    return this.subscription(platform, target)!;
  }

  /** Ends a subscription; false when there was none. */
  unsubscribe(platform: Platform, target: string): boolean {
    return this.db.prepare('DELETE FROM subscriptions WHERE platform = ? AND target = ?').run(platform, target).changes > 0;
  }

  /** Moves a subscription to a new target id (a Telegram group upgraded to a supergroup). */
  moveSubscription(platform: Platform, from: string, to: string): void {
    this.db.prepare('UPDATE OR REPLACE subscriptions SET target = ? WHERE platform = ? AND target = ?').run(to, platform, from);
  }

  subscription(platform: Platform, target: string): Subscription | undefined {
    const row = this.db.prepare('SELECT * FROM subscriptions WHERE platform = ? AND target = ?').get(platform, target) as Row | undefined;
    return row && toSubscription(row);
  }

  subscriptions(): Subscription[] {
    return (this.db.prepare('SELECT * FROM subscriptions ORDER BY created_at, rowid').all() as Row[]).map(toSubscription);
  }

  /** The schedules in use: null for the default, else each distinct HH:MM. */
  schedules(): (string | null)[] {
    return (this.db.prepare('SELECT DISTINCT time FROM subscriptions ORDER BY time').all() as Row[]).map(
      (r) => (r.time as string | null) ?? null,
    );
  }

  /** Subscribers of one schedule (null: the default) on the given platforms. */
  subscribersOf(time: string | null, platforms: readonly Platform[]): Subscription[] {
    if (platforms.length === 0) return [];
    const marks = platforms.map(() => '?').join(', ');
    const rows = this.db
      .prepare(`SELECT * FROM subscriptions WHERE time IS ? AND platform IN (${marks}) ORDER BY created_at, rowid`)
      .all(time, ...platforms) as Row[];
    return rows.map(toSubscription);
  }

  /* ------------------------------------------------------------ runs and deliveries */

  /**
   * Records a run and a pending delivery for each target, in one transaction. Idempotent: an
   * existing run keeps its digest, and targets already in the log keep their rows (and status).
   * Returns the run as stored.
   */
  createRun(
    run: { runKey: string; schedule: string; slot: string; answer: Answer },
    targets: { platform: Platform; target: string }[],
  ): Run {
    const insertRun = this.db.prepare(
      'INSERT OR IGNORE INTO runs (run_key, schedule, slot, answer, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    const insertDelivery = this.db.prepare(
      "INSERT OR IGNORE INTO deliveries (platform, target, run_key, status) VALUES (?, ?, ?, 'pending')",
    );
    this.db.transaction(() => {
      insertRun.run(run.runKey, run.schedule, run.slot, JSON.stringify(run.answer), now());
      for (const t of targets) insertDelivery.run(t.platform, t.target, run.runKey);
    })();
    return this.run(run.runKey)!;
  }

  run(runKey: string): Run | undefined {
    const row = this.db.prepare('SELECT * FROM runs WHERE run_key = ?').get(runKey) as Row | undefined;
    return row && toRun(row);
  }

  /** The most recent run (of one schedule, when given). */
  latestRun(schedule?: string): Run | undefined {
    const row = (
      schedule === undefined
        ? this.db.prepare('SELECT * FROM runs ORDER BY created_at DESC, rowid DESC LIMIT 1').get()
        : this.db.prepare('SELECT * FROM runs WHERE schedule = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').get(schedule)
    ) as Row | undefined;
    return row && toRun(row);
  }

  /** Runs not finished yet, oldest first. */
  unfinishedRuns(): Run[] {
    return (this.db.prepare('SELECT * FROM runs WHERE finished_at IS NULL ORDER BY created_at').all() as Row[]).map(toRun);
  }

  finishRun(runKey: string): void {
    this.db.prepare('UPDATE runs SET finished_at = ? WHERE run_key = ? AND finished_at IS NULL').run(now(), runKey);
  }

  deliveries(runKey: string, status?: DeliveryStatus): Delivery[] {
    const rows = (
      status === undefined
        ? this.db.prepare('SELECT * FROM deliveries WHERE run_key = ? ORDER BY id').all(runKey)
        : this.db.prepare('SELECT * FROM deliveries WHERE run_key = ? AND status = ? ORDER BY id').all(runKey, status)
    ) as Row[];
    return rows.map(toDelivery);
  }

  /** Deliveries of a run counted by status. */
  counts(runKey: string): Partial<Record<DeliveryStatus, number>> {
    const rows = this.db.prepare('SELECT status, COUNT(*) AS n FROM deliveries WHERE run_key = ? GROUP BY status').all(runKey) as Row[];
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }

  /**
   * Claims a pending delivery for sending (pending → sending, attempts + 1). False when another
   * worker or process has it, or it is no longer pending: the claim is what makes a send at most once.
   */
  claim(id: number): boolean {
    return (
      this.db.prepare("UPDATE deliveries SET status = 'sending', attempts = attempts + 1 WHERE id = ? AND status = 'pending'").run(id)
        .changes === 1
    );
  }

  /**
   * Ends or re-queues a claimed delivery. Only a row still 'sending' changes: a worker that
   * outlived a recovery (which marked its row 'unknown') cannot undo that decision.
   */
  settle(id: number, status: Exclude<DeliveryStatus, 'sending'>, error: string | null = null): boolean {
    return (
      this.db
        .prepare(
          "UPDATE deliveries SET status = ?, error = ?, sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END WHERE id = ? AND status = 'sending'",
        )
        .run(status, error, status, now(), id).changes === 1
    );
  }

  /** Marks a run's rows in one status as another (start-up recovery). Returns how many. */
  remark(runKey: string, from: DeliveryStatus, to: DeliveryStatus, error: string | null = null): number {
    return this.db
      .prepare('UPDATE deliveries SET status = ?, error = COALESCE(?, error) WHERE run_key = ? AND status = ?')
      .run(to, error, runKey, from).changes;
  }

  /* ------------------------------------------------------------ announced sources */

  /** Records source ids first seen now (ids seen before keep their first time). */
  noteSources(ids: Iterable<string>, at: string = now()): void {
    const insert = this.db.prepare('INSERT OR IGNORE INTO announced_sources (source_id, first_seen_at) VALUES (?, ?)');
    this.db.transaction(() => {
      for (const id of ids) insert.run(id, at);
    })();
  }

  /** Source ids first seen at or before `at` (ISO time): those a digest created then knew of. */
  sourcesSeenBy(at: string): Set<string> {
    const rows = this.db.prepare('SELECT source_id FROM announced_sources WHERE first_seen_at <= ?').all(at) as Row[];
    return new Set(rows.map((r) => String(r.source_id)));
  }
}
