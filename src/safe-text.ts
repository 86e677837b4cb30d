/**
 * Text that came from outside (a question), or goes back out to a chat or a terminal, without
 * what a terminal or a chat client would act on instead of showing:
 * - ANSI / VT escape sequences (colours, cursor moves, OSC window titles and hyperlinks), whole;
 * - other control characters (C0 but tab and newline, DEL, C1); a carriage return is a space
 *   (CR LF a newline);
 * - the bidirectional controls that reorder what a reader sees (U+202A–U+202E, U+2066–U+2069,
 *   U+200E, U+200F, U+061C);
 * - a lone surrogate (no character at all) becomes U+FFFD.
 * Platform-neutral: the adapters and the CLI apply it to what they take in and what they show.
 */
import { stripVTControlCharacters } from 'node:util';

const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function safeText(text: string): string {
  return stripVTControlCharacters(text)
    .replace(/\r\n/g, '\n')
    .replace(/\r/g, ' ')
    .replace(CONTROLS, '')
    .replace(LONE_SURROGATE, '\ufffd');
}

/**
 * A name (a file's) shown on one line: a newline, tab or other control character in it would
 * split or garble a report line, so each is written as an escape (\n, \t, \x1b); backslashes
 * are doubled so that the escapes are unambiguous.
 */
export function oneLineName(name: string): string {
  return name.replace(/[\\\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    if (c === '\\') return '\\\\';
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
  });
}
