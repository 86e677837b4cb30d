/**
 * What a failed send means. Each platform's channel reads its own errors (adapters/digest/);
 * what none of them claims is read here: network failures and timeouts are retried.
 *
 * - retry: 429 (after retry_after), 5xx, timeouts and network failures.
 * - gone:  the target can no longer receive (blocked the bot, left the channel): the
 *          subscription ends.
 * - moved: the target has a new id (a group that became a supergroup): send there and keep it.
 * - fatal: anything else (a bad request): logged, not retried, the subscription kept.
 */

export type Verdict =
  | { kind: 'retry'; retryAfterMs?: number; reason: string }
  | { kind: 'gone'; reason: string }
  | { kind: 'moved'; to: string; reason: string }
  | { kind: 'fatal'; reason: string };

const NETWORK = /ETIMEDOUT|ECONNRESET|ECONNREFUSED|EPIPE|EAI_AGAIN|ENOTFOUND|UND_ERR|socket hang up|timed? ?out|network/i;

type Loose = {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  error_code?: unknown;
  description?: unknown;
  parameters?: { retry_after?: unknown; migrate_to_chat_id?: unknown };
  data?: { error?: unknown };
  retryAfter?: unknown;
  statusCode?: unknown;
  error?: unknown;
  original?: unknown;
  cause?: unknown;
};

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function describeError(error: unknown): string {
  const e = (error ?? {}) as Loose;
  const parts = [str(e.description) || str(e.message) || String(error)];
  if (str(e.data?.error)) parts.push(str(e.data?.error));
  return parts.join(': ').split('\n')[0].slice(0, 300);
}

/**
 * What a failure means when the channel that threw it did not say (see DigestChannel.classify):
 * network failures and timeouts are retried, anything else is fatal.
 */
export function classify(error: unknown): Verdict {
  const e = (error ?? {}) as Loose;
  const reason = describeError(error);
  // grammY's HttpError (network, timeout), fetch/undici failures, our own timeouts.
  const name = str(e.name);
  if (name === 'HttpError' || name === 'TimeoutError' || name === 'AbortError' || name === 'FetchError') {
    return { kind: 'retry', reason };
  }
  const text = [reason, str(e.code), describeError(e.error), describeError(e.cause), describeError(e.original)].join(' ');
  if (NETWORK.test(text)) return { kind: 'retry', reason };
  return { kind: 'fatal', reason };
}

/** Reading errors loosely: each platform's channel classifies its own with these. */
export { num, str, type Loose };
