/**
 * The Feishu (飞书) adapter: a custom app's bot, with the official @larksuiteoapi/node-sdk, that
 * hands questions to the Core and answers with interactive cards. No question logic lives
 * here. Pieces (adapters/feishu/), in the order an event meets them:
 *   http.ts (receive; verify.ts checks the token, signature and encryption) → the SDK's
 *   EventDispatcher (im.message.receive_v1, card.action.trigger) → message.ts → once →
 *   questions.ts (access.ts, the flood limit, commands, the core) → render.ts → api.ts.
 * FEISHU_MODE=ws receives over the SDK's WSClient instead (ws.ts), into the same dispatcher.
 * The App ID and Secret are proved at the tenant token endpoint before anything listens.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventDispatcher, LoggerLevel } from '@larksuiteoapi/node-sdk';
import type { AnswerLog } from '../src/answer-log/log.js';
import { asking } from '../src/asking.js';
import type { Config } from '../src/config.js';
import type { Core } from '../src/core.js';
import type { Logger } from '../src/log.js';
import type { DingTalkDigest } from './dingtalk/digest.js';
import { FloodLimit } from './dingtalk/flood.js';
import { closeCallback } from './callback-server.js';
import { memorySeen, type SeenMessages } from './dingtalk/seen.js';
import { feishuApi } from './digest/feishu.js';
import { Access } from './feishu/access.js';
import type { FeishuApi } from './feishu/api.js';
import { serveCallback, type Received } from './feishu/http.js';
import { readCardAction, readMessage, type FeishuMessage } from './feishu/message.js';
import { questions } from './feishu/questions.js';
import { startupStep, type Attempts } from './feishu/startup.js';
import { openWs } from './feishu/ws.js';

export interface FeishuOptions {
  digest?: DingTalkDigest;
  answerLog?: AnswerLog;
  api?: FeishuApi;
  /** Event ids already taken (default: in memory). */
  seen?: SeenMessages;
  host?: string;
  drainMs?: number;
  startup?: Attempts;
}

export interface RunningFeishu {
  mode: 'http' | 'ws';
  /** The callback server's port, in HTTP mode. */
  port?: number;
  stop(): Promise<void>;
}

export async function startFeishu(core: Core, config: Config, log: Logger, options: FeishuOptions = {}): Promise<RunningFeishu> {
  const verificationToken = config.FEISHU_VERIFICATION_TOKEN ?? '';
  if (!config.FEISHU_APP_ID || !config.FEISHU_APP_SECRET) throw new Error('FEISHU_APP_ID: not set');
  const api = options.api ?? feishuApi(config, log);
  await startupStep(config, 'token', log, () => api.tenantToken(), options.startup);

  const handle = questions({
    core,
    ask: asking(core, options.answerLog),
    access: new Access(config.FEISHU_ALLOWED_CHATS, config.FEISHU_OPERATORS, log),
    flood: new FloodLimit(config.QUESTIONS_PER_MINUTE),
    // A message is answered under it; a button tap into its chat.
    send: async (m, cards) => {
      for (const card of cards) await (m.messageId ? api.reply(m.messageId, card) : api.create(m.chatId, card));
    },
    log,
    digest: options.digest,
  });
  const seen = options.seen ?? memorySeen();
  const firstSight = (id: string): boolean => {
    try {
      return seen.add(id);
    } catch (err) {
      log.warn({ err }, 'feishu: cannot note an event id; answering it anyway');
      return true;
    }
  };
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  /** An event, once (by event_id), answered in the background. */
  const answerInBackground = (eventId: unknown, m: FeishuMessage | undefined) => {
    if (!m || stopping || (eventId && !firstSight(String(eventId)))) return;
    const answering: Promise<void> = handle(m).finally(() => inFlight.delete(answering));
    inFlight.add(answering);
  };
  // The SDK's dispatcher, after verify.ts: it flattens the event and picks the handler.
  const dispatcher = new EventDispatcher({ verificationToken, loggerLevel: LoggerLevel.error }).register({
    'im.message.receive_v1': async (data: Record<string, any>) => answerInBackground(data.event_id, readMessage(data)),
    'card.action.trigger': async (data: Record<string, any>) => void answerInBackground(data.event_id, readCardAction(data)),
  });
  const drain = async () => {
    stopping = true;
    const deadline = new Promise((resolve) => setTimeout(resolve, options.drainMs ?? 5_000).unref());
    await Promise.race([Promise.allSettled([...inFlight]), deadline]);
  };

  if (config.FEISHU_MODE === 'ws') {
    const ws = await startupStep(config, 'ws', log, () =>
      openWs({ appId: config.FEISHU_APP_ID!, appSecret: config.FEISHU_APP_SECRET!, apiRoot: api.options.apiRoot, dispatcher, log }),
    );
    return { mode: 'ws', stop: async () => (ws.close(), await drain()) };
  }
  const onEvent = (event: Record<string, any>): Received => {
    if (stopping) return 'stopping';
    dispatcher.invoke(event, { needCheck: false }).catch((err: unknown) => log.error({ err }, 'feishu: event failed'));
    return 'taken';
  };

  const server: Server = await startupStep(config, 'listen', log, () =>
    serveCallback({ keys: { verificationToken, encryptKey: config.FEISHU_ENCRYPT_KEY }, port: config.FEISHU_PORT, host: options.host, log, onEvent }),
  );
  const port = (server.address() as AddressInfo).port;
  log.info({ mode: 'http', port }, 'feishu: callback server listening');
  return { mode: 'http', port, stop: async () => void (await Promise.all([closeCallback(server), drain()])) };
}
