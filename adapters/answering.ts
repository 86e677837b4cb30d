/**
 * Messages answered in the background, as the DingTalk, WeCom and Feishu adapters take them:
 * each message id once (the platforms deliver again when they think a delivery went unanswered,
 * and the bot keeps the ids in its store so that a redelivery after a restart is known too),
 * none taken while stopping (the platform then delivers it to the next process), and on stop
 * the answers in hand given up to `drainMs` to finish.
 */
import type { Server } from 'node:http';
import type { AnswerLog } from '../src/answer-log/log.js';
import type { Logger } from '../src/log.js';
import type { ReportDesk } from '../src/reports/desk.js';
import { closeCallback } from './callback-server.js';
import type { ChatDigest as Digest } from './chat-digest.js';

/** The platforms redeliver for a few minutes at most; 15 minutes is ample. */
export const MESSAGE_MEMORY_MS = 15 * 60_000;

export interface SeenMessages {
  /** True the first time a message id is seen (within the memory), false after. */
  add(id: string): boolean;
}

/** Ids in memory: for tests and for an adapter started on its own. */
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

/** What npm start hands each of these adapters. */
export interface AdapterOptions {
  /** /subscribe, /unsubscribe, /digest; without it they say the digest is not available. */
  digest?: Digest;
  /** Where questions are logged. */
  answerLog?: AnswerLog;
  /** Message ids already taken (default: in memory). */
  seen?: SeenMessages;
  /** Interface for the HTTP callback server (default: all). */
  host?: string;
  /** How long stop() waits for answers in flight (default 5 s). */
  drainMs?: number;
  /** Reports sent by operators (a file in a private chat); without it a file is not read. */
  reports?: ReportDesk;
}

export type Taken = 'taken' | 'stopping';

export interface Answering {
  /** Starts answering a message, unless its id was taken before ('taken' too) or the adapter is stopping. */
  take(id: string | undefined, answer: () => Promise<void>): Taken;
  /** True once drain() began: nothing more is taken. */
  readonly stopping: boolean;
  /** Takes nothing more and waits for the answers in hand, up to drainMs. */
  drain(): Promise<void>;
  /** Closes the callback server and drains, at the same time. */
  stopServing(server: Server): () => Promise<void>;
}

export function answering(platform: string, log: Logger, options: AdapterOptions): Answering {
  const seen = options.seen ?? memorySeen();
  /** A store that cannot write must not cost the answer: a rare duplicate is the lesser harm. */
  const firstSight = (id: string): boolean => {
    try {
      return seen.add(id);
    } catch (err) {
      log.warn({ err }, `${platform}: cannot note a message id; answering it anyway`);
      return true;
    }
  };
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  const drain = async () => {
    stopping = true;
    const deadline = new Promise((resolve) => setTimeout(resolve, options.drainMs ?? 5_000).unref());
    await Promise.race([Promise.allSettled([...inFlight]), deadline]);
  };
  return {
    take(id, answer) {
      if (stopping) return 'stopping';
      if (id && !firstSight(id)) return 'taken';
      const running: Promise<void> = answer().finally(() => inFlight.delete(running));
      inFlight.add(running);
      return 'taken';
    },
    get stopping() {
      return stopping;
    },
    drain,
    stopServing: (server) => async () => void (await Promise.all([closeCallback(server), drain()])),
  };
}
