/**
 * Platform deliveries already handled — Slack's event_id, Telegram's update_id — kept in the
 * store for the platform's redelivery window, so that a retry arriving after a restart, or at
 * another instance, is still dropped. When the store cannot write (a full disk, a database
 * away) they are kept in memory meanwhile: a redelivery to this process is still caught.
 */
import type { Store } from '../src/store/store.js';
import type { WriteFaults } from '../src/write-faults.js';
import { ExpiringSet, type SeenEvents } from './slack.js';

export const EVENT_IDS = 'event ids';

/** `prefix:id` noted in the store for `ttlMs`; add() is false for one seen already. */
export function seenInStore(store: Store, prefix: string, ttlMs: number, faults: WriteFaults): SeenEvents {
  const memory = new ExpiringSet(ttlMs, 100_000);
  return {
    async add(id) {
      const fresh = memory.add(id); // also while the store works: a store that fails later still knows the last ones
      try {
        const first = await store.firstSight(`${prefix}:${id}`, ttlMs);
        faults.succeeded(EVENT_IDS);
        return first && fresh;
      } catch (error) {
        faults.failed(EVENT_IDS, error, 'deliveries are told apart in memory meanwhile');
        return fresh;
      }
    },
  };
}
