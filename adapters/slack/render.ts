/**
 * Answer → Slack Block Kit. Pure functions, no Slack client: the Slack adapter posts what these return.
 *
 * A message is one or more mrkdwn sections (figures in *bold*), a context block naming the source
 * documents and their dates, and buttons: the likely next questions (follow-ups, asked in the
 * answer's conversation), 原文 (the source sentence) and 更多 (the next page of a capped list);
 * and Slack's own 👍/👎 feedback buttons when the answer is in the answer log. `text` is the
 * plain fallback Slack shows in notifications.
 */
import type { types } from '@slack/bolt';
import { safeText } from '../../src/safe-text.js';
import type { Answer, Line } from '../../src/types.js';

import { ACTION_MORE, ACTION_QUOTE, LIMITS, TRUNCATED, encodeFollowUp, encodeMore } from './ids.js';
import { feedbackBlock } from './feedback.js';

export * from './ids.js';
export { escapeMrkdwn, sectionTexts } from './mrkdwn.js';
import { escapeMrkdwn, sectionTexts } from './mrkdwn.js';
export { decodeFeedback, decodeReason, feedbackModal, renderWhyDown } from './feedback.js';

type KnownBlock = types.KnownBlock;

/** Slack's limits (https://docs.slack.dev/reference/block-kit/blocks). */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

export interface RenderOptions {
  /** The Answer came from a brief ask (/kpi); the 更多 button keeps asking briefly. */
  brief?: boolean;
  /** Add the 原文 / 更多 buttons (default true; App Home has none). */
  buttons?: boolean;
  /** Block budget for this message (default 50). */
  maxBlocks?: number;
  /** The conversation the answer belongs to: its buttons ask there. */
  conversation?: string;
  /** The answer's entry in the answer log: 👍/👎 are offered for it. */
  entry?: string;
}

export function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function truncate(text: string, max: number, tail = '…'): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - tail.length);
  // Do not leave half of a surrogate pair.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return cut + tail;
}

/** The context block naming the source documents and their dates, or none when there are none. */
export function sourcesBlock(sources: Answer['sources']): KnownBlock | undefined {
  const seen = new Set<string>();
  const labels: string[] = [];
  for (const { title, date } of sources) {
    const label = date ? `${title}（${date}）` : title;
    if (!label || seen.has(label)) continue;
    seen.add(label);
    labels.push(escapeMrkdwn(label));
  }
  if (labels.length === 0) return undefined;
  const max = LIMITS.contextElements;
  const shown = labels.length > max ? [...labels.slice(0, max - 1), `等${labels.length}份文件`] : labels;
  return {
    type: 'context',
    elements: shown.map((label, i) => ({
      type: 'mrkdwn' as const,
      text: truncate(i === 0 ? `来源：${label}` : label, LIMITS.sectionText),
    })),
  };
}

/** Slack cuts a button's label at 75 characters. */
const BUTTON_LABEL = 75;

function buttons(answer: Answer, brief: boolean, conversation?: string): KnownBlock | undefined {
  const elements: types.Button[] = [];
  for (const [i, f] of (answer.followUps ?? []).entries()) {
    elements.push({
      type: 'button',
      action_id: `answer_follow_up_${i}`,
      text: { type: 'plain_text', text: truncate(safeText(f.label), BUTTON_LABEL) },
      value: encodeFollowUp({ question: f.question, conversation, ...(f.after ? { after: f.after } : {}) }),
    });
  }
  if (answer.quote) {
    elements.push({
      type: 'button',
      action_id: ACTION_QUOTE,
      text: { type: 'plain_text', text: '原文' },
      value: truncate(answer.quote, LIMITS.buttonValue),
    });
  }
  if (answer.more) {
    elements.push({
      type: 'button',
      action_id: ACTION_MORE,
      text: { type: 'plain_text', text: `更多（共${answer.more.total}项）` },
      value: encodeMore({ question: answer.question, offset: answer.more.next, brief, conversation }),
    });
  }
  return elements.length > 0 ? { type: 'actions', elements } : undefined;
}

/** The answer's lines as section blocks, at most `max` of them (the last says when cut). */
function sections(answer: Answer, max: number): KnownBlock[] {
  const lines: Line[] = answer.lines.length > 0 ? answer.lines : [[{ text: answer.text }]];
  let texts = sectionTexts(lines);
  if (texts.length === 0) texts = [escapeMrkdwn(answer.text.trim() || '（无内容）')];
  if (texts.length > max) {
    texts = texts.slice(0, Math.max(0, max - 1));
    texts.push(TRUNCATED);
  }
  return texts.map(section);
}

/** Plain fallback text for notifications and clients without blocks. */
export function fallbackText(answer: Answer): string {
  const plain = answer.text.trim() || answer.lines.map((l) => l.map((s) => s.text).join('')).join('\n');
  return escapeMrkdwn(truncate(plain || '（无内容）', LIMITS.fallbackText));
}

/** An Answer as a Slack message: sections, sources, buttons, and fallback text. */
export function renderAnswer(answer: Answer, options: RenderOptions = {}): SlackMessage {
  const maxBlocks = options.maxBlocks ?? LIMITS.messageBlocks;
  const context = sourcesBlock(answer.sources);
  const actions = options.buttons === false ? undefined : buttons(answer, options.brief ?? false, options.conversation);
  const votes = options.buttons !== false && options.entry ? feedbackBlock(options.entry) : undefined;
  const reserved = (context ? 1 : 0) + (actions ? 1 : 0) + (votes ? 1 : 0);
  // The context block names the source; the answer's own source line would say it twice.
  const last = answer.lines.at(-1)?.map((s) => s.text).join('') ?? '';
  const body = context && answer.lines.length > 1 && last.startsWith('来源：') ? { ...answer, lines: answer.lines.slice(0, -1) } : answer;
  const blocks = sections(body, Math.max(1, maxBlocks - reserved));
  if (context) blocks.push(context);
  if (actions) blocks.push(actions);
  if (votes) blocks.push(votes);
  return { text: fallbackText(answer), blocks };
}

/** A one-line notice (not enabled here, usage, too many questions). */
export function renderNotice(text: string): SlackMessage {
  const escaped = escapeMrkdwn(truncate(text, LIMITS.sectionText));
  return { text: escaped, blocks: [section(escaped)] };
}

/** The source sentence behind an answer, shown by the 原文 button. */
export function renderQuote(quote: string): SlackMessage {
  const body = escapeMrkdwn(truncate(quote.trim(), LIMITS.sectionText - 10)).replace(/\n/g, '\n>');
  return { text: `原文：${escapeMrkdwn(truncate(quote.trim(), LIMITS.fallbackText))}`, blocks: [section(`*原文*\n>${body}`)] };
}
