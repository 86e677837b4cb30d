/**
 * Answer → DingTalk markdown messages (title + text; adapters/markdown.ts does the Markdown).
 *
 * Follow-up questions and 更多: DingTalk's ActionCard buttons only open a URL — they cannot post
 * back to the robot without DingTalk's interactive-card platform (card templates and a card
 * callback). What does reach the robot is a `dtmd://dingtalkclient/sendMessage?content=…` link in a
 * markdown message: tapping it sends the text as the user's own message. In a private chat that
 * message is a question to the robot, so follow-ups are such links there. In a group the robot
 * only hears messages that @mention it and the link's message would not, so there they are
 * listed as text to retype after @.
 */
import type { DeskReply } from '../../src/reports/desk.js';
import { safeText } from '../../src/safe-text.js';
import type { Answer } from '../../src/types.js';
import { BREAK, answerLines, characters, clip, escapeMarkdown, splitMarkdown, titleOf } from '../markdown.js';
import { reportCommand } from '../chat-turn.js';
import { TEXT } from './texts.js';

/**
 * Characters of markdown text per message. No length for a robot's markdown text was found in
 * DingTalk's documentation; this keeps each message (about 9 KB of UTF-8 at most) a margin
 * below what its clients are known to show whole.
 */
export const MAX_TEXT = 3000;

export interface Markdown {
  title: string;
  text: string;
}

export interface RenderOptions {
  /** In a group: follow-ups listed to retype, not links (see above). */
  group?: boolean;
  /** Follow-ups and 更多 (not for the digest). */
  followUps?: boolean;
  limit?: number;
}

/** A link that, tapped in the DingTalk client, sends `question` as the user's message. */
export function askLink(label: string, question: string): string {
  return `[${escapeMarkdown(label)}](dtmd://dingtalkclient/sendMessage?content=${encodeURIComponent(question)})`;
}

/** What can be asked next under an answer, as Markdown; empty when nothing. */
export function nextSteps(answer: Answer, group: boolean): string {
  const parts: string[] = [];
  const followUps = answer.followUps ?? [];
  if (followUps.length) {
    parts.push(
      group
        ? TEXT.followUpsRetype + followUps.map((f) => escapeMarkdown(f.question)).join(' · ')
        : TEXT.followUpsTap + followUps.map((f) => askLink(f.label, f.question)).join(' · '),
    );
  }
  if (answer.more && answer.more.next < answer.more.total) {
    // The core's answer already says how many are left and to send 更多.
    parts.push(group ? TEXT.moreHintGroup : askLink(TEXT.moreButton, TEXT.moreButton));
  }
  return parts.join(BREAK);
}

/** The answer as one or more markdown messages, the next steps under the last one. */
export function renderAnswer(answer: Answer, options: RenderOptions = {}): Markdown[] {
  const limit = options.limit ?? MAX_TEXT;
  const title = titleOf(answer);
  const texts = splitMarkdown(answerLines(answer), limit, characters);
  const steps = options.followUps === false ? '' : nextSteps(answer, options.group ?? false);
  if (steps) {
    const last = texts.length - 1;
    const joined = `${texts[last]}\n\n---\n\n${steps}`;
    if (characters(joined) <= limit) texts[last] = joined;
    else texts.push(steps); // a few short lines: never near the limit on their own
  }
  return texts.map((text) => ({ title, text }));
}

/** A short fixed note as a markdown message. */
export function renderNote(text: string): Markdown {
  return { title: clip(safeText(text), 30), text: splitMarkdown([[{ text }]], MAX_TEXT)[0] };
}

/**
 * A report desk's reply: its text as written, its buttons as links that send `/reports ACTION`
 * (reports are taken only in a private chat, where such a link reaches the robot).
 */
export function renderReport(reply: DeskReply, group = false): Markdown {
  const links = (reply.buttons ?? []).map((b) => (group ? escapeMarkdown(`${b.label}：${reportCommand(b.action)}`) : askLink(b.label, reportCommand(b.action))));
  const text = splitMarkdown(reply.text.split('\n').map((line) => [{ text: line }]), MAX_TEXT)[0];
  return { title: clip(safeText(reply.text.split('\n')[0]), 30), text: links.length ? `${text}\n\n${links.join(' · ')}` : text };
}
