/**
 * Answer → WeCom markdown messages (adapters/markdown.ts does the Markdown). WeCom limits an
 * application's markdown message to 2048 bytes of UTF-8, so answers are split by bytes. Its
 * markdown has no link or button that sends a message back, so follow-ups are listed to send;
 * for 更多 the core's own line (还有N项，发送“更多”…) says what to send.
 */
import type { DeskReply } from '../../src/reports/desk.js';
import type { Answer } from '../../src/types.js';
import { reportCommand } from '../chat-turn.js';
import { BREAK, answerLines, escapeMarkdown, splitMarkdown, utf8Bytes } from '../markdown.js';
import { TEXT } from './texts.js';

/** WeCom's limit is 2048 bytes; a margin for the separator WeCom's client adds nothing to. */
export const MAX_BYTES = 2048;

function nextSteps(answer: Answer): string {
  const parts: string[] = [];
  const followUps = answer.followUps ?? [];
  if (followUps.length) parts.push(TEXT.followUps + followUps.map((f) => escapeMarkdown(f.question)).join(' · '));
  return parts.join(BREAK);
}

export function renderAnswer(answer: Answer, options: { followUps?: boolean; limit?: number } = {}): string[] {
  const limit = options.limit ?? MAX_BYTES;
  const texts = splitMarkdown(answerLines(answer), limit, utf8Bytes);
  const steps = options.followUps === false ? '' : nextSteps(answer);
  if (steps) {
    const last = texts.length - 1;
    const joined = `${texts[last]}\n\n${steps}`;
    if (utf8Bytes(joined) <= limit) texts[last] = joined;
    else texts.push(steps);
  }
  return texts;
}

export function renderNote(text: string): string {
  return splitMarkdown([[{ text }]], MAX_BYTES, utf8Bytes)[0];
}

/** A report desk's reply: its text as written, then what to send for each of its buttons (WeCom has no button that posts back). */
export function renderReport(reply: DeskReply): string[] {
  const lines = reply.text.split('\n').map((line) => [{ text: line }]);
  const actions = (reply.buttons ?? []).map((b) => [{ text: `${b.label}：发送 ${reportCommand(b.action)}` }]);
  return splitMarkdown([...lines, ...actions], MAX_BYTES, utf8Bytes);
}
