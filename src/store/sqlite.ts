/**
 * The Store in SQLite (DATA_DIR/digest.db): the embedded default. DigestStore keeps opening,
 * migrating, locking DATA_DIR (one process per folder) and the digest's tables; this adds what
 * the Store says beyond it, and hands both out as promises. With one process per DATA_DIR, the
 * only live instance is this one: a recovery marks 'unknown' every send not its own.
 */
import { DigestStore } from '../digest/store.js';
import { answersIn } from './sqlite-answers.js';
import type { AnswerRow, AnswerRows, FeedbackRow, Store } from './store.js';
import { instanceName } from './store.js';

export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  readonly instance = instanceName();

  private readonly answers: AnswerRows;

  constructor(readonly digest: DigestStore) {
    this.answers = answersIn(digest.db);
  }

  private get db() {
    return this.digest.db;
  }

  async firstSight(key: string, ttlMs: number, at?: number) {
    return this.digest.firstSight(key, ttlMs, at);
  }

  async subscribe(...args: Parameters<DigestStore['subscribe']>) {
    return this.digest.subscribe(...args);
  }
  async unsubscribe(...args: Parameters<DigestStore['unsubscribe']>) {
    return this.digest.unsubscribe(...args);
  }
  async moveSubscription(...args: Parameters<DigestStore['moveSubscription']>) {
    this.digest.moveSubscription(...args);
  }
  async subscription(...args: Parameters<DigestStore['subscription']>) {
    return this.digest.subscription(...args);
  }
  async subscriptions() {
    return this.digest.subscriptions();
  }
  async schedules() {
    return this.digest.schedules();
  }
  async subscribersOf(...args: Parameters<DigestStore['subscribersOf']>) {
    return this.digest.subscribersOf(...args);
  }
  async createRun(...args: Parameters<DigestStore['createRun']>) {
    return this.digest.createRun(...args);
  }
  async run(runKey: string) {
    return this.digest.run(runKey);
  }
  async latestRun(schedule?: string) {
    return this.digest.latestRun(schedule);
  }
  async unfinishedRuns() {
    return this.digest.unfinishedRuns();
  }
  async finishRun(runKey: string) {
    this.digest.finishRun(runKey);
  }
  async deliveries(...args: Parameters<DigestStore['deliveries']>) {
    return this.digest.deliveries(...args);
  }
  async counts(runKey: string) {
    return this.digest.counts(runKey);
  }

  async claim(id: number) {
    const sql = "UPDATE deliveries SET status = 'sending', attempts = attempts + 1, owner = ? WHERE id = ? AND status = 'pending'";
    return this.db.prepare(sql).run(this.instance, id).changes === 1;
  }

  async settle(...args: Parameters<DigestStore['settle']>) {
    return this.digest.settle(...args);
  }

  async remark(runKey: string, from: Parameters<DigestStore['remark']>[1], to: Parameters<DigestStore['remark']>[2], error: string | null = null) {
    if (from !== 'sending') return this.digest.remark(runKey, from, to, error);
    const sql = `UPDATE deliveries SET status = ?, error = COALESCE(?, error)
                 WHERE run_key = ? AND status = 'sending' AND (owner IS NULL OR owner <> ?)`;
    return this.db.prepare(sql).run(to, error, runKey, this.instance).changes;
  }

  async noteSources(ids: Iterable<string>, at?: string) {
    this.digest.noteSources(ids, at);
  }
  async sourcesSeenBy(at: string) {
    return this.digest.sourcesSeenBy(at);
  }

  async context(conversation: string) {
    const row = this.db.prepare('SELECT value, at FROM contexts WHERE conversation = ?').get(conversation) as
      | { value: string; at: number }
      | undefined;
    return row && { value: row.value, at: Number(row.at) };
  }
  async saveContext(conversation: string, value: string, at: number) {
    this.db
      .prepare(
        `INSERT INTO contexts (conversation, value, at) VALUES (?, ?, ?)
         ON CONFLICT (conversation) DO UPDATE SET value = excluded.value, at = excluded.at`,
      )
      .run(conversation, value, at);
  }
  async pruneContexts(before: number) {
    return this.db.prepare('DELETE FROM contexts WHERE at < ?').run(before).changes;
  }
  async countContexts() {
    return Number((this.db.prepare('SELECT COUNT(*) AS n FROM contexts').get() as { n: number }).n);
  }

  addAnswers(rows: AnswerRow[]) {
    return this.answers.addAnswers(rows);
  }
  answerExists(id: string) {
    return this.answers.answerExists(id);
  }
  changeFeedback<T>(answer: string, user: string, at: number, decide: (before: FeedbackRow | undefined) => { result: T; after?: FeedbackRow }) {
    return this.answers.changeFeedback(answer, user, at, decide);
  }
  pruneAnswers(before: number) {
    return this.answers.pruneAnswers(before);
  }

  async putMemo(key: string, value: string, at = Date.now()) {
    this.db
      .prepare('INSERT INTO memos (key, value, at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, at = excluded.at')
      .run(key, value, at);
  }
  async memo(key: string) {
    const row = this.db.prepare('SELECT value FROM memos WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }
  async pruneMemos(before: number) {
    return this.db.prepare('DELETE FROM memos WHERE at < ?').run(before).changes;
  }

  async setting(name: string) {
    const row = this.db.prepare('SELECT value FROM settings WHERE name = ?').get(name) as { value: string } | undefined;
    return row?.value;
  }
  async setSetting(name: string, value: string) {
    this.db.prepare('INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value').run(name, value);
  }

  async close() {
    this.digest.close();
  }
}
