/** What the robot's /subscribe, /unsubscribe and /digest call: the digest service, for DingTalk. */
import type { Answer } from '../../src/types.js';

type Awaitable<T> = T | Promise<T>;

export interface DingTalkDigest {
  /** Subscribes a target (group:cid… or user:staffId) at `time` (HH:MM) or the default; returns the confirmation. */
  subscribe(target: string, time?: string): Awaitable<string>;
  unsubscribe(target: string): Awaitable<string>;
  /** Today's digest, shown at once (/digest). */
  sendNow(target?: string): Awaitable<Answer>;
}
