/**
 * Answer → Markdown, for the platforms whose robots speak it (DingTalk now; WeCom and Feishu
 * next): figures (spans with strong) in **bold**, every dynamic string cleared of escape
 * sequences and invisible controls (src/safe-text.ts) and of what Markdown would read as markup
 * (lists excepted: the core's numbered lists are meant as lists).
 * Long answers are split into messages within a platform's limit, between lines; a single line
 * longer than that is cut between characters, never inside a ** pair.
 *
 * Limits differ in unit (DingTalk counts characters, WeCom bytes), so the splitter takes a measure.
 */
import { safeText } from '../src/safe-text.js';
import type { Answer, Line } from '../src/types.js';

/** How long a piece of text is, in the platform's unit. */
export type Measure = (text: string) => number;

export const characters: Measure = (text) => [...text].length;
export const utf8Bytes: Measure = (text) => Buffer.byteLength(text, 'utf8');

/** A hard line break that every Markdown dialect of these clients keeps. */
export const BREAK = '  \n';

/** Escapes what Markdown reads as markup within a line (* _ ` [ ] and the backslash), so report text shows as written. */
export function escapeMarkdown(text: string): string {
  return safeText(text).replace(/[\\*_`[\]]/g, (c) => `\\${c}`);
}

/** A heading or quote mark at the start of a line; list marks (1. -) are left to read as lists. */
const BLOCK_MARK = /^(\s*)([#>])/;

/** One line of an answer as Markdown: figures in bold. */
export function lineToMarkdown(line: Line): string {
  const md = line.map((s) => (s.strong && s.text.trim() ? `**${escapeMarkdown(s.text)}**` : escapeMarkdown(s.text))).join('');
  return md.replace(BLOCK_MARK, '$1\\$2');
}

/** The answer's lines, or its plain text as lines when it has none. */
export function answerLines(answer: Answer): Line[] {
  if (answer.lines.length > 0) return answer.lines;
  return answer.text.split('\n').map((text) => [{ text }]);
}

/** The plain text of a line, cleared of controls (titles, notices). */
export function plainText(line: Line | undefined): string {
  return safeText((line ?? []).map((s) => s.text).join(''));
}

/** Cuts one over-long line into pieces within `limit`, closing and reopening bold at each cut. */
function cutLine(line: Line, limit: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const span of line) {
    const mark = span.strong ? '**' : '';
    let body = '';
    for (const ch of span.text) {
      const escaped = escapeMarkdown(ch);
      if (measure(current + mark + body + escaped + mark) > limit) {
        if (body) current += mark + body + mark;
        if (current) pieces.push(current);
        current = '';
        body = '';
      }
      body += escaped;
    }
    if (body) current += mark + body + mark;
  }
  if (current) pieces.push(current);
  return pieces;
}

/** Lines as few Markdown messages as fit, each within `limit` by `measure`. */
export function splitMarkdown(lines: Line[], limit: number, measure: Measure = characters): string[] {
  const messages: string[] = [];
  let current: string | undefined;
  for (const line of lines) {
    const text = lineToMarkdown(line);
    for (const piece of measure(text) > limit ? cutLine(line, limit, measure) : [text]) {
      if (current === undefined) current = piece;
      else if (measure(current + BREAK + piece) <= limit) current += BREAK + piece;
      else {
        messages.push(current);
        current = piece;
      }
    }
  }
  if (current !== undefined) messages.push(current);
  const nonEmpty = messages.filter((m) => m.trim() !== '');
  return nonEmpty.length > 0 ? nonEmpty : ['…'];
}

/** Text clipped to `max` characters, with … when cut. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

/** A short title for a message (the conversation list shows it): the first line, clipped. */
export function titleOf(answer: Answer, max = 30): string {
  return clip(plainText(answerLines(answer)[0]).trim() || '答复', max);
}
