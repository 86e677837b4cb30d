/**
 * Bot API calls that fail for a reason that may pass — no connection, a timeout, a 5xx, a 429
 * — are tried again, each retry logged at warn with its attempt number, and given up after
 * `attempts` (logged at error; the caller gets the failure). grammY's auto-retry plugin did
 * the waiting before, but retried network errors without counting them, up to an hour apart,
 * and said nothing.
 *
 * getUpdates is the exception: long polling must outlast an outage, so it is retried without
 * end, at most `maxPollDelayMs` apart, and still logged each time. Stopping the bot aborts it.
 */
import { HttpError, type Transformer } from 'grammy';
import type { Logger } from '../../src/log.js';

export interface RetryOptions {
  /** Attempts per call, the first included (default 4). */
  attempts?: number;
  /** The first wait, doubled after each failure (default 1 s)… */
  delayMs?: number;
  /** …up to this (default 15 s). */
  maxDelayMs?: number;
  /** A 429 asking to wait longer than this fails at once (default 60 s). */
  maxRetryAfterMs?: number;
  /** The longest wait between two getUpdates (default 30 s). */
  maxPollDelayMs?: number;
}

/** What failed, without the request URL (it holds the token). */
export function networkReason(error: HttpError): string {
  const cause = error.error as { code?: unknown; message?: unknown } | undefined;
  if (typeof cause?.code === 'string') return cause.code;
  const message = typeof cause?.message === 'string' ? cause.message : '';
  return /reason: (.*)$/.exec(message)?.[1] ?? (/timed out after \d+ seconds/.exec(message)?.[0] ?? 'network error');
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = () => new Error('aborted while waiting to retry');
    if (signal?.aborted) return reject(aborted());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(aborted());
    };
    signal?.addEventListener('abort', abort, { once: true });
  });
}

export function retryCalls(log: Logger, options: RetryOptions = {}): Transformer {
  const attempts = options.attempts ?? 4;
  const delayMs = options.delayMs ?? 1_000;
  const maxDelayMs = options.maxDelayMs ?? 15_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const maxPollDelayMs = options.maxPollDelayMs ?? 30_000;

  return async (prev, method, payload, signal) => {
    const polling = method === 'getUpdates';
    for (let attempt = 1; ; attempt++) {
      let reason: string;
      let waitMs = Math.min(polling ? maxPollDelayMs : maxDelayMs, delayMs * 2 ** (attempt - 1));
      try {
        const response = await prev(method, payload, signal);
        if (response.ok) return response;
        const retryAfter = response.parameters?.retry_after;
        if (response.error_code === 429 && typeof retryAfter === 'number' && retryAfter * 1000 <= maxRetryAfterMs) {
          waitMs = retryAfter * 1000;
        } else if (response.error_code < 500) {
          if (polling) log.error({ method, code: response.error_code, reason: response.description }, 'telegram: long polling refused');
          return response; // a request the Bot API will never accept
        }
        reason = `${response.error_code}: ${response.description}`;
        if (!polling && attempt >= attempts) {
          log.error({ method, attempts: attempt, reason }, 'telegram: Bot API call failed, giving up');
          return response;
        }
      } catch (error) {
        if (signal?.aborted || !(error instanceof HttpError)) throw error;
        reason = networkReason(error);
        if (!polling && attempt >= attempts) {
          log.error({ method, attempts: attempt, reason }, 'telegram: Bot API call failed, giving up');
          throw error;
        }
      }
      log.warn({ method, attempt, retryInMs: waitMs, reason }, 'telegram: Bot API call failed, will retry');
      await sleep(waitMs, signal as AbortSignal | undefined); // grammY types its signal with a shim
    }
  };
}
