/**
 * The WeCom (企业微信) adapter: a self-built application in callback mode that hands members'
 * questions to the Core and sends its Answers back as markdown application messages. No
 * question logic lives here. Pieces (adapters/wecom/), in the order a message meets them:
 *   http.ts (receive; crypto.ts checks and decrypts) → message.ts (read) → once → questions.ts
 *   (access.ts, the flood limit, commands, the core) → render.ts → send.ts (message/send).
 * The CorpID and Secret are proved at gettoken, and the AgentId at agent/get, before anything
 * listens.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AnswerLog } from '../src/answer-log/log.js';
import { asking } from '../src/asking.js';
import type { Config } from '../src/config.js';
import type { Core } from '../src/core.js';
import type { Logger } from '../src/log.js';
import type { DingTalkDigest } from './dingtalk/digest.js';
import { FloodLimit } from './dingtalk/flood.js';
import { closeCallback } from './callback-server.js';
import { memorySeen, type SeenMessages } from './dingtalk/seen.js';
import { wecomApi } from './digest/wecom.js';
import { Access } from './wecom/access.js';
import type { WeComApi } from './wecom/api.js';
import { serveCallback, type Received } from './wecom/http.js';
import { readMessage } from './wecom/message.js';
import { questions } from './wecom/questions.js';
import { replyTo, type SendOptions } from './wecom/send.js';
import { startupStep, type Attempts } from './wecom/startup.js';

export interface WeComOptions {
  digest?: DingTalkDigest;
  answerLog?: AnswerLog;
  /** The API client (shared with the digest channel, for one token cache). */
  api?: WeComApi;
  /** Message ids already taken (default: in memory). */
  seen?: SeenMessages;
  host?: string;
  drainMs?: number;
  startup?: Attempts;
  reply?: SendOptions;
}

export interface RunningWeCom {
  port: number;
  stop(): Promise<void>;
}

export async function startWeCom(core: Core, config: Config, log: Logger, options: WeComOptions = {}): Promise<RunningWeCom> {
  const { WECOM_CORP_ID: corpId, WECOM_AGENT_ID: agentId, WECOM_TOKEN: token, WECOM_ENCODING_AES_KEY: encodingAesKey } = config;
  if (!corpId || !agentId || !token || !encodingAesKey) throw new Error('WECOM_CORP_ID: not set');
  const api = options.api ?? wecomApi(config);
  await startupStep(config, 'token', log, () => api.accessToken(), options.startup);
  await startupStep(config, 'agent', log, () => api.call('/cgi-bin/agent/get', undefined, { agentid: agentId }), options.startup);

  const handle = questions({
    core,
    ask: asking(core, options.answerLog),
    access: new Access(config.WECOM_ALLOWED_USERS, config.WECOM_OPERATORS, log),
    flood: new FloodLimit(config.QUESTIONS_PER_MINUTE),
    send: (user, messages) => replyTo(api, agentId, user, messages, log, options.reply),
    log,
    digest: options.digest,
  });
  const seen = options.seen ?? memorySeen();
  const firstSight = (id: string): boolean => {
    try {
      return seen.add(id);
    } catch (err) {
      log.warn({ err }, 'wecom: cannot note a message id; answering it anyway');
      return true;
    }
  };
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  const receive = (xml: string): Received => {
    const message = readMessage(xml);
    if (!message) return 'not a message'; // an event (entering the app …): nothing to answer
    if (stopping) return 'stopping';
    if (!firstSight(message.msgId)) return 'taken';
    const answering: Promise<void> = handle(message).finally(() => inFlight.delete(answering));
    inFlight.add(answering);
    return 'taken';
  };

  const server: Server = await startupStep(config, 'listen', log, () =>
    serveCallback({ keys: { token, encodingAesKey, corpId }, port: config.WECOM_PORT, host: options.host, log, onMessage: receive }),
  );
  const port = (server.address() as AddressInfo).port;
  log.info({ port }, 'wecom: callback server listening');
  const drain = async () => {
    stopping = true;
    const deadline = new Promise((resolve) => setTimeout(resolve, options.drainMs ?? 5_000).unref());
    await Promise.race([Promise.allSettled([...inFlight]), deadline]);
  };
  return { port, stop: async () => void (await Promise.all([closeCallback(server), drain()])) };
}
