/**
 * The daily digest on Feishu: the DigestChannel delivery sends through (im.message.create into
 * the subscribed chat, p2p or group, as cards without buttons), and the digest calls of
 * /subscribe [HH:MM], /unsubscribe and /digest.
 *
 * Rate: Feishu allows an app 50 calls a second to the send API, and a bot 5 messages a second
 * in one group (shared by all of the group's bots); delivery sends to 10 chats a second at most
 * and to one chat every 1 s at most.
 */
import type { Config } from '../../src/config.js';
import type { DigestChannel } from '../../src/digest/deliver.js';
import { describeError, type Verdict } from '../../src/digest/classify.js';
import type { DigestService } from '../../src/digest/service.js';
import type { RateLimits } from '../../src/digest/throttle.js';
import type { Logger } from '../../src/log.js';
import type { ChatDigest } from '../chat-digest.js';
import { FeishuApi, FeishuApiError, RATE_LIMITED } from '../feishu/api.js';
import { renderAnswer } from '../feishu/render.js';

/** Feishu allows an app 50 sends a second and a chat 5 (adapters/feishu/api.ts); the digest stays well below both. */
export const FEISHU_LIMITS: RateLimits = { perSecond: 10, perTargetMs: 1000 };

export function feishuApi(config: Config, log: Logger): FeishuApi {
  if (!config.FEISHU_APP_ID || !config.FEISHU_APP_SECRET) throw new Error('FEISHU_APP_ID: required for Feishu');
  return new FeishuApi({ appId: config.FEISHU_APP_ID, appSecret: config.FEISHU_APP_SECRET, apiRoot: config.FEISHU_API_ROOT ?? 'https://open.feishu.cn', log });
}

export function feishuChannel(api: FeishuApi): DigestChannel {
  return {
    platform: 'feishu',
    limits: FEISHU_LIMITS,
    async send(target, answer) {
      if (!target.startsWith('chat:')) throw new FeishuApiError(400, 0, `not a Feishu digest target: ${target.slice(0, 40)}`);
      for (const card of renderAnswer(answer, { followUps: false })) await api.create(target.slice(5), card);
    },
    classify: classifyFeishu,
  };
}

/** The chat is lost for good: the bot is not in it any more (code 230002), or it no longer exists. */
const GONE = /not in (the )?chat|chat.*(not exist|disband|dissolved)|bot.*not.*in/i;

export function classifyFeishu(error: unknown): Verdict | undefined {
  if (!(error instanceof FeishuApiError)) return undefined;
  const reason = describeError(error);
  // 230020 and 99991400 are Feishu's codes for a rate limit (adapters/feishu/api.ts).
  if (error.status === 429 || error.status >= 500 || RATE_LIMITED.has(error.code) || /frequency|rate limit|too many/i.test(error.message)) return { kind: 'retry', reason };
  if (error.code === 230002 || GONE.test(error.message)) return { kind: 'gone', reason };
  return { kind: 'fatal', reason };
}

export function feishuDigest(service: DigestService): ChatDigest {
  return {
    subscribe: (target, time) => service.subscribe('feishu', target, time),
    unsubscribe: (target) => service.unsubscribe('feishu', target),
    sendNow: (target) => service.current(target ? 'feishu' : undefined, target),
  };
}
