/**
 * Conversations in a store across processes (PostgreSQL): the core answers synchronously, so a
 * conversation is read in before its question (prepare) and its new context written after
 * (settle), and the core reads and writes a copy held here in between. Another instance reads
 * the same row at its next question: a conversation continues wherever its next message lands.
 *
 * As in conversation-store.ts, ids are pseudonyms in the store, a fault never costs an answer
 * (a context that cannot be read is none; one that cannot be written stays in this process),
 * and idle rows are deleted as new ones are written.
 */
import { IDLE_MS } from '../conversation.js';
import { CONVERSATION_MEMORY } from '../conversation-store.js';
import type { Pseudonymize } from '../answer-log/pseudonym.js';
import type { ContextStore } from '../types.js';
import { WriteFaults } from '../write-faults.js';
import type { Store } from './store.js';

const PRUNE_EVERY_MS = 60_000;
const MAX_HELD = 10_000;

type Context = { value: string; at: number };

export class SharedContexts implements ContextStore {
  /** The copies read in or written here, least recently used first out. */
  private readonly held = new Map<string, Context | undefined>();
  private readonly writes = new Map<string, Promise<void>>();
  private lastPrune = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly store: Store,
    private readonly pseudonym: Pseudonymize,
    private readonly faults: WriteFaults = new WriteFaults(undefined),
    private readonly idleMs: number = IDLE_MS,
  ) {}

  private hold(conversation: string, context: Context | undefined): void {
    this.held.delete(conversation);
    this.held.set(conversation, context);
    if (this.held.size > MAX_HELD) this.held.delete(this.held.keys().next().value!);
  }

  async prepare(conversation: string): Promise<void> {
    await this.writes.get(conversation); // this process's own last write first
    try {
      this.hold(conversation, await this.store.context(this.pseudonym('conversation', conversation)));
    } catch (error) {
      // Unreadable: the copy held here, if any, else the question is read on its own.
      this.faults.failed(CONVERSATION_MEMORY, error, 'a follow-up there is read from this instance only', 'read');
    }
  }

  get(conversation: string): Context | undefined {
    return this.held.get(conversation);
  }

  set(conversation: string, value: string, at: number): void {
    this.hold(conversation, { value, at });
    const before = this.writes.get(conversation) ?? Promise.resolve();
    const write = before.then(() => this.write(conversation, value, at));
    this.writes.set(conversation, write);
    void write.finally(() => this.writes.get(conversation) === write && this.writes.delete(conversation));
  }

  private async write(conversation: string, value: string, at: number): Promise<void> {
    try {
      await this.store.saveContext(this.pseudonym('conversation', conversation), value, at);
      this.faults.succeeded(CONVERSATION_MEMORY);
    } catch (error) {
      this.faults.failed(CONVERSATION_MEMORY, error, 'conversations are kept in this instance meanwhile');
      return;
    }
    if (at - this.lastPrune >= PRUNE_EVERY_MS) {
      this.lastPrune = at;
      await this.store.pruneContexts(at - this.idleMs).catch((error: unknown) => {
        this.faults.failed(CONVERSATION_MEMORY, error, 'idle conversations are deleted later');
      });
    }
  }

  async settle(conversation: string): Promise<void> {
    await this.writes.get(conversation);
  }
}
