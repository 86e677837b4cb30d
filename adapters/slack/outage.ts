/**
 * The Slack adapter when Slack cannot be reached. Web API calls that fail on the network or
 * with a 5xx are retried by the client (p-retry) a bounded number of times; each failed
 * attempt is logged here with its number. Start-up (auth.test, Socket Mode's connection, the
 * HTTP port) must be done within a deadline, and a failure names the setting at fault:
 * SLACK_API_URL when Slack cannot be reached, SLACK_BOT_TOKEN / SLACK_APP_TOKEN when it
 * refuses a token, SLACK_PORT when the port is taken.
 */
import { settingError, shownUrl, type Config } from '../../src/config.js';
import type { Logger } from '../../src/log.js';

/** Retry policy of the Web API client (p-retry options). */
export interface RetryPolicy {
  retries: number;
  factor?: number;
  minTimeout?: number;
  maxTimeout?: number;
  randomize?: boolean;
}

/** What p-retry hands to onFailedAttempt. */
interface FailedAttempt extends Error {
  attemptNumber: number;
  retriesLeft: number;
}

/** The policy, with every failed attempt logged: warn while retries are left, error at the last. */
export function loggedRetries(policy: RetryPolicy, log: Logger): RetryPolicy & { onFailedAttempt(error: FailedAttempt): void } {
  return {
    ...policy,
    onFailedAttempt(error) {
      const where = { attempt: error.attemptNumber, reason: reasonOf(error) };
      if (error.retriesLeft > 0) log.warn({ ...where, retriesLeft: error.retriesLeft }, 'slack: Web API call failed, will retry');
      else log.error(where, 'slack: Web API call failed, giving up');
    },
  };
}

type Loose = { code?: unknown; message?: unknown; statusCode?: unknown; data?: { error?: unknown }; original?: Loose; cause?: Loose };

/** One short line about a Web API failure: the network cause, the HTTP status or Slack's error code. */
export function reasonOf(error: unknown): string {
  const e = (error ?? {}) as Loose;
  if (typeof e.data?.error === 'string') return e.data.error;
  if (typeof e.statusCode === 'number') return `HTTP ${e.statusCode}`;
  const cause = e.original?.cause ?? e.cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message.split('\n')[0]; // fetch's "bad port" has no code
  const message = typeof e.original?.message === 'string' ? e.original.message : typeof e.message === 'string' ? e.message : String(error);
  return message.split('\n')[0].slice(0, 200);
}

const TOKEN_REFUSED = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'not_allowed_token_type']);

/** The start-up failure as the one line `npm start` stops with. `stage` is where it happened. */
export function startupError(config: Config, error: unknown, stage: 'sign-in' | 'connect' | 'listen'): Error {
  const api = shownUrl(config.SLACK_API_URL ?? 'https://slack.com/api/');
  const e = (error ?? {}) as Loose;
  const code = typeof e.code === 'string' ? e.code : '';
  if (code === 'EADDRINUSE') return settingError('SLACK_PORT', `port ${config.SLACK_PORT} is already in use`);
  if (code === 'EACCES') return settingError('SLACK_PORT', `not allowed to listen on port ${config.SLACK_PORT}`);
  const slackError = typeof e.data?.error === 'string' ? e.data.error : undefined;
  if (slackError && TOKEN_REFUSED.has(slackError)) {
    return settingError(stage === 'connect' ? 'SLACK_APP_TOKEN' : 'SLACK_BOT_TOKEN', `refused by Slack (${slackError})`);
  }
  if (code === 'slack_webapi_request_error') return settingError('SLACK_API_URL', `cannot reach ${api} (${reasonOf(error)})`);
  if (code === 'slack_webapi_http_error' || slackError) return settingError('SLACK_API_URL', `${api} answered ${reasonOf(error)}`);
  return error instanceof Error ? error : new Error(String(error));
}

export class DeadlineError extends Error {}

/** The promise, or a DeadlineError once `ms` have passed. */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`not done within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
