/**
 * An answer's lines as Slack mrkdwn: escaped, figures in *bold*, cut into sections of at most
 * Slack's length without breaking an entity or a bold run.
 */
import { safeText } from '../../src/safe-text.js';
import type { Line } from '../../src/types.js';
import { LIMITS } from './ids.js';

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
