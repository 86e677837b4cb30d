/**
 * Answer → Feishu interactive cards (msg_type interactive; adapters/markdown.ts does the
 * Markdown of the card's markdown element). Follow-up questions and 更多 are card buttons whose
 * value carries the question: a tap comes back as card.action.trigger and is asked as the
 * tapper's own question, in a group too. Long answers are split into cards of at most
 * MAX_TEXT characters, the buttons under the last.
 */
import type { DeskReply } from '../../src/reports/desk.js';
import type { Answer } from '../../src/types.js';
import { reportCommand } from '../chat-turn.js';
import { answerLines, characters, clip, splitMarkdown } from '../markdown.js';
import { TEXT } from './texts.js';

/**
 * Characters of markdown per card. Feishu limits a card message's request body (30 KB); 3,000
 * characters of Chinese are about 9 KB of UTF-8, a wide margin for the card's JSON around them.
 */
export const MAX_TEXT = 3000;

export type Card = Record<string, unknown>;

const button = (label: string, ask: string, group: boolean) => ({
  tag: 'button',
  text: { tag: 'plain_text', content: clip(label, 20) },
  type: 'default',
  value: { ask, group },
});

const card = (content: string, buttons: unknown[] = []): Card => ({
  config: { wide_screen_mode: true },
  elements: [{ tag: 'markdown', content }, ...(buttons.length ? [{ tag: 'action', actions: buttons }] : [])],
});

export function renderAnswer(answer: Answer, options: { group?: boolean; followUps?: boolean } = {}): Card[] {
  const group = options.group ?? false;
  const texts = splitMarkdown(answerLines(answer), MAX_TEXT, characters);
  const buttons = options.followUps === false ? [] : (answer.followUps ?? []).map((f) => button(f.label, f.question, group));
  if (options.followUps !== false && answer.more && answer.more.next < answer.more.total) buttons.push(button(TEXT.moreButton, TEXT.moreButton, group));
  return texts.map((text, i) => card(text, i === texts.length - 1 ? buttons : []));
}

export function renderNote(text: string): Card {
  return card(splitMarkdown([[{ text }]], MAX_TEXT)[0]);
}

/** A report desk's reply: its text as written, its buttons card buttons that send `/reports ACTION` (reports are taken in a p2p chat only). */
export function renderReport(reply: DeskReply): Card {
  const text = splitMarkdown(reply.text.split('\n').map((line) => [{ text: line }]), MAX_TEXT)[0];
  return card(text, (reply.buttons ?? []).map((b) => button(b.label, reportCommand(b.action), false)));
}

/** The markdown of a card (tests, logs). */
export function cardText(c: Card): string {
  const elements = (c.elements as { tag: string; content?: string; actions?: { text: { content: string } }[] }[]) ?? [];
  return elements.map((e) => e.content ?? (e.actions ?? []).map((a) => `[${a.text.content}]`).join(' ')).join('\n');
}
