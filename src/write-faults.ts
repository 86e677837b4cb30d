/**
 * Writes the bot can answer without: the answer log, conversation memory, platform event ids,
 * subscriptions. When the disk is full each of them fails for every question, so a failure is
 * said once per kind and minute, at warn, with what it costs and how many failed meanwhile —
 * not a stack trace per question. A kind that writes again is said once too.
 */
import type { Logger } from './log.js';

/** The errors of a full disk (or quota): SQLite's and the file system's. */
export function isDiskFull(error: unknown): boolean {
  const code = String((error as { code?: unknown } | undefined)?.code ?? '');
  if (['SQLITE_FULL', 'SQLITE_IOERR_SHMSIZE', 'SQLITE_IOERR_WRITE', 'ENOSPC', 'EDQUOT'].includes(code)) return true;
  return /database or disk is full|no space left on device/i.test(String((error as Error | undefined)?.message ?? error));
}

/** The first line of an error's message. */
export function reasonOf(error: unknown): string {
  return String((error as Error | undefined)?.message ?? error).split('\n')[0];
}

export const FAULT_EVERY_MS = 60_000;

export class WriteFaults {
  private readonly failing = new Map<string, { at: number; since: number }>();

  constructor(
    private readonly log: Logger | undefined,
    private readonly everyMs = FAULT_EVERY_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * A write of `kind` failed; `cost` says what that means (`the answers went out all the same`).
   * Logged at most once per kind and minute; returns whether this one was.
   */
  failed(kind: string, error: unknown, cost: string, doing: 'write' | 'read' = 'write'): boolean {
    const now = this.now();
    const key = `${kind}\u0000${doing}`;
    const seen = this.failing.get(key);
    if (seen && now - seen.at < this.everyMs) {
      seen.since += 1;
      return false;
    }
    this.failing.set(key, { at: now, since: 0 });
    const also = seen?.since ? { failedSinceLastLine: seen.since } : {};
    this.log?.warn({ error: reasonOf(error), ...also }, `${kind}: ${doing} failed (${reasonOf(error)}); ${cost}`);
    return true;
  }

  /** A write of `kind` went through: if it had been failing, that is said once. */
  succeeded(kind: string): void {
    if (this.failing.delete(`${kind}\u0000write`)) this.log?.info(`${kind}: writing again`);
  }
}
