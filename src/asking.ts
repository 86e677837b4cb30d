/**
 * Asking the core on someone's behalf, the one way every front end does it (console, Telegram,
 * Slack, `npm run ask`): the question goes to the core within its conversation, so that a
 * follow-up (那1-6月呢, 谁牵头) takes what it leaves out from the last question there.
 */
import type { Core } from './core.js';
import type { Answer, AskOptions } from './types.js';

export type AskPlatform = 'console' | 'telegram' | 'slack' | 'cli';

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
}

export type Ask = (question: string, who: Asker, options?: Omit<AskOptions, 'conversation'>) => Asked;

export function asking(core: Core): Ask {
  return (question, who, options = {}) => ({ answer: core.ask(question, { ...options, conversation: who.conversation }) });
}
