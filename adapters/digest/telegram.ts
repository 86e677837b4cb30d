/**
 * The daily digest on Telegram: the DigestChannel delivery sends through, and the
 * TelegramDigest the bot's /subscribe [HH:MM], /unsubscribe and /digest call.
 *
 * The channel has its own grammY Api (same token and API root as the bot) without the bot's
 * retries: delivery retries itself, so that every attempt is claimed in the deliveries log
 * and a 429's retry_after holds the whole fan-out. The throttler is delivery's (30 messages/s
 * overall, 1 s between two messages to one chat by default).
 */
import { Api } from 'grammy';
import type { Config } from '../../src/config.js';
import type { DigestChannel } from '../../src/digest/deliver.js';
import { describeError, num, str, type Loose, type Verdict } from '../../src/digest/classify.js';
import type { DigestService } from '../../src/digest/service.js';
import type { RateLimits } from '../../src/digest/throttle.js';
import type { TelegramDigest } from '../telegram/digest.js';
import { MemoStore } from '../telegram/memo.js';
import { sendAnswer } from '../telegram/reply.js';

/** About 30 messages a second overall and one a second per chat, as Telegram asks of bots. */
export const TELEGRAM_LIMITS: RateLimits = { perSecond: 30, perTargetMs: 1000 };

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
    classify: classifyTelegram,
  };
}

/** Bot API descriptions that mean the chat is lost for good. */
const GONE =
  /bot was blocked|chat not found|user is deactivated|bot was kicked|bot is not a member|have no rights to send|need administrator rights|group chat was deleted|chat_write_forbidden|peer_id_invalid/i;

/**
 * A Bot API error (grammY's GrammyError: error_code, description, parameters.retry_after /
 * migrate_to_chat_id): 429 waits retry_after, 5xx is retried, a blocked or vanished chat is
 * gone, a group upgraded to a supergroup has moved.
 */
export function classifyTelegram(error: unknown): Verdict | undefined {
  const e = (error ?? {}) as Loose;
  const code = num(e.error_code);
  if (code === undefined) return undefined;
  const reason = describeError(error);
  if (code === 429) {
    const after = num(e.parameters?.retry_after);
    return { kind: 'retry', retryAfterMs: after !== undefined ? after * 1000 : undefined, reason };
  }
  const migrate = e.parameters?.migrate_to_chat_id;
  if (migrate !== undefined && migrate !== null) return { kind: 'moved', to: String(migrate), reason };
  if (code >= 500) return { kind: 'retry', reason };
  if (code === 403 || (code === 400 && GONE.test(str(e.description)))) return { kind: 'gone', reason };
  return { kind: 'fatal', reason };
}

export function telegramDigest(service: DigestService): TelegramDigest {
  return {
    subscribe: (chatId, time) => service.subscribe('telegram', chatId, time),
    unsubscribe: (chatId) => service.unsubscribe('telegram', chatId),
    sendNow: (chatId) => service.current('telegram', chatId),
  };
}
