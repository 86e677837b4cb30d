/**
 * Batch mode of `npm run ask -- --json`: questions on standard input, one per line; one JSON
 * answer per line on standard output, in order.
 *
 * A line ends at LF or CR LF. A CR anywhere else is a space: readline would end a line there
 * too, and one question would get two answers. Blank lines are skipped.
 *
 * A line that is a JSON object with a string "q" is a question in a conversation, its optional
 * string "chat" naming the conversation (../shared/eval/score.mjs writes conversations so).
 * Any other line is the question as written.
 */
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/** The lines of a stream, split at LF only, without their line ending, lone CRs as spaces. */
export async function* inputLines(input: Readable): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  const line = (raw: string) => raw.replace(/\r$/, '').replace(/\r/g, ' ');
  for await (const chunk of input) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    const parts = pending.split('\n');
    pending = parts.pop()!;
    for (const part of parts) yield line(part);
  }
  pending += decoder.end();
  if (pending !== '') yield line(pending);
}

export interface BatchQuestion {
  question: string;
  /** The conversation it belongs to, when the line named one. */
  conversation?: string;
}

/** What one input line asks. */
export function readQuestion(line: string): BatchQuestion {
  if (line.trimStart().startsWith('{')) {
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        const { q, chat } = value as { q?: unknown; chat?: unknown };
        if (typeof q === 'string') return typeof chat === 'string' ? { question: q, conversation: chat } : { question: q };
      }
    } catch {
      // not JSON: a question that happens to start with a brace
    }
  }
  return { question: line };
}
