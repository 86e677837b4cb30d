/**
 * The answer log's rows in a SQLite database: the part of SqliteStore that `npm run ask --log`
 * and `npm run report` use beside a running bot, on the database as it is.
 */
import type Database from 'better-sqlite3';
import type { AnswerRows, AnswerRow, FeedbackRow } from './store.js';

export function answersIn(db: Database.Database): AnswerRows {
  return {
    async addAnswers(rows: AnswerRow[]) {
      const insert = db.prepare(
        `INSERT INTO answers (id, at, platform, conversation, user, question, query, kind, records, ms)
         VALUES (@id, @at, @platform, @conversation, @user, @question, @query, @kind, @records, @ms)`,
      );
      db.transaction(() => {
        for (const row of rows) insert.run(row);
      })();
    },
    async answerExists(id: string) {
      return db.prepare('SELECT 1 FROM answers WHERE id = ?').get(id) !== undefined;
    },
    async changeFeedback<T>(answer: string, user: string, at: number, decide: (before: FeedbackRow | undefined) => { result: T; after?: FeedbackRow }) {
      return db.transaction(() => {
        const row = db.prepare('SELECT vote, reasons, words FROM feedback WHERE answer = ? AND user = ?').get(answer, user) as
          | { vote: 'up' | 'down'; reasons: string; words: string | null }
          | undefined;
        const change = decide(row && { vote: row.vote, reasons: JSON.parse(row.reasons) as string[], words: row.words });
        if (change.after) {
          db
            .prepare(
              `INSERT INTO feedback (answer, user, vote, reasons, words, at) VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT (answer, user) DO UPDATE SET vote = excluded.vote, reasons = excluded.reasons, words = excluded.words, at = excluded.at`,
            )
            .run(answer, user, change.after.vote, JSON.stringify(change.after.reasons), change.after.words, at);
        }
        return change.result;
      })();
    },
    async pruneAnswers(before: number) {
      return db.transaction(() => {
        db.prepare('DELETE FROM feedback WHERE answer IN (SELECT id FROM answers WHERE at < ?)').run(before);
        return db.prepare('DELETE FROM answers WHERE at < ?').run(before).changes;
      })();
    },
  };
  }
