/**
 * The .env file, read as dotenv reads it, and checked: dotenv skips a line that is not
 * KEY=VALUE without a word (`SLACK_BOT_TOKEN xoxb-…` with a space for the `=`), and the bot
 * would start as if the setting were not there. Such lines are reported by number, and by
 * their first word when it looks like a setting's name — never by their value, which may be
 * a secret.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'dotenv';

export interface EnvFile {
  /** The values dotenv reads. */
  values: Record<string, string>;
  /** One line per line dotenv ignores. */
  problems: string[];
}

/** KEY=VALUE or KEY: VALUE, optionally after `export`, as dotenv accepts them. */
const ASSIGNMENT = /^\s*(?:export\s+)?[\w.-]+(?:\s*=|:\s)\s*(.*)$/;

/** Reads `path` (default .env in the working folder); undefined when there is none. */
export function readEnvFile(path = '.env'): EnvFile | undefined {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  const lines = text.split(/\r?\n/);
  const problems: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const assignment = ASSIGNMENT.exec(line);
    if (!assignment) {
      const name = /^\s*([A-Z][A-Z0-9_]*)(?:\s|$)/.exec(line)?.[1];
      problems.push(`${path} line ${i + 1} is not KEY=VALUE${name ? ` (it starts with ${name})` : ''}, ignored`);
      continue;
    }
    i = endOfValue(lines, i, assignment[1]);
  }
  return { values: parse(text), problems };
}

/** The last line of a value: a quoted value may run over several lines, up to its closing quote. */
function endOfValue(lines: string[], start: number, value: string): number {
  const quote = value.trimStart()[0];
  if (quote !== '"' && quote !== "'" && quote !== '`') return start;
  const rest = value.trimStart().slice(1);
  if (unescapedIndex(rest, quote) >= 0) return start;
  for (let j = start + 1; j < lines.length; j++) if (unescapedIndex(lines[j], quote) >= 0) return j;
  return start; // never closed: dotenv reads it as a one-line value
}

function unescapedIndex(text: string, quote: string): number {
  for (let k = 0; k < text.length; k++) {
    if (text[k] === '\\') k++;
    else if (text[k] === quote) return k;
  }
  return -1;
}
