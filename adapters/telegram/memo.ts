/**
 * What a button needs after the answer is gone: callback data holds at most 64 bytes, so
 * the question, the quote and the follow-up questions stay here under a short random id.
 * Bounded and least recently used first out; an id from before a restart is simply unknown
 * (已过期).
 */
import { randomBytes } from 'node:crypto';

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

  constructor(private readonly capacity = 1000) {}

  /** Stores the memo and returns its id: 8 URL-safe characters. */
  put(memo: Memo): string {
    const id = randomBytes(6).toString('base64url');
    this.entries.set(id, memo);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return id;
  }

  get(id: string): Memo | undefined {
    const memo = this.entries.get(id);
    if (memo !== undefined) {
      this.entries.delete(id);
      this.entries.set(id, memo);
    }
    return memo;
  }

  get size(): number {
    return this.entries.size;
  }
}
