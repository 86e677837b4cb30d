/**
 * Conversations' last queries in the bot's store (the `contexts` table of DATA_DIR/digest.db),
 * so that a restart does not forget a conversation of the last 30 minutes. The core decides
 * what a context holds and when it has gone idle; this only keeps it. Conversation ids are
 * stored as pseudonyms (answer-log/pseudonym.ts), and rows idle longer than the core's window
 * are deleted as new ones are written.
 *
 * A database fault never costs an answer. A context that cannot be written (a full disk) is
 * kept in memory instead, so follow-ups still work, and read from there until the store takes
 * that conversation again; one that cannot be read is no context (the question is read on its
 * own). Failures are reported through WriteFaults: once per kind and minute, not per question.
 */
import type Database from 'better-sqlite3';
import { IDLE_MS, memoryContexts } from './conversation.js';
import type { Pseudonymize } from './answer-log/pseudonym.js';
import type { ContextStore } from './types.js';
import { WriteFaults } from './write-faults.js';

/** Deleting idle rows at most this often: a cheap indexed DELETE, but not on every question. */
const PRUNE_EVERY_MS = 60_000;
/** As many conversations as memoryContexts() keeps. */
const MAX_HELD = 10_000;

export const CONVERSATION_MEMORY = 'conversation memory';

export class StoredContexts implements ContextStore {
  private lastPrune = Number.NEGATIVE_INFINITY;
  /** Contexts the store could not take, by conversation id (not a pseudonym: they never leave the process). */
  private readonly fallback = memoryContexts();
  private readonly held = new Set<string>();
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
    private readonly faults: WriteFaults = new WriteFaults(undefined),
    private readonly idleMs: number = IDLE_MS,
  ) {}

  get(conversation: string): { value: string; at: number } | undefined {
    if (this.held.has(conversation)) return this.fallback.get(conversation);
    try {
      const row = this.sql().get.get(this.pseudonym('conversation', conversation)) as { value: string; at: number } | undefined;
      return row && { value: row.value, at: Number(row.at) };
    } catch (error) {
      this.faults.failed(CONVERSATION_MEMORY, error, 'a follow-up there is read on its own', 'read');
      return undefined;
    }
  }

  set(conversation: string, value: string, at: number): void {
    try {
      this.sql().set.run(this.pseudonym('conversation', conversation), value, at);
      this.held.delete(conversation);
      this.faults.succeeded(CONVERSATION_MEMORY);
    } catch (error) {
      this.fallback.set(conversation, value, at);
      if (this.held.size >= MAX_HELD) this.held.clear(); // the fallback forgets its oldest too
      this.held.add(conversation);
      this.faults.failed(CONVERSATION_MEMORY, error, 'conversations are kept in memory meanwhile (lost at a restart)');
      return;
    }
    try {
      if (at - this.lastPrune >= PRUNE_EVERY_MS) this.prune(at);
    } catch (error) {
      this.faults.failed(CONVERSATION_MEMORY, error, 'idle conversations are deleted later');
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
