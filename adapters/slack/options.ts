/** What the Slack adapter is given and gives back: its options, the digest it calls, its handles. */
import type { App, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { AnswerLog } from '../../src/answer-log/log.js';
import type { ReportDesk } from '../../src/reports/desk.js';
import type { Answer } from '../../src/types.js';
import type { RetryPolicy } from './outage.js';

/** Where a digest goes: the conversation the command came from, and who asked. */
export interface DigestTarget {
  platform: 'slack';
  channel: string;
  user: string;
}

/**
 * The daily digest, when the digest module lands. Without it, /digest answers that the digest is
 * coming soon and App Home shows a placeholder.
 */
export interface SlackDigest {
  /** `time`: the HH:MM after /digest subscribe. A returned string is shown as the confirmation. */
  subscribe(target: DigestTarget, time?: string): void | string | Promise<void | string>;
  unsubscribe(target: DigestTarget): void | string | Promise<void | string>;
  /** Today's digest, which the adapter posts where /digest now was typed. */
  sendNow(target: DigestTarget): Answer | Promise<Answer>;
  /** The latest digest for App Home, if there is one. */
  latest?(): Answer | undefined | Promise<Answer | undefined>;
}


export interface SlackOptions {
  digest?: SlackDigest;
  /** HTTP mode: the address to listen on (default: all interfaces). */
  host?: string;
  /** Web API retries on network errors, 5xx and rate limits (Retry-After is honoured). */
  retryConfig?: RetryPolicy;
  /** Web API request timeout in milliseconds (default 10 s). */
  timeout?: number;
  /** How long stop() waits for handlers still running (default 5 s). */
  drainMs?: number;
  /** Start-up (auth.test, connecting or listening) must be done within this (default 30 s). */
  startupMs?: number;
  /**
   * Where event ids already handled are kept: add() is false for one seen within the retry
   * window. Default: in memory (a retry after a restart is then answered again).
   */
  seenEvents?: SeenEvents;
  /** Where questions and the 👍/👎 given to answers are logged; without it, no 👍/👎 buttons. */
  answerLog?: AnswerLog;
  /** Reports sent in a DM by SLACK_OPERATORS; without it a shared file gets no answer. */
  reports?: ReportDesk;
}

/** Event ids already handled, for 15 minutes (Slack's retries come within 5). */
export interface SeenEvents {
  /** False for one seen already; a store across instances answers asynchronously. */
  add(eventId: string): boolean | Promise<boolean>;
}

export const EVENT_MEMORY_MS = 15 * 60_000;

export interface SlackApp {
  app: App;
  receiver: HTTPReceiver | SocketModeReceiver;
  mode: 'http' | 'socket';
  /** Handlers still running; stop() waits for them. */
  inFlight(): number;
}

export interface RunningSlack {
  mode: 'http' | 'socket';
  /** HTTP mode: the port listened on (useful when SLACK_PORT is 0 in tests). */
  port?: number;
  stop(): Promise<void>;
}
