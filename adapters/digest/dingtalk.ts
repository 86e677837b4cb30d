/**
 * The daily digest on DingTalk: the DigestChannel delivery sends through, and the ChatDigest
 * the robot's /subscribe [HH:MM], /unsubscribe and /digest call.
 *
 * A digest is not a reply, so it goes through the robot's send API with the app's access token
 * (cached until shortly before it expires): to a private chat with
 * /v1.0/robot/oToMessages/batchSend (one userId per call), to a group with
 * /v1.0/robot/groupMessages/send (its openConversationId), as msgKey sampleMarkdown.
 *
 * Rate: DingTalk allows an internal app 20 server-API calls a second (standard edition) and a
 * robot about 20 messages a minute in one group; a digest may take two messages, so delivery
 * sends to 8 conversations a second at most and to one conversation every 3 s at most.
 */
import type { Config } from '../../src/config.js';
import type { DigestChannel } from '../../src/digest/deliver.js';
import { describeError, type Verdict } from '../../src/digest/classify.js';
import type { DigestService } from '../../src/digest/service.js';
import type { RateLimits } from '../../src/digest/throttle.js';
import type { ChatDigest } from '../chat-digest.js';
import { DingTalkApiError, OpenApi } from '../dingtalk/openapi.js';
import { renderAnswer } from '../dingtalk/render.js';

export const DINGTALK_LIMITS: RateLimits = { perSecond: 8, perTargetMs: 3000 };

export interface DingTalkChannelOptions {
  limits?: RateLimits;
  /** Per-request timeout (default 15 s); a timeout is retried. */
  timeoutMs?: number;
  /** The OpenAPI client to share (its token cache); one is made when absent. */
  api?: OpenApi;
}

export function dingtalkApi(config: Config, timeoutMs?: number): OpenApi {
  const clientId = config.DINGTALK_CLIENT_ID;
  const clientSecret = config.DINGTALK_CLIENT_SECRET;
  if (!clientId || !clientSecret) throw new Error('DINGTALK_CLIENT_ID: required for DingTalk');
  return new OpenApi({ apiRoot: config.DINGTALK_API_ROOT ?? 'https://api.dingtalk.com', clientId, clientSecret, timeoutMs });
}

export function dingtalkChannel(config: Config, options: DingTalkChannelOptions = {}): DigestChannel {
  const api = options.api ?? dingtalkApi(config, options.timeoutMs);
  // An internal app's robotCode is its AppKey.
  const robotCode = config.DINGTALK_CLIENT_ID!;
  return {
    platform: 'dingtalk',
    limits: options.limits ?? DINGTALK_LIMITS,
    async send(target, answer) {
      const [kind, id] = [target.slice(0, target.indexOf(':')), target.slice(target.indexOf(':') + 1)];
      for (const markdown of renderAnswer(answer, { followUps: false })) {
        const msg = { robotCode, msgKey: 'sampleMarkdown', msgParam: JSON.stringify(markdown) };
        if (kind === 'group') {
          await api.call('/v1.0/robot/groupMessages/send', { ...msg, openConversationId: id });
          continue;
        }
        if (kind !== 'user') throw new DingTalkApiError(400, 'badTarget', `not a DingTalk digest target: ${target.slice(0, 40)}`);
        const json = await api.call('/v1.0/robot/oToMessages/batchSend', { ...msg, userIds: [id] });
        // batchSend answers 200 and lists the userIds it could not send to.
        if (json?.invalidStaffIdList?.includes(id)) throw new DingTalkApiError(200, 'invalidStaffId', 'the user is not in the organisation any more');
        if (json?.flowControlledStaffIdList?.includes(id)) throw new DingTalkApiError(200, 'flowControlled', 'flow controlled');
      }
    },
    classify: classifyDingTalk,
  };
}

/** Codes that mean the chat is lost for good: the person left, the group is gone or the robot was removed from it. */
const GONE = /invalidStaffId|staffId.*not|user.*not.*exist|notExist|not.?found|robot.*not.*in|chat.*(dissolved|not.*exist)|invalid.*openConversationId/i;
/** Codes that a later attempt may get past. */
const RETRY = /throttl|qps|flow.?control|limit|busy|timeout|systemError|serviceUnavailable/i;

/** A DingTalkApiError: 429, 5xx, 401 (a new token is fetched) and throttling are retried; a lost chat is gone. */
export function classifyDingTalk(error: unknown): Verdict | undefined {
  if (!(error instanceof DingTalkApiError)) return undefined;
  const reason = describeError(error);
  const what = `${error.code} ${error.message}`;
  if (error.status === 429 || error.status >= 500 || error.status === 401 || RETRY.test(what)) return { kind: 'retry', reason };
  if (GONE.test(what) && !/robotCode/i.test(what)) return { kind: 'gone', reason };
  return { kind: 'fatal', reason };
}

export function dingtalkDigest(service: DigestService): ChatDigest {
  return {
    subscribe: (target, time) => service.subscribe('dingtalk', target, time),
    unsubscribe: (target) => service.unsubscribe('dingtalk', target),
    sendNow: (target) => service.current(target ? 'dingtalk' : undefined, target),
  };
}
