/**
 * How Slack reaches the bot: Socket Mode when SLACK_APP_TOKEN is set, else HTTP on SLACK_PORT at
 * /slack/events with the signing secret checked (guard.ts) and GET /healthz for load balancers;
 * the Web API client's retries (outage.ts) and Bolt's logger on pino.
 */
import { HTTPReceiver, LogLevel, SocketModeReceiver, type Logger as BoltLogger, type webApi } from '@slack/bolt';
import type { Config } from '../../src/config.js';
import type { Logger } from '../../src/log.js';
import { guardRequests } from './guard.js';
import { loggedRetries, type RetryPolicy } from './outage.js';
import type { SlackOptions } from './options.js';

/** A few retries over about half a minute; Slack's default (ten over thirty minutes) is too patient for a chat. */
const DEFAULT_RETRY: RetryPolicy = { retries: 3, factor: 3, minTimeout: 1000, maxTimeout: 15_000, randomize: true };

export interface Receiving {
  receiver: HTTPReceiver | SocketModeReceiver;
  mode: 'http' | 'socket';
  logger: BoltLogger;
  clientOptions: webApi.WebClientOptions;
}

export function receiving(config: Config, slackLog: Logger, options: SlackOptions): Receiving {
  const logger = boltLogger(slackLog);
  const slackApiUrl = config.SLACK_API_URL ?? 'https://slack.com/api/';
  const retryConfig = loggedRetries(options.retryConfig ?? DEFAULT_RETRY, slackLog);
  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl,
    retryConfig,
    rejectRateLimitedCalls: false,
    timeout: options.timeout ?? 10_000,
  };

  let receiver: HTTPReceiver | SocketModeReceiver;
  let mode: 'http' | 'socket';
  if (config.SLACK_APP_TOKEN) {
    mode = 'socket';
    receiver = new SocketModeReceiver({
      appToken: config.SLACK_APP_TOKEN,
      logger,
      // apps.connections.open goes to the same API (GovSlack, gateways), retried the same way.
      installerOptions: { clientOptions: { slackApiUrl, retryConfig } },
    });
  } else {
    if (!config.SLACK_SIGNING_SECRET) {
      throw new Error('SLACK_SIGNING_SECRET: required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
    }
    mode = 'http';
    const http = new HTTPReceiver({
      signingSecret: config.SLACK_SIGNING_SECRET,
      endpoints: '/slack/events',
      port: config.SLACK_PORT,
      logger,
      // Events are acknowledged at once and handled after; commands and actions ack() first.
      processBeforeResponse: false,
      customRoutes: [
        {
          path: '/healthz',
          method: ['GET'],
          handler: (_req, res) => {
            res.writeHead(200, { 'content-type': 'text/plain' });
            res.end('ok');
          },
        },
      ],
    });
    guardRequests(http, { signingSecret: config.SLACK_SIGNING_SECRET, path: '/slack/events', log: slackLog });
    receiver = http;
  }
  return { receiver, mode, logger, clientOptions };
}

/** Bolt's logger interface on top of pino; pino's level governs, so Bolt's setLevel is ignored. */
function boltLogger(log: Logger): BoltLogger {
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...msgs: unknown[]) => {
      const err = msgs.find((m): m is Error => m instanceof Error);
      const text = msgs
        .filter((m) => m !== err)
        .map((m) => (typeof m === 'string' ? m : safeJson(m)))
        .join(' ');
      if (err) log[level]({ err }, text || err.message);
      else log[level](text);
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: () => {},
    getLevel: () => {
      const level = log.level;
      if (level === 'trace' || level === 'debug') return LogLevel.DEBUG;
      if (level === 'info') return LogLevel.INFO;
      if (level === 'warn') return LogLevel.WARN;
      return LogLevel.ERROR;
    },
    setName: () => {},
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
