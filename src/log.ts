/**
 * One pino logger for the process, writing to standard error (stdout is for answers): JSON
 * lines for the bot, plain `warn: …` lines for the console chat, where JSON would be noise.
 *
 * Lines are written synchronously, so the last one ("stopped") is out before the process
 * exits. When nobody reads standard error any more (EPIPE), pino drops the stream and logging
 * goes quiet; the asynchronous default would instead retry its buffered lines at exit forever.
 */
import { writeSync } from 'node:fs';
import { pino, type DestinationStream, type Logger } from 'pino';
import { redact } from './redact.js';

export type { Logger };

export interface LoggerOptions {
  /** Plain lines (`warn: message (error)`) instead of JSON, for a person at a terminal. */
  plain?: boolean;
  /** Where JSON lines go instead of standard error (tests). */
  stream?: DestinationStream;
}

export function createLogger(level = 'info', options: LoggerOptions = {}): Logger {
  const stream = options.stream ?? (options.plain ? plainLines() : pino.destination({ dest: 2, sync: true }));
  return pino({ level, base: undefined, hooks: { streamWrite: redact } }, stream);
}

/**
 * Tokens out of every line: a Bot API URL carries the bot token (bot123456:AA…/sendMessage), and
 * a network error's message quotes the URL; Slack tokens are xoxb-…, xapp-… (redact.ts).
 */
export const hideTokens = redact;

/** Renders each JSON line as `level: message (error message)`; a dead reader is ignored. */
function plainLines(): DestinationStream {
  let dead = false;
  return {
    write(line: string) {
      if (dead) return;
      const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
      const label = pino.levels.labels[entry.level ?? 30] ?? 'info';
      const cause = entry.err?.message ? ` (${entry.err.message.split('\n')[0]})` : '';
      try {
        writeSync(2, `${label}: ${entry.msg ?? ''}${cause}\n`);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EPIPE') dead = true; // nobody is reading
      }
    },
  };
}
