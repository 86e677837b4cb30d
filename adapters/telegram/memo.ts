/**
 * What a button needs after the answer is gone: callback data holds at most 64 bytes, so
 * the question, the quote and the follow-up questions stay here under a short random id.
 * Bounded and least recently used first out; an id from before a restart is simply unknown
 * (已过期) — unless the memos are shared (DATABASE_URL): then each is also written, sealed, to
 * the store's `memos` table, and a button works on any instance and after a restart for
 * MEMO_DAYS days.
 */
import { randomBytes } from 'node:crypto';
import type { Memos } from '../../src/store/sealed-memos.js';

export const MEMO_DAYS = 7;

/** How to ask again for the next page (the 更多 button). */
export type FollowUp = { kind: 'ask'; question: string; brief?: boolean } | { kind: 'lagging' };

export interface Memo {
  followUp?: FollowUp;
  /** Offset of the next page. */
  next?: number;
  quote?: string;
  /** Likely next questions (the answer's followUps), asked by the buttons `ask:<id>:<n>`. */
  followUps?: { label: string; question: string; after?: string }[];
  /** The conversation the answer belongs to: its buttons ask there, whoever taps them. */
  conversation?: string;
}

export class MemoStore {
  private readonly entries = new Map<string, Memo>();
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly capacity = 1000,
    /** The store across instances, with what to do when it fails (a button then works here only). */
    private readonly shared?: { memos: Memos; failed(error: unknown): void },
  ) {}

  /** Stores the memo and returns its id: 8 URL-safe characters. */
  put(memo: Memo): string {
    const id = randomBytes(6).toString('base64url');
    this.entries.set(id, memo);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    if (this.shared) {
      const { memos, failed } = this.shared;
      const write = memos.put(`tg:${id}`, JSON.stringify(memo)).catch(failed);
      this.writes = Promise.all([this.writes, write]);
    }
    return id;
  }

  /** Resolves when the memos put so far are in the store (before the message with their buttons goes out). */
  written(): Promise<unknown> {
    return this.writes;
  }

  async get(id: string): Promise<Memo | undefined> {
    const memo = this.entries.get(id);
    if (memo !== undefined) {
      this.entries.delete(id);
      this.entries.set(id, memo);
      return memo;
    }
    if (!this.shared) return undefined;
    try {
      const text = await this.shared.memos.get(`tg:${id}`);
      return text === undefined ? undefined : (JSON.parse(text) as Memo);
    } catch (error) {
      this.shared.failed(error);
      return undefined;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
