/**
 * The WeCom (企业微信) adapter: a self-built application in callback mode that hands members'
 * questions to the Core and sends its Answers back as markdown application messages. No
 * question logic lives here. Pieces, in the order a message meets them:
 *   http.ts (receive; crypto.ts checks and decrypts) → message.ts (read) → ../answering.ts
 *   (once, drained on stop) → questions.ts (access.ts, the flood limit, commands, reports, the
 *   core) → render.ts → send.ts (message/send).
 * The CorpID and Secret are proved at gettoken, and the AgentId at agent/get, before anything
 * listens.
 */
import type { AddressInfo } from 'node:net';
import { asking } from '../../src/asking.js';
import type { Config } from '../../src/config.js';
import type { Core } from '../../src/core.js';
import type { Logger } from '../../src/log.js';
import { answering, type AdapterOptions } from '../answering.js';
import { FloodLimit } from '../flood-limit.js';
import { wecomApi } from '../digest/wecom.js';
import { Access } from './access.js';
import type { WeComApi } from './api.js';
import { serveCallback, type Received } from './http.js';
import { readMessage } from './message.js';
import { questions } from './questions.js';
import { replyTo, type SendOptions } from './send.js';
import { startupStep, type Attempts } from './startup.js';

export interface WeComOptions extends AdapterOptions {
  /** The API client (shared with the digest channel, for one token cache). */
  api?: WeComApi;
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
    reports: options.reports,
    download: (mediaId) => api.media(mediaId),
  });
  const answers = answering('wecom', log, options);
  const receive = (xml: string): Received => {
    const message = readMessage(xml);
    // An event (entering the app …) has nothing to answer.
    return message ? answers.take(message.msgId, () => handle(message)) : 'not a message';
  };

  const server = await startupStep(config, 'listen', log, () =>
    serveCallback({ keys: { token, encodingAesKey, corpId }, port: config.WECOM_PORT, host: options.host, log, onMessage: receive }),
  );
  const port = (server.address() as AddressInfo).port;
  log.info({ port }, 'wecom: callback server listening');
  return { port, stop: answers.stopServing(server) };
}
