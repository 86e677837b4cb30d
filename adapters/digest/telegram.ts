/**
 * The daily digest on Telegram: the DigestChannel delivery sends through, and the
 * TelegramDigest the bot's /subscribe [HH:MM], /unsubscribe and /digest call.
 *
 * The channel has its own grammY Api (same token and API root as the bot) without the bot's
 * auto-retry: delivery retries itself, so that every attempt is claimed in the deliveries log
 * and a 429's retry_after holds the whole fan-out. The throttler is delivery's (30 messages/s
 * overall, 1 s between two messages to one chat by default).
 */
import { Api } from 'grammy';
import type { Config } from '../../src/config.js';
import { TELEGRAM_LIMITS, type DigestChannel } from '../../src/digest/deliver.js';
import type { DigestService } from '../../src/digest/service.js';
import type { RateLimits } from '../../src/digest/throttle.js';
import type { TelegramDigest } from '../telegram/digest.js';
import { MemoStore } from '../telegram/memo.js';
import { sendAnswer } from '../telegram/reply.js';

export interface TelegramChannelOptions {
  /** Fan-out limits (default 30/s overall, 1 s per chat). */
  limits?: RateLimits;
  /** Per-request timeout (default 15 s); a timeout is retried. */
  timeoutSeconds?: number;
}

export function telegramChannel(config: Config, options: TelegramChannelOptions = {}): DigestChannel {
  const token = config.TELEGRAM_BOT_TOKEN;
  if (!token) throw new Error('TELEGRAM_BOT_TOKEN: not set (get one from @BotFather)');
  const apiRoot = (config.TELEGRAM_API_ROOT ?? 'https://api.telegram.org').replace(/\/+$/, '');
  const api = new Api(token, { apiRoot, timeoutSeconds: options.timeoutSeconds ?? 15 });
  // Digests carry no 原文 / 更多 buttons, so nothing is ever kept here.
  const memos = new MemoStore(1);
  return {
    platform: 'telegram',
    limits: options.limits ?? TELEGRAM_LIMITS,
    send: (target, answer) => sendAnswer(api, target, answer, memos),
  };
}

export function telegramDigest(service: DigestService): TelegramDigest {
  return {
    subscribe: (chatId, time) => service.subscribe('telegram', chatId, time),
    unsubscribe: (chatId) => service.unsubscribe('telegram', chatId),
    sendNow: (chatId) => service.current('telegram', chatId),
  };
}
