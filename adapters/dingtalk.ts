/**
 * The DingTalk adapter: an enterprise-internal app's robot that hands questions to the Core and
 * renders its Answers as markdown messages. No question logic lives here. Pieces
 * (adapters/dingtalk/), in the order a message meets them:
 *   stream.ts or http.ts (receive) → message.ts (read) → seen.ts (once) → questions.ts
 *   (access.ts, flood.ts, commands, the core) → render.ts → reply.ts (sessionWebhook).
 * DINGTALK_MODE=stream (default) connects out with the dingtalk-stream SDK; http serves the
 * signed callback on DINGTALK_PORT at /dingtalk. Both check the AppKey and AppSecret first,
 * at the token endpoint.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AnswerLog } from '../src/answer-log/log.js';
import { asking } from '../src/asking.js';
import type { Config } from '../src/config.js';
import type { Core } from '../src/core.js';
import type { Logger } from '../src/log.js';
import { dingtalkApi } from './digest/dingtalk.js';
import { Access } from './dingtalk/access.js';
import type { DingTalkDigest } from './dingtalk/digest.js';
import { FloodLimit } from './dingtalk/flood.js';
import { serveCallback, type Received } from './dingtalk/http.js';
import { closeCallback } from './callback-server.js';
import { readMessage } from './dingtalk/message.js';
import type { OpenApi } from './dingtalk/openapi.js';
import { questions } from './dingtalk/questions.js';
import { replyTo, type ReplyOptions } from './dingtalk/reply.js';
import { memorySeen, type SeenMessages } from './dingtalk/seen.js';
import { startupStep, type Attempts } from './dingtalk/startup.js';
import { openStream, type RunningStream } from './dingtalk/stream.js';

export type { DingTalkDigest } from './dingtalk/digest.js';

export interface DingTalkOptions {
  /** /subscribe, /unsubscribe, /digest; without it they say the digest is not available. */
  digest?: DingTalkDigest;
  /** Where questions are logged. */
  answerLog?: AnswerLog;
  /** The OpenAPI client (shared with the digest channel, for one token cache). */
  api?: OpenApi;
  /** Message ids already taken (default: in memory). */
  seen?: SeenMessages;
  /** Interface for the HTTP mode server (default: all). */
  host?: string;
  /** How long stop() waits for answers in flight (default 5 s). */
  drainMs?: number;
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
  });
  const seen = options.seen ?? memorySeen();
  /** A store that cannot write must not cost the answer: a rare duplicate is the lesser harm. */
  const firstSight = (id: string): boolean => {
    try {
      return seen.add(id);
    } catch (err) {
      log.warn({ err }, 'dingtalk: cannot note a message id; answering it anyway');
      return true;
    }
  };
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  /** A delivered body, taken to be answered in the background (or known already). */
  const receive = (body: unknown): Received => {
    const message = readMessage(body);
    if (!message) return 'not a message';
    // Refused while stopping, so that DingTalk delivers it again to the next process.
    if (stopping) return 'stopping';
    if (message.msgId && !firstSight(message.msgId)) return 'taken';
    const answering: Promise<void> = handle(message).finally(() => inFlight.delete(answering));
    inFlight.add(answering);
    return 'taken';
  };
  const drain = async () => {
    stopping = true;
    const deadline = new Promise((resolve) => setTimeout(resolve, options.drainMs ?? 5_000).unref());
    await Promise.race([Promise.allSettled([...inFlight]), deadline]);
  };

  if (config.DINGTALK_MODE === 'http') {
    const server: Server = await startupStep(config, 'listen', log, () =>
      serveCallback({ secret: clientSecret, port: config.DINGTALK_PORT, host: options.host, log, onMessage: receive }),
    );
    const port = (server.address() as AddressInfo).port;
    log.info({ mode: 'http', port }, 'dingtalk: callback server listening');
    return { mode: 'http', port, stop: async () => void (await Promise.all([closeCallback(server), drain()])) };
  }

  const stream: RunningStream = await startupStep(config, 'stream', log, () =>
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
      await drain();
    },
  };
}
