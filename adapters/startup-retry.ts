/**
 * A start-up call of a chat platform (token, bot info, listening): tried again with a growing
 * pause when the failure may pass (the network, a 5xx), then thrown as what `fail` makes of it
 * (the one-line ConfigError naming the setting to check). Listening is tried once.
 */
import type { Logger } from '../src/log.js';

export interface Attempts {
  attempts?: number;
  backoffMs?: number;
}

export interface Retry {
  /** The step, as logged; 'listen' is never retried. */
  step: string;
  /** Whether a failure may pass on a later try. */
  retriable(err: unknown): boolean;
  /** The reason logged before the next try. */
  reason(err: unknown): string;
  /** The error thrown once the tries are spent. */
  fail(err: unknown): Error;
  /** The log line of a retry (names the platform). */
  message: string;
}

export async function retryStartup<T>(log: Logger, call: () => Promise<T>, r: Retry, options: Attempts = {}): Promise<T> {
  const attempts = options.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (attempt >= attempts || !r.retriable(err) || r.step === 'listen') throw r.fail(err);
      log.warn({ step: r.step, attempt, reason: r.reason(err) }, r.message);
      await new Promise((resolve) => setTimeout(resolve, (options.backoffMs ?? 1000) * 2 ** (attempt - 1)));
    }
  }
}
