/**
 * The daily digest on Slack: the DigestChannel delivery posts through (chat.postMessage to the
 * channel or DM where /digest subscribe was typed), and the SlackDigest behind /digest
 * subscribe [HH:MM] | unsubscribe | now and the App Home's latest digest.
 *
 * The channel's WebClient does not retry and rejects rate-limited calls: delivery retries itself
 * (honouring Retry-After) and classifies data.error (channel_not_found, not_in_channel,
 * is_archived, account_inactive end the subscription).
 */
import { webApi } from '@slack/bolt';
import type { Config } from '../../src/config.js';
import type { DigestChannel } from '../../src/digest/deliver.js';
import { describeError, num, str, type Loose, type Verdict } from '../../src/digest/classify.js';
import type { DigestService } from '../../src/digest/service.js';
import type { RateLimits } from '../../src/digest/throttle.js';
import { renderAnswer } from '../slack/render.js';
import type { SlackDigest } from '../slack.js';

/** chat.postMessage: about one message a second per channel; a modest overall pace. */
export const SLACK_LIMITS: RateLimits = { perSecond: 10, perTargetMs: 1000 };

export interface SlackChannelOptions {
  limits?: RateLimits;
  /** Per-request timeout in milliseconds (default 15 s); a timeout is retried. */
  timeout?: number;
}

export function slackChannel(config: Config, options: SlackChannelOptions = {}): DigestChannel {
  const token = config.SLACK_BOT_TOKEN;
  if (!token) throw new Error('SLACK_BOT_TOKEN: required for the Slack digest');
  const client = new webApi.WebClient(token, {
    slackApiUrl: config.SLACK_API_URL ?? 'https://slack.com/api/',
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeout ?? 15_000,
    logLevel: webApi.LogLevel.ERROR,
  });
  return {
    platform: 'slack',
    limits: options.limits ?? SLACK_LIMITS,
    async send(target, answer) {
      const message = renderAnswer(answer, { buttons: false });
      await client.chat.postMessage({
        channel: target,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
    },
    classify: classifySlack,
  };
}

/**
 * Errors that mean the conversation is lost for good. Errors about the app's own token
 * (invalid_auth, token_revoked, missing_scope) are not here: they would end every subscription.
 */
export const SLACK_GONE = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'account_inactive', 'user_not_found', 'user_disabled', 'cannot_dm_bot']);

/** Errors that a later attempt may get past. */
const RETRY = new Set(['ratelimited', 'rate_limited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

/** A Web API error (code slack_webapi_…, data.error, retryAfter, statusCode). */
export function classifySlack(error: unknown): Verdict | undefined {
  const e = (error ?? {}) as Loose;
  const code = str(e.code);
  if (!code.startsWith('slack_')) return undefined;
  const reason = describeError(error);
  if (code === 'slack_webapi_rate_limited_error') {
    const after = num(e.retryAfter);
    return { kind: 'retry', retryAfterMs: after !== undefined ? after * 1000 : undefined, reason };
  }
  const platform = str(e.data?.error);
  if (platform) return SLACK_GONE.has(platform) ? { kind: 'gone', reason } : RETRY.has(platform) ? { kind: 'retry', reason } : { kind: 'fatal', reason };
  if (code === 'slack_webapi_http_error') {
    const status = num(e.statusCode) ?? 0;
    return status >= 500 || status === 429 || status === 408 ? { kind: 'retry', reason } : { kind: 'fatal', reason };
  }
  if (code === 'slack_webapi_request_error') return { kind: 'retry', reason };
  return undefined;
}

export function slackDigest(service: DigestService): SlackDigest {
  return {
    subscribe: (target, time) => service.subscribe('slack', target.channel, time),
    unsubscribe: (target) => service.unsubscribe('slack', target.channel),
    sendNow: (target) => service.current('slack', target.channel),
    latest: () => service.latest(),
  };
}
