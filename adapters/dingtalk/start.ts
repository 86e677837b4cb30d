/**
 * The DingTalk adapter: an enterprise-internal app's robot that hands questions to the Core and
 * renders its Answers as markdown messages. No question logic lives here. Pieces, in the order
 * a message meets them:
 *   stream.ts or http.ts (receive) → message.ts (read) → ../answering.ts (once, drained on
 *   stop) → questions.ts (access.ts, flood.ts, commands, reports, the core) → render.ts →
 *   reply.ts (sessionWebhook).
 * DINGTALK_MODE=stream (default) connects out with the dingtalk-stream SDK; http serves the
 * signed callback on DINGTALK_PORT at /dingtalk. Both check the AppKey and AppSecret first,
 * at the token endpoint.
 */
import type { AddressInfo } from 'node:net';
import { asking } from '../../src/asking.js';
import type { Config } from '../../src/config.js';
import type { Core } from '../../src/core.js';
import type { Logger } from '../../src/log.js';
import { answering, type AdapterOptions } from '../answering.js';
import { dingtalkApi } from '../digest/dingtalk.js';
import { Access } from './access.js';
import { downloadFile } from './files.js';
import { FloodLimit } from '../flood-limit.js';
import { serveCallback, type Received } from './http.js';
import { readMessage } from './message.js';
import type { OpenApi } from './openapi.js';
import { questions } from './questions.js';
import { replyTo, type ReplyOptions } from './reply.js';
import { startupStep, type Attempts } from './startup.js';
import { openStream } from './stream.js';

export interface DingTalkOptions extends AdapterOptions {
  /** The OpenAPI client (shared with the digest channel, for one token cache). */
  api?: OpenApi;
  /** Start-up calls: attempts and backoff (tests shorten them). */
  startup?: Attempts;
  /** Replies: attempts and backoff. */
  reply?: ReplyOptions;
}

export interface RunningDingTalk {
  mode: 'stream' | 'http';
  /** The callback server's port, in HTTP mode. */
  port?: number;
  /** Stops receiving and lets the answers in hand finish (up to `drainMs`). */
  stop(): Promise<void>;
}

export async function startDingTalk(core: Core, config: Config, log: Logger, options: DingTalkOptions = {}): Promise<RunningDingTalk> {
  const clientId = config.DINGTALK_CLIENT_ID;
  const clientSecret = config.DINGTALK_CLIENT_SECRET;
  if (!clientId || !clientSecret) throw new Error('DINGTALK_CLIENT_ID: not set');
  const api = options.api ?? dingtalkApi(config);
  // The credentials are proved at the token endpoint before anything listens or connects.
  await startupStep(config, 'token', log, () => api.accessToken(), options.startup);

  const handle = questions({
    core,
    ask: asking(core, options.answerLog),
    access: new Access(config.DINGTALK_ALLOWED_CONVERSATIONS, config.DINGTALK_OPERATORS, log),
    flood: new FloodLimit(config.QUESTIONS_PER_MINUTE),
    send: (webhook, messages) => replyTo(webhook, messages, log, options.reply),
    log,
    digest: options.digest,
    reports: options.reports,
    download: (code, robot) => downloadFile(api, robot ?? clientId, code),
  });
  const answers = answering('dingtalk', log, options);
  /** A delivered body, taken to be answered in the background (or known already). */
  const receive = (body: unknown): Received => {
    const message = readMessage(body);
    return message ? answers.take(message.msgId, () => handle(message)) : 'not a message';
  };

  if (config.DINGTALK_MODE === 'http') {
    const server = await startupStep(config, 'listen', log, () =>
      serveCallback({ secret: clientSecret, port: config.DINGTALK_PORT, host: options.host, log, onMessage: receive }),
    );
    const port = (server.address() as AddressInfo).port;
    log.info({ mode: 'http', port }, 'dingtalk: callback server listening');
    return { mode: 'http', port, stop: answers.stopServing(server) };
  }

  const stream = await startupStep(config, 'stream', log, () =>
    openStream({
      clientId,
      clientSecret,
      apiRoot: api.root,
      log,
      withinMs: 15_000,
      onMessage: (body) => {
        if (receive(body) === 'not a message') log.warn('dingtalk: a stream message that is not a robot message, ignored');
      },
    }), options.startup,
  );
  return {
    mode: 'stream',
    stop: async () => {
      stream.close();
      await answers.drain();
    },
  };
}
