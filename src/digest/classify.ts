/**
 * What a failed send means, read from the error the channel threw, without knowing the
 * platform library: grammY's GrammyError carries error_code, description and
 * parameters.retry_after / migrate_to_chat_id, its HttpError a network failure; Slack's Web API
 * errors carry code, data.error, retryAfter and statusCode.
 *
 * - retry: 429 (after retry_after), 5xx, timeouts and network failures.
 * - gone:  the target can no longer receive (blocked the bot, chat not found, kicked,
 *          deactivated; Slack channel_not_found, not_in_channel, is_archived, account_inactive):
 *          the subscription ends.
 * - moved: a Telegram group became a supergroup with a new id: send there and keep it.
 * - fatal: anything else (a bad request): logged, not retried, the subscription kept.
 */

export type Verdict =
  | { kind: 'retry'; retryAfterMs?: number; reason: string }
  | { kind: 'gone'; reason: string }
  | { kind: 'moved'; to: string; reason: string }
  | { kind: 'fatal'; reason: string };

/** Telegram descriptions that mean the chat is lost for good. */
const TELEGRAM_GONE =
  /bot was blocked|chat not found|user is deactivated|bot was kicked|bot is not a member|have no rights to send|need administrator rights|group chat was deleted|chat_write_forbidden|peer_id_invalid/i;

/**
 * Slack errors that mean the conversation is lost for good. Errors about the app's own token
 * (invalid_auth, token_revoked, missing_scope) are not here: they would end every subscription.
 */
export const SLACK_GONE = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'user_not_found',
  'user_disabled',
  'cannot_dm_bot',
]);

/** Slack errors that a later attempt may get past. */
const SLACK_RETRY = new Set(['ratelimited', 'rate_limited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

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

export function classify(error: unknown): Verdict {
  const e = (error ?? {}) as Loose;
  const reason = describeError(error);

  // grammY GrammyError (and any Bot API shaped error).
  const code = num(e.error_code);
  if (code !== undefined) {
    const description = str(e.description);
    if (code === 429) {
      const after = num(e.parameters?.retry_after);
      return { kind: 'retry', retryAfterMs: after !== undefined ? after * 1000 : undefined, reason };
    }
    const migrate = e.parameters?.migrate_to_chat_id;
    if (migrate !== undefined && migrate !== null) return { kind: 'moved', to: String(migrate), reason };
    if (code >= 500) return { kind: 'retry', reason };
    if ((code === 403 || code === 400) && TELEGRAM_GONE.test(description)) return { kind: 'gone', reason };
    if (code === 403) return { kind: 'gone', reason };
    return { kind: 'fatal', reason };
  }

  // Slack Web API errors.
  const slackCode = str(e.code);
  if (slackCode.startsWith('slack_')) {
    if (slackCode === 'slack_webapi_rate_limited_error') {
      const after = num(e.retryAfter);
      return { kind: 'retry', retryAfterMs: after !== undefined ? after * 1000 : undefined, reason };
    }
    const platform = str(e.data?.error);
    if (platform) {
      if (SLACK_GONE.has(platform)) return { kind: 'gone', reason };
      if (SLACK_RETRY.has(platform)) return { kind: 'retry', reason };
      return { kind: 'fatal', reason };
    }
    if (slackCode === 'slack_webapi_http_error') {
      const status = num(e.statusCode) ?? 0;
      return status >= 500 || status === 429 || status === 408 ? { kind: 'retry', reason } : { kind: 'fatal', reason };
    }
    if (slackCode === 'slack_webapi_request_error') return { kind: 'retry', reason };
  }

  // grammY HttpError (network, timeout), fetch/undici failures, our own timeouts.
  const name = str(e.name);
  if (name === 'HttpError' || name === 'TimeoutError' || name === 'AbortError' || name === 'FetchError') {
    return { kind: 'retry', reason };
  }
  const text = [reason, str(e.code), describeError(e.error), describeError(e.cause), describeError(e.original)].join(' ');
  if (NETWORK.test(text)) return { kind: 'retry', reason };
  return { kind: 'fatal', reason };
}
