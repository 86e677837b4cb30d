/**
 * What /subscribe, /unsubscribe and /digest call on DingTalk, WeCom and Feishu: the digest
 * service, with each platform's targets (group:cid…, user:…, chat:…).
 */
import type { Answer } from '../src/types.js';

type Awaitable<T> = T | Promise<T>;

export interface ChatDigest {
  /** Subscribes a target at `time` (HH:MM) or the default; returns the confirmation. */
  subscribe(target: string, time?: string): Awaitable<string>;
  unsubscribe(target: string): Awaitable<string>;
  /** Today's digest, shown at once (/digest). */
  sendNow(target?: string): Awaitable<Answer>;
}
