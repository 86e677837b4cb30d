/**
 * Conversations' last queries in the bot's store (the `contexts` table of DATA_DIR/digest.db),
 * so that a restart does not forget a conversation of the last 30 minutes. The core decides
 * what a context holds and when it has gone idle; this only keeps it. Conversation ids are
 * stored as pseudonyms (answer-log/pseudonym.ts), and rows idle longer than the core's window
 * are deleted as new ones are written.
 *
 * A database fault never costs an answer: a context that cannot be read is no context (the
 * question is read on its own), one that cannot be written is forgotten; both are logged.
 */
import type Database from 'better-sqlite3';
import { IDLE_MS } from './conversation.js';
import type { Pseudonymize } from './answer-log/pseudonym.js';
import type { ContextStore } from './types.js';

/** Deleting idle rows at most this often: a cheap indexed DELETE, but not on every question. */
const PRUNE_EVERY_MS = 60_000;

export class StoredContexts implements ContextStore {
  private lastPrune = Number.NEGATIVE_INFINITY;
  private statements?: { get: Database.Statement; set: Database.Statement };

  /** Prepared once, on first use (preparing costs more than running). */
  private sql() {
    return (this.statements ??= {
      get: this.db.prepare('SELECT value, at FROM contexts WHERE conversation = ?'),
      set: this.db.prepare(
        `INSERT INTO contexts (conversation, value, at) VALUES (?, ?, ?)
         ON CONFLICT (conversation) DO UPDATE SET value = excluded.value, at = excluded.at`,
      ),
    });
  }

  constructor(
    private readonly db: Database.Database,
    private readonly pseudonym: Pseudonymize,
    private readonly onError: (error: unknown, what: 'read' | 'write') => void = () => {},
    private readonly idleMs: number = IDLE_MS,
  ) {}

  get(conversation: string): { value: string; at: number } | undefined {
    try {
      const row = this.sql().get.get(this.pseudonym('conversation', conversation)) as { value: string; at: number } | undefined;
      return row && { value: row.value, at: Number(row.at) };
    } catch (error) {
      this.onError(error, 'read');
      return undefined;
    }
  }

  set(conversation: string, value: string, at: number): void {
    try {
      this.sql().set.run(this.pseudonym('conversation', conversation), value, at);
      if (at - this.lastPrune >= PRUNE_EVERY_MS) this.prune(at);
    } catch (error) {
      this.onError(error, 'write');
    }
  }

  /** Deletes the contexts idle longer than the window, as of `now` (ms); returns how many. */
  prune(now: number = Date.now()): number {
    this.lastPrune = now;
    return this.db.prepare('DELETE FROM contexts WHERE at < ?').run(now - this.idleMs).changes;
  }

  /** How many conversations are kept (tests, the report). */
  count(): number {
    return Number((this.db.prepare('SELECT COUNT(*) AS n FROM contexts').get() as { n: number }).n);
  }
}
