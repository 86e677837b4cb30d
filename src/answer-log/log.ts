/**
 * The answer log: each question asked in the console, Telegram, Slack (and `npm run ask --log`),
 * with the structured query it was read as, the kind of answer, the records it used and the
 * time it took; and the 👍/👎 given to it. It is the operator's list of what officials ask and
 * what the reports could not answer (`npm run report`).
 *
 * Kept in the `answers` and `feedback` tables of DATA_DIR/digest.db. Users and conversations are
 * pseudonyms (pseudonym.ts); entries older than ANSWER_LOG_DAYS go, with their feedback.
 *
 * Writing never holds up an answer: record() hands back the entry's id at once (the feedback
 * buttons carry it) and the row is written after the answer has gone out, several in one
 * transaction. A write that fails is dropped and the answer is never affected; failures are
 * logged once a minute (a full disk fails every write, write-faults.ts).
 */
import { randomInt } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Logger } from '../log.js';
import type { Answer } from '../types.js';
import type { Pseudonymize } from './pseudonym.js';
import { WriteFaults } from '../write-faults.js';

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

interface Row {
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

export class AnswerLog {
  private pending: Row[] = [];
  private scheduled = false;
  private readonly now: () => number;
  private readonly faults: WriteFaults;

  constructor(
    private readonly db: Database.Database,
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

  /** Writes what record() has noted. Never throws. */
  flush(): void {
    this.scheduled = false;
    const rows = this.pending.splice(0);
    if (rows.length === 0) return;
    try {
      const insert = this.db.prepare(
        `INSERT INTO answers (id, at, platform, conversation, user, question, query, kind, records, ms)
         VALUES (@id, @at, @platform, @conversation, @user, @question, @query, @kind, @records, @ms)`,
      );
      this.db.transaction(() => {
        for (const row of rows) insert.run(row);
      })();
      this.faults.succeeded(ANSWER_LOG);
    } catch (error) {
      this.faults.failed(ANSWER_LOG, error, 'the answers went out all the same, their entries are dropped');
    }
  }

  private exists(answer: string): boolean {
    this.flush(); // a vote may come before the entry's write
    return this.db.prepare('SELECT 1 FROM answers WHERE id = ?').get(answer) !== undefined;
  }

  private current(answer: string, user: string): { vote: Vote; reasons: string[]; words: string | null } | undefined {
    const row = this.db.prepare('SELECT vote, reasons, words FROM feedback WHERE answer = ? AND user = ?').get(answer, user) as
      | { vote: Vote; reasons: string; words: string | null }
      | undefined;
    return row && { vote: row.vote, reasons: JSON.parse(row.reasons) as string[], words: row.words };
  }

  private save(answer: string, user: string, vote: Vote, reasons: string[], words: string | null): void {
    this.db
      .prepare(
        `INSERT INTO feedback (answer, user, vote, reasons, words, at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (answer, user) DO UPDATE SET vote = excluded.vote, reasons = excluded.reasons, words = excluded.words, at = excluded.at`,
      )
      .run(answer, user, vote, JSON.stringify(reasons), words, this.now());
  }

  /**
   * A 👍 or 👎 by a user of a platform; a user has one vote per answer and may change it (a 👍
   * drops the reasons of an earlier 👎).
   */
  vote(answer: string, platform: string, user: string, vote: Vote): VoteResult {
    return this.feedback(answer, platform, user, (before) => {
      if (before?.vote === vote) return { result: 'same' };
      return { result: before ? 'changed' : 'recorded', vote, reasons: vote === 'down' ? (before?.reasons ?? []) : [], words: vote === 'down' ? (before?.words ?? null) : null };
    });
  }

  /** A reason for a 👎 (a 👎 too, when the user had not voted so). */
  reason(answer: string, platform: string, user: string, reason: Reason): VoteResult {
    return this.feedback(answer, platform, user, (before) => {
      const kept = before?.vote === 'down' ? before.reasons : [];
      return { result: kept.includes(reason) ? 'same' : 'recorded', vote: 'down', reasons: [...new Set([...kept, reason])], words: before?.vote === 'down' ? before.words : null };
    });
  }

  /** A few words with a 👎 (a 👎 too, when the user had not voted so); later words replace earlier ones. */
  words(answer: string, platform: string, user: string, text: string): VoteResult {
    const words = text.trim().slice(0, MAX_WORDS);
    return this.feedback(answer, platform, user, (before) => ({
      result: 'recorded',
      vote: 'down',
      reasons: before?.vote === 'down' ? before.reasons : [],
      words: words || null,
    }));
  }

  private feedback(
    answer: string,
    platform: string,
    user: string,
    decide: (before: ReturnType<AnswerLog['current']>) => { result: VoteResult; vote?: Vote; reasons?: string[]; words?: string | null },
  ): VoteResult {
    if (!ENTRY_ID.test(answer) || !this.exists(answer)) return 'unknown';
    const who = this.options.pseudonym('user', `${platform}:${user}`);
    return this.db.transaction(() => {
      const change = decide(this.current(answer, who));
      if (change.vote) this.save(answer, who, change.vote, change.reasons ?? [], change.words ?? null);
      return change.result;
    })();
  }

  /** Deletes entries (and their feedback) older than ANSWER_LOG_DAYS; returns how many entries. */
  prune(): number {
    const before = this.now() - this.options.days * DAY_MS;
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM feedback WHERE answer IN (SELECT id FROM answers WHERE at < ?)').run(before);
      return this.db.prepare('DELETE FROM answers WHERE at < ?').run(before).changes;
    })();
  }
}
