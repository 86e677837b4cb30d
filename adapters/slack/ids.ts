/**
 * Slack's limits, and the ids and values of the bot's buttons: what render.ts draws and the
 * action handlers read back.
 */
import { safeText } from '../../src/safe-text.js';

export const LIMITS = {
  sectionText: 3000,
  messageBlocks: 50,
  homeBlocks: 100,
  buttonValue: 2000,
  contextElements: 10,
  /** Fallback text: Slack truncates past 40,000; notifications need far less. */
  fallbackText: 3000,
} as const;

export const ACTION_QUOTE = 'answer_quote';
export const ACTION_MORE = 'answer_more';
/** Slack's feedback_buttons element (in a context_actions block); values up:<entry> / down:<entry>. */
export const ACTION_FEEDBACK = 'answer_feedback';
/** The reasons offered after a 👎 are feedback_reason_0 … _3, valued <entry>:<n>. */
export const ACTION_REASON = /^feedback_reason_\d+$/;
/** Opens the modal for a few words with a 👎. */
export const ACTION_WORDS = 'feedback_words';
/** The modal's callback id, and its input. */
export const VIEW_WORDS = 'feedback_words';
/** Follow-up buttons are answer_follow_up_0 … _3: action ids must differ within a block. */
export const ACTION_FOLLOW_UP = /^answer_follow_up_\d+$/;

export const TRUNCATED = '……（内容过长，已截断，请缩小问题范围）';

/** What the 更多 button carries: the question, where the next page starts, brief mode, the conversation. */
export interface MorePage {
  question: string;
  offset: number;
  brief: boolean;
  conversation?: string;
}

/** What a follow-up button carries: the question, and the conversation to ask it in. */
export interface FollowUpQuestion {
  question: string;
  conversation?: string;
  /** The conversation as the answer left it (Answer.followUps[].after), when it fits the value. */
  after?: string;
}

/** A button value: JSON of `fields` with the question shortened if it would pass 2000 characters. */
function buttonValue(question: string, fields: (q: string) => object): string {
  const value = (q: string) => JSON.stringify(fields(q));
  let q = question;
  while (value(q).length > LIMITS.buttonValue && q !== '') q = q.slice(0, q.length - (value(q).length - LIMITS.buttonValue));
  return value(q);
}

/** Encodes the 更多 button's value; the question is shortened if it would pass 2000 characters. */
export function encodeMore(page: MorePage): string {
  return buttonValue(page.question, (q) => ({
    q,
    n: page.offset,
    ...(page.brief ? { b: 1 } : {}),
    ...(page.conversation ? { c: page.conversation } : {}),
  }));
}

/** Reads a button value's JSON object; undefined when it is not one. */
function readValue(value: string | undefined): Record<string, unknown> | undefined {
  if (!value) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Decodes a 更多 button's value; undefined when it is not one of ours. */
export function decodeMore(value: string | undefined): MorePage | undefined {
  const { q, n, b, c } = readValue(value) ?? {};
  if (typeof q !== 'string' || typeof n !== 'number' || !Number.isInteger(n) || n < 0) return undefined;
  return { question: safeText(q), offset: n, brief: b === 1, ...(typeof c === 'string' ? { conversation: c } : {}) };
}

export function encodeFollowUp(f: FollowUpQuestion): string {
  const fields = (q: string, after?: string) => ({ q, ...(f.conversation ? { c: f.conversation } : {}), ...(after ? { a: after } : {}) });
  // Slack keeps 2000 characters of a value: a context that does not fit is left out, and the
  // button asks in the conversation as it is.
  if (f.after && JSON.stringify(fields(f.question, f.after)).length <= LIMITS.buttonValue) return JSON.stringify(fields(f.question, f.after));
  return buttonValue(f.question, (q) => fields(q));
}

/** Decodes a follow-up button's value; undefined when it is not one of ours. */
export function decodeFollowUp(value: string | undefined): FollowUpQuestion | undefined {
  const { q, c, a } = readValue(value) ?? {};
  if (typeof q !== 'string' || !q.trim()) return undefined;
  return { question: safeText(q), ...(typeof c === 'string' ? { conversation: c } : {}), ...(typeof a === 'string' ? { after: a } : {}) };
}
