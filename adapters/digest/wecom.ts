/**
 * The daily digest on WeCom: the DigestChannel delivery sends through, and the digest calls of
 * /subscribe [HH:MM], /unsubscribe and /digest. A member (user:<userid>) gets it through
 * /cgi-bin/message/send, a group chat the application created (chat:<chatid>) through
 * /cgi-bin/appchat/send, as markdown within 2048 bytes a message.
 *
 * Rate: WeCom drops (without an error) more than 30 messages a minute, or 1000 an hour, from one
 * application to one member, and allows an application account-limit × 200 member-messages a
 * day; a digest may take two messages, so delivery sends to one target every 2 s at most and to
 * 10 targets a second overall.
 */
import type { Config } from '../../src/config.js';
import type { DigestChannel } from '../../src/digest/deliver.js';
import { describeError, type Verdict } from '../../src/digest/classify.js';
import type { DigestService } from '../../src/digest/service.js';
import type { RateLimits } from '../../src/digest/throttle.js';
import type { ChatDigest } from '../chat-digest.js';
import { WeComApi, WeComApiError } from '../wecom/api.js';
import { renderAnswer } from '../wecom/render.js';
import { sendMarkdown } from '../wecom/send.js';

export const WECOM_LIMITS: RateLimits = { perSecond: 10, perTargetMs: 2000 };

export function wecomApi(config: Config, timeoutMs?: number): WeComApi {
  if (!config.WECOM_CORP_ID || !config.WECOM_SECRET) throw new Error('WECOM_CORP_ID: required for WeCom');
  return new WeComApi({ apiRoot: config.WECOM_API_ROOT ?? 'https://qyapi.weixin.qq.com', corpId: config.WECOM_CORP_ID, secret: config.WECOM_SECRET, timeoutMs });
}

export function wecomChannel(config: Config, options: { api?: WeComApi; limits?: RateLimits } = {}): DigestChannel {
  const api = options.api ?? wecomApi(config);
  return {
    platform: 'wecom',
    limits: options.limits ?? WECOM_LIMITS,
    async send(target, answer) {
      for (const content of renderAnswer(answer, { followUps: false })) await sendMarkdown(api, config.WECOM_AGENT_ID!, target, content);
    },
    classify: classifyWeCom,
  };
}

/** errcodes that mean the member is gone: unknown userid (60111), no valid receiver left (81013). */
const GONE = new Set([60111, 81013]);
/** errcodes a later attempt may get past: system busy, frequency limits, a stale token. */
const RETRY = new Set([-1, 45009, 45033, 40014, 42001]);

export function classifyWeCom(error: unknown): Verdict | undefined {
  if (!(error instanceof WeComApiError)) return undefined;
  const reason = describeError(error);
  if (error.status >= 500 || RETRY.has(error.errcode)) return { kind: 'retry', reason };
  if (GONE.has(error.errcode)) return { kind: 'gone', reason };
  return { kind: 'fatal', reason };
}

export function wecomDigest(service: DigestService): ChatDigest {
  return {
    subscribe: (target, time) => service.subscribe('wecom', target, time),
    unsubscribe: (target) => service.unsubscribe('wecom', target),
    sendNow: (target) => service.current(target ? 'wecom' : undefined, target),
  };
}
