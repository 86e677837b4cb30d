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
import { REASONS } from '../../src/answer-log/log.js';
import { safeText } from '../../src/safe-text.js';
import type { Answer, Line } from '../../src/types.js';

type KnownBlock = types.KnownBlock;
type HomeView = types.HomeView;

/** Slack's limits (https://docs.slack.dev/reference/block-kit/blocks). */
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

/** Escapes the three characters Slack's mrkdwn reserves, and drops escape sequences and invisible controls. */
export function escapeMrkdwn(text: string): string {
  return safeText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// Slack sets *x* in bold only when the asterisks stand at a word boundary; next to a Chinese
// character they would print as asterisks. A zero-width space gives the boundary without a gap.
const ZWSP = '\u200b';

/**
 * One line as indivisible mrkdwn pieces: an escaped character of plain text, or a whole bold
 * figure. Splitting between pieces never breaks an entity (&amp;) or a *bold* run.
 */
function linePieces(line: Line): string[] {
  const pieces: string[] = [];
  for (const span of line) {
    const inner = span.text.trim();
    if (span.strong && inner !== '' && !inner.includes('*')) {
      const lead = span.text.slice(0, span.text.indexOf(inner));
      const trail = span.text.slice(lead.length + inner.length);
      for (const ch of lead) pieces.push(escapeMrkdwn(ch));
      const bold = `${ZWSP}*${escapeMrkdwn(inner)}*${ZWSP}`;
      if (bold.length <= LIMITS.sectionText) pieces.push(bold);
      else for (const ch of inner) pieces.push(escapeMrkdwn(ch));
      for (const ch of trail) pieces.push(escapeMrkdwn(ch));
    } else {
      for (const ch of span.text) pieces.push(escapeMrkdwn(ch));
    }
  }
  return pieces;
}

/** Splits pieces into chunks of at most `limit` characters. */
function chunk(pieces: string[], limit: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const piece of pieces) {
    if (current.length + piece.length > limit && current !== '') {
      chunks.push(current);
      current = '';
    }
    current += piece;
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/**
 * The mrkdwn texts of the section blocks for these lines: lines joined with newlines, split at
 * line boundaries so that no text passes `limit`; a single longer line is split inside itself.
 */
export function sectionTexts(lines: Line[], limit: number = LIMITS.sectionText): string[] {
  const texts: string[] = [];
  let current = '';
  const flush = () => {
    const trimmed = current.replace(/^\n+|\s+$/g, '');
    if (trimmed.trim() !== '') texts.push(trimmed);
    current = '';
  };
  for (const line of lines) {
    const pieces = linePieces(line);
    const text = pieces.join('');
    const joined = current === '' ? text : `${current}\n${text}`;
    if (joined.length <= limit) {
      current = joined;
      continue;
    }
    flush();
    if (text.length <= limit) {
      current = text;
    } else {
      const parts = chunk(pieces, limit);
      for (const part of parts.slice(0, -1)) {
        current = part;
        flush();
      }
      current = parts.at(-1) ?? '';
    }
  }
  flush();
  return texts;
}

function section(text: string): KnownBlock {
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

/** Slack's own 👍/👎 for an answer in the log. */
function feedbackBlock(entry: string): KnownBlock {
  return {
    type: 'context_actions',
    elements: [
      {
        type: 'feedback_buttons',
        action_id: ACTION_FEEDBACK,
        positive_button: { text: { type: 'plain_text', text: '👍' }, value: `up:${entry}`, accessibility_label: '回答有用' },
        negative_button: { text: { type: 'plain_text', text: '👎' }, value: `down:${entry}`, accessibility_label: '回答有问题' },
      },
    ],
  };
}

/** A feedback button's value: the vote and the entry; undefined when it is not one of ours. */
export function decodeFeedback(value: string | undefined): { vote: 'up' | 'down'; entry: string } | undefined {
  const match = /^(up|down):([a-z0-9]{10})$/.exec(value ?? '');
  return match ? { vote: match[1] as 'up' | 'down', entry: match[2] } : undefined;
}

/** After a 👎, to the user only: the reasons as buttons, and a button for a few words. */
export function renderWhyDown(entry: string): SlackMessage {
  const text = '哪里不对？可以选一个或几个原因，也可以写几句。';
  return {
    text,
    blocks: [
      section(text),
      {
        type: 'actions',
        elements: [
          ...REASONS.map((reason, i): types.Button => ({
            type: 'button',
            action_id: `feedback_reason_${i}`,
            text: { type: 'plain_text', text: reason },
            value: `${entry}:${i}`,
          })),
          { type: 'button', action_id: ACTION_WORDS, text: { type: 'plain_text', text: '写几句' }, value: entry },
        ],
      },
    ],
  };
}

/** A reason button's value; undefined when it is not one of ours. */
export function decodeReason(value: string | undefined): { entry: string; reason: (typeof REASONS)[number] } | undefined {
  const match = /^([a-z0-9]{10}):(\d)$/.exec(value ?? '');
  const reason = match ? REASONS[Number(match[2])] : undefined;
  return match && reason ? { entry: match[1], reason } : undefined;
}

/** The modal for a few words with a 👎; `metadata` says which answer and where (for the allowlist). */
export function feedbackModal(entry: string, channel: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: VIEW_WORDS,
    private_metadata: JSON.stringify({ e: entry, c: channel }),
    title: { type: 'plain_text', text: '意见' },
    submit: { type: 'plain_text', text: '提交' },
    close: { type: 'plain_text', text: '取消' },
    blocks: [
      {
        type: 'input',
        block_id: 'words',
        label: { type: 'plain_text', text: '这个回答哪里不对？' },
        element: { type: 'plain_text_input', action_id: 'text', multiline: true, max_length: 500 },
      },
    ],
  };
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

export const HOME_USAGE =
  '在频道中 @我 提问（回答在该消息的讨论串里），或在“消息”标签页直接发问。\n' +
  '命令：`/kpi 指标` 查指标数据，`/task 编号或关键词` 查重点任务，`/digest` 每日简报。';

export const DIGEST_PLACEHOLDER = '每日简报功能即将上线。';

/**
 * The App Home tab: how to ask, what the bot knows with example questions (core.help()), and the
 * latest daily digest (a placeholder until the digest module supplies one).
 */
export function renderHome(help: Answer, digest?: Answer): HomeView {
  const budget = LIMITS.homeBlocks;
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: '报告问答' } },
    section(HOME_USAGE),
    { type: 'divider' },
  ];
  const digestBlocks: KnownBlock[] = [
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: '每日简报' } },
  ];
  const digestBody = digest
    ? renderAnswer(digest, { buttons: false, maxBlocks: 40 }).blocks
    : [section(DIGEST_PLACEHOLDER)];
  const helpBudget = budget - blocks.length - digestBlocks.length - digestBody.length;
  blocks.push(...renderAnswer(help, { buttons: false, maxBlocks: helpBudget }).blocks);
  blocks.push(...digestBlocks, ...digestBody);
  return { type: 'home', blocks };
}

/** The App Home tab when the bot is not enabled for this user: the notice and nothing else. */
export function renderHomeNotice(text: string): HomeView {
  return { type: 'home', blocks: [section(escapeMrkdwn(text))] };
}
