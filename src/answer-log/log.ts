/**
 * The answer log: each question asked in the console, Telegram, Slack (and `npm run ask --log`),
 * with the structured query it was read as, the kind of answer, the records it used and the
 * time it took; and the 👍/👎 given to it. It is the operator's list of what officials ask and
 * what the reports could not answer (`npm run report`).
 *
 * Kept in the `answers` and `feedback` tables of the store (DATA_DIR/digest.db, or PostgreSQL). Users and conversations are
 * pseudonyms (pseudonym.ts); entries older than ANSWER_LOG_DAYS go, with their feedback.
 *
 * Writing never holds up an answer: record() hands back the entry's id at once (the feedback
 * buttons carry it) and the row is written after the answer has gone out, several in one
 * transaction. A write that fails is dropped and the answer is never affected; failures are
 * logged once a minute (a full disk fails every write, write-faults.ts).
 */
import { randomInt } from 'node:crypto';
import type { Logger } from '../log.js';
import type { Answer } from '../types.js';
import type { Pseudonymize } from './pseudonym.js';
import { WriteFaults } from '../write-faults.js';
import type { AnswerRow, AnswerRows, FeedbackRow } from '../store/store.js';

/** Why an answer got a 👎: offered as buttons, stored by name. */
export const REASONS = ['数字不对', '不是我问的', '没有回答', '太长'] as const;
export type Reason = (typeof REASONS)[number];

export type Vote = 'up' | 'down';

export interface Entry {
  platform: string;
  /** The conversation as the platform names it (hashed before it is stored). */
  conversation?: string;
  /** The platform's user id (hashed before it is stored). */
  user?: string;
  question: string;
  answer: Answer;
  /** Time taken by the core, in milliseconds. */
  ms: number;
}

/** What a vote did: a first vote, a change of mind, the same again, or an entry not in the log. */
export type VoteResult = 'recorded' | 'changed' | 'same' | 'unknown';

export interface AnswerLogOptions {
  pseudonym: Pseudonymize;
  /** Entries older than this many days are deleted by prune(). */
  days: number;
  log?: Logger;
  /** The clock (tests). */
  now?: () => number;
  /** Where failed writes are reported (default: once a minute on `log`). */
  faults?: WriteFaults;
}

export const ANSWER_LOG = 'answer log';

/** Entry ids: 10 characters of a-z 0-9 — short for callback data, never read as a command-line flag. */
const ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const ENTRY_ID = /^[a-z0-9]{10}$/;
const newId = () => Array.from({ length: 10 }, () => ID_CHARS[randomInt(ID_CHARS.length)]).join('');

const MAX_QUESTION = 2000;
const MAX_WORDS = 500;
const DAY_MS = 86_400_000;

export class AnswerLog {
  private pending: AnswerRow[] = [];
  private writing: Promise<void> = Promise.resolve();
  private scheduled = false;
  private readonly now: () => number;
  private readonly faults: WriteFaults;

  constructor(
    private readonly store: AnswerRows,
    private readonly options: AnswerLogOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.faults = options.faults ?? new WriteFaults(options.log);
  }

  /** Notes an answer; returns its entry id at once and writes it after the answer has gone out. */
  record(entry: Entry): string | undefined {
    try {
      const { pseudonym } = this.options;
      const id = newId();
      this.pending.push({
        id,
        at: this.now(),
        platform: entry.platform,
        conversation: entry.conversation === undefined ? null : pseudonym('conversation', entry.conversation),
        user: entry.user === undefined ? null : pseudonym('user', `${entry.platform}:${entry.user}`),
        question: entry.question.slice(0, MAX_QUESTION),
        query: entry.answer.query ? JSON.stringify(entry.answer.query) : null,
        kind: entry.answer.kind,
        records: JSON.stringify(entry.answer.records.map((r) => r.id)),
        ms: Math.round(entry.ms * 1000) / 1000,
      });
      if (!this.scheduled) {
        this.scheduled = true;
        // After the I/O already queued, the answer's request among it.
        setImmediate(() => this.flush());
      }
      return id;
    } catch (error) {
      this.options.log?.error({ err: error }, 'answer log: cannot note an answer; it went out all the same');
      return undefined;
    }
  }

  /** Writes what record() has noted (in SQLite at once, before the first await). Never throws. */
  flush(): Promise<void> {
    this.scheduled = false;
    const rows = this.pending.splice(0);
    if (rows.length === 0) return this.writing;
    const write = this.store.addAnswers(rows).then(
      () => void this.faults.succeeded(ANSWER_LOG),
      (error: unknown) => void this.faults.failed(ANSWER_LOG, error, 'the answers went out all the same, their entries are dropped'),
    );
    this.writing = this.writing.then(() => write);
    return this.writing;
  }

  private async exists(answer: string): Promise<boolean> {
    await this.flush(); // a vote may come before the entry's write
    return this.store.answerExists(answer);
  }

  /**
   * A 👍 or 👎 by a user of a platform; a user has one vote per answer and may change it (a 👍
   * drops the reasons of an earlier 👎).
   */
  vote(answer: string, platform: string, user: string, vote: Vote): Promise<VoteResult> {
    return this.feedback(answer, platform, user, (before) => {
      if (before?.vote === vote) return { result: 'same' };
      return { result: before ? 'changed' : 'recorded', vote, reasons: vote === 'down' ? (before?.reasons ?? []) : [], words: vote === 'down' ? (before?.words ?? null) : null };
    });
  }

  /** A reason for a 👎 (a 👎 too, when the user had not voted so). */
  reason(answer: string, platform: string, user: string, reason: Reason): Promise<VoteResult> {
    return this.feedback(answer, platform, user, (before) => {
      const kept = before?.vote === 'down' ? before.reasons : [];
      return { result: kept.includes(reason) ? 'same' : 'recorded', vote: 'down', reasons: [...new Set([...kept, reason])], words: before?.vote === 'down' ? before.words : null };
    });
  }

  /** A few words with a 👎 (a 👎 too, when the user had not voted so); later words replace earlier ones. */
  words(answer: string, platform: string, user: string, text: string): Promise<VoteResult> {
    const words = text.trim().slice(0, MAX_WORDS);
    return this.feedback(answer, platform, user, (before) => ({
      result: 'recorded',
      vote: 'down',
      reasons: before?.vote === 'down' ? before.reasons : [],
      words: words || null,
    }));
  }

  private async feedback(
    answer: string,
    platform: string,
    user: string,
    decide: (before: FeedbackRow | undefined) => { result: VoteResult; vote?: Vote; reasons?: string[]; words?: string | null },
  ): Promise<VoteResult> {
    if (!ENTRY_ID.test(answer) || !(await this.exists(answer))) return 'unknown';
    const who = this.options.pseudonym('user', `${platform}:${user}`);
    return this.store.changeFeedback(answer, who, this.now(), (before) => {
      const change = decide(before);
      const after = change.vote && { vote: change.vote, reasons: change.reasons ?? [], words: change.words ?? null };
      return { result: change.result, after };
    });
  }

  /** Deletes entries (and their feedback) older than ANSWER_LOG_DAYS; returns how many entries. */
  prune(): Promise<number> {
    return this.store.pruneAnswers(this.now() - this.options.days * DAY_MS);
  }
}
