/**
 * Everything the bot keeps, behind one asynchronous interface with two implementations: SQLite
 * in DATA_DIR (sqlite.ts, the embedded default: one process per DATA_DIR) and PostgreSQL when
 * DATABASE_URL is set (postgres.ts: several instances on one database). The same tables and the
 * same behaviour in both (test/store.test.ts runs one suite against each).
 *
 * Asynchronous because node-postgres is; SQLite's answers are already there and come back as
 * resolved promises. Each instance has a name (`instance`): the deliveries it claims carry it,
 * and a recovery marks 'unknown' only the sends of an instance that is no longer running.
 */
import type { Delivery, DeliveryStatus, Platform, Run, Subscription } from '../digest/store.js';
import type { Answer } from '../types.js';

export type { Delivery, DeliveryStatus, Platform, Run, Subscription };

/** A row of the answer log (src/answer-log/log.ts), users and conversations already pseudonyms. */
export interface AnswerRow {
  id: string;
  at: number;
  platform: string;
  conversation: string | null;
  user: string | null;
  question: string;
  query: string | null;
  kind: string;
  records: string;
  ms: number;
}

export interface FeedbackRow {
  vote: 'up' | 'down';
  reasons: string[];
  words: string | null;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** This process's name among the instances (a delivery's owner). */
  readonly instance: string;

  /** Notes an event (`slack:Ev…`) for `ttlMs`; false when noted already and not expired. */
  firstSight(key: string, ttlMs: number, at?: number): Promise<boolean>;

  subscribe(platform: Platform, target: string, time?: string | null): Promise<Subscription>;
  unsubscribe(platform: Platform, target: string): Promise<boolean>;
  moveSubscription(platform: Platform, from: string, to: string): Promise<void>;
  subscription(platform: Platform, target: string): Promise<Subscription | undefined>;
  subscriptions(): Promise<Subscription[]>;
  schedules(): Promise<(string | null)[]>;
  subscribersOf(time: string | null, platforms: readonly Platform[]): Promise<Subscription[]>;

  /** Records a run and a pending delivery per target; idempotent (see DigestStore.createRun). */
  createRun(
    run: { runKey: string; schedule: string; slot: string; answer: Answer },
    targets: { platform: Platform; target: string }[],
  ): Promise<Run>;
  run(runKey: string): Promise<Run | undefined>;
  latestRun(schedule?: string): Promise<Run | undefined>;
  unfinishedRuns(): Promise<Run[]>;
  finishRun(runKey: string): Promise<void>;
  deliveries(runKey: string, status?: DeliveryStatus): Promise<Delivery[]>;
  counts(runKey: string): Promise<Partial<Record<DeliveryStatus, number>>>;
  /** pending → sending, owned by this instance; false when another has it or it is not pending. */
  claim(id: number): Promise<boolean>;
  /** Ends or re-queues a delivery this instance claimed (only a row still 'sending' changes). */
  settle(id: number, status: Exclude<DeliveryStatus, 'sending'>, error?: string | null): Promise<boolean>;
  /**
   * Marks a run's rows in one status as another. From 'sending', only the rows of instances no
   * longer running (never this one's, never a live neighbour's).
   */
  remark(runKey: string, from: DeliveryStatus, to: DeliveryStatus, error?: string | null): Promise<number>;
  noteSources(ids: Iterable<string>, at?: string): Promise<void>;
  sourcesSeenBy(at: string): Promise<Set<string>>;

  /** A conversation's last query (the conversation already a pseudonym). */
  context(conversation: string): Promise<{ value: string; at: number } | undefined>;
  saveContext(conversation: string, value: string, at: number): Promise<void>;
  /** Deletes contexts last written before `before` (ms); returns how many. */
  pruneContexts(before: number): Promise<number>;
  countContexts(): Promise<number>;

  addAnswers(rows: AnswerRow[]): Promise<void>;
  answerExists(id: string): Promise<boolean>;
  /**
   * Reads a user's vote on an answer and writes what `decide` makes of it, as one transaction
   * (two taps on two instances never both count as the first).
   */
  changeFeedback<T>(
    answer: string,
    user: string,
    at: number,
    decide: (before: FeedbackRow | undefined) => { result: T; after?: FeedbackRow },
  ): Promise<T>;
  /** Deletes entries older than `before` (ms) with their feedback; returns how many entries. */
  pruneAnswers(before: number): Promise<number>;

  /** What a button needs after its answer is gone, by key; kept until pruneMemos. */
  putMemo(key: string, value: string, at?: number): Promise<void>;
  memo(key: string): Promise<string | undefined>;
  pruneMemos(before: number): Promise<number>;

  setting(name: string): Promise<string | undefined>;
  setSetting(name: string, value: string): Promise<void>;

  close(): Promise<void>;
}

/** What the answer log needs of a store (src/answer-log/log.ts). */
export type AnswerRows = Pick<Store, 'addAnswers' | 'answerExists' | 'changeFeedback' | 'pruneAnswers'>;

/** A name for this process among the instances: 16 characters, fits PostgreSQL's application_name. */
export function instanceName(): string {
  return `jx-${process.pid.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
