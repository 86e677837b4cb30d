/**
 * Answer → Telegram HTML (parse_mode "HTML"). Every dynamic string is escaped, and cleared of
 * escape sequences and invisible controls; figures
 * (spans with strong) are set in <b>. Long answers are split into messages of at most
 * 4096 characters at line boundaries; a single line longer than that is cut between
 * characters, never inside a tag or an entity.
 */
import { safeText } from '../../src/safe-text.js';
import type { Answer, Line } from '../../src/types.js';

/** Telegram's limit for one text message. */
export const MAX_MESSAGE = 4096;

/** Escapes what HTML reserves, and drops escape sequences and invisible controls (src/safe-text.ts). */
export function escapeHtml(text: string): string {
  return safeText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function lineToHtml(line: Line): string {
  return line.map((s) => (s.strong ? `<b>${escapeHtml(s.text)}</b>` : escapeHtml(s.text))).join('');
}

export function plainLine(line: Line | undefined): string {
  return safeText((line ?? []).map((s) => s.text).join(''));
}

/** The answer's lines, or its plain text as lines when it has none. */
export function linesOf(answer: Answer): Line[] {
  if (answer.lines.length > 0) return answer.lines;
  return answer.text.split('\n').map((text) => [{ text }]);
}

/** Cuts one over-long line into pieces of at most `limit` characters of HTML. */
function cutLine(line: Line, limit: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const span of line) {
    const open = span.strong ? '<b>' : '';
    const close = span.strong ? '</b>' : '';
    let body = '';
    for (const ch of span.text) {
      const escaped = escapeHtml(ch);
      if (current.length + open.length + body.length + escaped.length + close.length > limit) {
        if (body) current += open + body + close;
        if (current) pieces.push(current);
        current = '';
        body = '';
      }
      body += escaped;
    }
    if (body) current += open + body + close;
  }
  if (current) pieces.push(current);
  return pieces;
}

/** Renders lines into as few messages as fit, each at most `limit` characters. */
export function renderLines(lines: Line[], limit = MAX_MESSAGE): string[] {
  const messages: string[] = [];
  let current: string | undefined;
  for (const line of lines) {
    const html = lineToHtml(line);
    for (const piece of html.length > limit ? cutLine(line, limit) : [html]) {
      if (current === undefined) current = piece;
      else if (current.length + 1 + piece.length <= limit) current += '\n' + piece;
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

/** The answer as one or more HTML messages; the source is already its last line. */
export function renderAnswer(answer: Answer, limit = MAX_MESSAGE): string[] {
  return renderLines(linesOf(answer), limit);
}
