/**
 * The Feishu (飞书) adapter: a custom app's bot, with the official @larksuiteoapi/node-sdk, that
 * hands questions to the Core and answers with interactive cards. No question logic lives
 * here. Pieces, in the order an event meets them:
 *   http.ts (receive; verify.ts checks the token, signature and encryption) → the SDK's
 *   EventDispatcher (im.message.receive_v1, card.action.trigger) → message.ts →
 *   ../answering.ts (once, drained on stop) → questions.ts (access.ts, the flood limit,
 *   commands, reports, the core) → render.ts → api.ts.
 * FEISHU_MODE=ws receives over the SDK's WSClient instead (ws.ts), into the same dispatcher.
 * The App ID and Secret are proved at the tenant token endpoint before anything listens.
 */
import type { AddressInfo } from 'node:net';
import { EventDispatcher, LoggerLevel } from '@larksuiteoapi/node-sdk';
import { asking } from '../../src/asking.js';
import type { Config } from '../../src/config.js';
import type { Core } from '../../src/core.js';
import type { Logger } from '../../src/log.js';
import { answering, type AdapterOptions } from '../answering.js';
import { FloodLimit } from '../flood-limit.js';
import { feishuApi } from '../digest/feishu.js';
import { Access } from './access.js';
import { retrying, type FeishuApi } from './api.js';
import { serveCallback, type Received } from './http.js';
import { readCardAction, readMessage, type FeishuMessage } from './message.js';
import { questions } from './questions.js';
import { startupStep, type Attempts } from './startup.js';
import { openWs } from './ws.js';

export interface FeishuOptions extends AdapterOptions {
  api?: FeishuApi;
  startup?: Attempts;
  /** Answers sent again after a rate limit or a 5xx: the first wait (default 1 s, doubling). */
  backoffMs?: number;
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
      for (const card of cards) await retrying(() => (m.messageId ? api.reply(m.messageId, card) : api.create(m.chatId, card)), options.backoffMs);
    },
    log,
    digest: options.digest,
    reports: options.reports,
    download: (messageId, fileKey) => api.resource(messageId, fileKey),
  });
  const answers = answering('feishu', log, options);
  /** An event, once (by event_id), answered in the background. */
  const take = (eventId: unknown, m: FeishuMessage | undefined) => void (m && answers.take(eventId ? String(eventId) : undefined, () => handle(m)));
  // The SDK's dispatcher, after verify.ts: it flattens the event and picks the handler.
  const dispatcher = new EventDispatcher({ verificationToken, loggerLevel: LoggerLevel.error }).register({
    'im.message.receive_v1': async (data: Record<string, any>) => take(data.event_id, readMessage(data)),
    'card.action.trigger': async (data: Record<string, any>) => take(data.event_id, readCardAction(data)),
  });

  if (config.FEISHU_MODE === 'ws') {
    const ws = await startupStep(config, 'ws', log, () =>
      openWs({ appId: config.FEISHU_APP_ID!, appSecret: config.FEISHU_APP_SECRET!, apiRoot: api.options.apiRoot, dispatcher, log }),
    );
    return { mode: 'ws', stop: async () => (ws.close(), await answers.drain()) };
  }
  const onEvent = (event: Record<string, any>): Received => {
    if (answers.stopping) return 'stopping';
    dispatcher.invoke(event, { needCheck: false }).catch((err: unknown) => log.error({ err }, 'feishu: event failed'));
    return 'taken';
  };

  const server = await startupStep(config, 'listen', log, () =>
    serveCallback({ keys: { verificationToken, encryptKey: config.FEISHU_ENCRYPT_KEY }, port: config.FEISHU_PORT, host: options.host, log, onEvent }),
  );
  const port = (server.address() as AddressInfo).port;
  log.info({ mode: 'http', port }, 'feishu: callback server listening');
  return { mode: 'http', port, stop: answers.stopServing(server) };
}
