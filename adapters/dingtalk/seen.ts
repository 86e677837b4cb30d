/**
 * Messages already taken, by msgId: DingTalk delivers a message again when it thinks the first
 * delivery went unanswered (Stream mode: no ack within about 60 s). The bot keeps them in the
 * store (so a redelivery after a restart is recognised); this in-memory one is for tests and
 * for a robot started on its own.
 */

/** DingTalk redelivers for a few minutes at most; 15 minutes is ample. */
export const MESSAGE_MEMORY_MS = 15 * 60_000;

export interface SeenMessages {
  /** True the first time a message id is seen (within the memory), false after. */
  add(id: string): boolean;
}

export function memorySeen(ttlMs = MESSAGE_MEMORY_MS, now = Date.now): SeenMessages {
  const seen = new Map<string, number>();
  return {
    add(id) {
      const at = now();
      for (const [key, until] of seen) {
        if (until > at) break; // insertion order is expiry order
        seen.delete(key);
      }
      if (seen.has(id)) return false;
      seen.set(id, at + ttlMs);
      return true;
    },
  };
}
