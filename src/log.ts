/** One pino logger for the process, writing JSON lines to standard error (stdout is for answers). */
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level = 'info'): Logger {
  return pino({ level, base: undefined }, pino.destination(2));
}
