/**
 * Asking the core on someone's behalf, the one way every front end does it (console, Telegram,
 * Slack, `npm run ask`): the question goes to the core within its conversation, so that a
 * follow-up (那1-6月呢, 谁牵头) takes what it leaves out from the last question there; it is
 * timed, and noted in the answer log when there is one.
 */
import { performance } from 'node:perf_hooks';
import type { AnswerLog } from './answer-log/log.js';
import type { Core } from './core.js';
import type { Answer, AskOptions } from './types.js';

export type AskPlatform = 'console' | 'telegram' | 'slack' | 'dingtalk' | 'wecom' | 'feishu' | 'cli';

/** Who asks, and where. Ids are the platform's own; they are never stored as they are. */
export interface Asker {
  platform: AskPlatform;
  /** The conversation (a Telegram private chat, one user in a group, a Slack thread or DM …). */
  conversation?: string;
  /** The platform's user id. */
  user?: string;
}

export interface Asked {
  answer: Answer;
  /** The answer's entry in the answer log, for its 👍/👎 buttons; none when the log is off. */
  entry?: string;
}

export type Ask = (question: string, who: Asker, options?: Omit<AskOptions, 'conversation'>) => Promise<Asked>;

export function asking(core: Core, log?: AnswerLog): Ask {
  return async (question, who, options = {}) => {
    // A conversation kept across instances is read in first and stored before the answer goes out.
    if (who.conversation && core.prepare) await core.prepare(who.conversation);
    const started = performance.now();
    const answer = core.ask(question, { ...options, conversation: who.conversation });
    const ms = performance.now() - started;
    if (who.conversation && core.settle) await core.settle(who.conversation);
    // A further page of a list is not a new question.
    if (!log || options.offset !== undefined) return { answer };
    return { answer, entry: log.record({ ...who, question, answer, ms }) };
  };
}
