/**
 * The Telegram adapter: a grammY bot that hands questions to the Core and renders its Answers.
 * No question logic lives here. Pieces, in the order an update meets them:
 *   error boundary → seen before, or from a bot? → addressed to us? → allowed chat? → flood limit → 👍/👎, commands, buttons,
 *   inline mode, plain questions.
 * Long polling runs with @grammyjs/runner; with TELEGRAM_WEBHOOK_URL set, a node:http webhook.
 */
import type { AddressInfo } from 'node:net';
import { run } from '@grammyjs/runner';
import { Bot } from 'grammy';
import type { Config } from '../src/config.js';
import type { AnswerLog } from '../src/answer-log/log.js';
import { asking } from '../src/asking.js';
import type { Core } from '../src/core.js';
import type { Logger } from '../src/log.js';
import type { Answer } from '../src/types.js';
import { accessGate } from './telegram/access.js';
import { isAddressed } from './telegram/addressed.js';
import { callbacks } from './telegram/callbacks.js';
import { commands } from './telegram/commands.js';
import type { TelegramDigest } from './telegram/digest.js';
import type { SeenEvents } from './slack.js';
import { errorReporter } from './telegram/errors.js';
import { feedback } from './telegram/feedback.js';
import { floodLimit } from './telegram/flood.js';
import { inline } from './telegram/inline.js';
import type { Memos } from '../src/store/sealed-memos.js';
import { MemoStore } from './telegram/memo.js';
import { onceEach } from './telegram/once.js';
import { questions } from './telegram/questions.js';
import { reportUploads } from './telegram/reports.js';
import type { ReportDesk } from '../src/reports/desk.js';
import { sendAnswer } from './telegram/reply.js';
import { retryCalls, type RetryOptions } from './telegram/retry.js';
import { startupError } from './telegram/startup.js';
import { COMMANDS } from './telegram/texts.js';
import { closeServer, serveWebhook } from './telegram/webhook.js';

export type { TelegramDigest } from './telegram/digest.js';

export interface TelegramOptions {
  /** The daily digest, once it exists; without it /subscribe etc. say it is coming soon. */
  digest?: TelegramDigest;
  /** Where the 原文 / 更多 buttons keep their data; one is made when absent. */
  memos?: MemoStore;
  /** Interface for the webhook server (default: all interfaces). */
  host?: string;
  /** How long stop() waits for answers in flight (default 5 s). */
  drainMs?: number;
  /** Start-up (sign-in, command menu, webhook) must be done within this (default 30 s). */
  startupMs?: number;
  /** Retries of failed Bot API calls. */
  retry?: RetryOptions;
  /** Long polling ended for good (the token was revoked, another process polls): the bot is deaf. */
  onFatal?: (error: unknown) => void;
  /** Where questions and the 👍/👎 given to answers are logged; without it, no 👍/👎 buttons. */
  answerLog?: AnswerLog;
  /** Reports sent to the bot by TELEGRAM_OPERATORS; without it a file gets no answer. */
  reports?: ReportDesk;
  /**
   * Where update_ids already handled are kept: add() is false for one seen within the
   * redelivery window. Default: in memory (a redelivery after a restart is then answered again).
   */
  seenUpdates?: SeenEvents;
  /**
   * The store shared by several instances (DATABASE_URL): button memos and 👎 prompts are kept
   * there too, so a button works on any instance and after a restart. Default: in memory.
   */
  shared?: { memos: Memos; failed(error: unknown): void };
}

export interface TelegramHandle {
  bot: Bot;
  /** Sends an Answer to a chat, for messages the bot starts itself (the daily digest). */
  send(chatId: number | string, answer: Answer): Promise<void>;
  /** The webhook server's port, in webhook mode. */
  port?: number;
  /** Stops receiving and lets the updates in hand finish (up to `drainMs`). */
  stop(): Promise<void>;
}

const ALLOWED_UPDATES = ['message', 'callback_query', 'inline_query'] as const;

/** grammY types its abort signals with a shim; a platform AbortSignal works the same. */
type GrammySignal = NonNullable<Parameters<Bot['api']['getMe']>[0]>;

/** Builds the bot; makes no network call. */
export function createTelegramBot(core: Core, config: Config, log: Logger, options: TelegramOptions = {}): Bot {
  const token = config.TELEGRAM_BOT_TOKEN;
  if (!token) throw new Error('TELEGRAM_BOT_TOKEN: not set (get one from @BotFather)');
  const apiRoot = (config.TELEGRAM_API_ROOT ?? 'https://api.telegram.org').replace(/\/+$/, '');
  // 45 s: a long poll asks Telegram to wait up to 30 s; any other call is long overdue by then.
  const bot = new Bot(token, { client: { apiRoot, timeoutSeconds: 45 } });
  // Waits out 429 retry_after and retries 5xx and network failures, a few times, logged.
  bot.api.config.use(retryCalls(log, options.retry));

  const reportError = errorReporter(log);
  bot.catch(reportError);
  const memos = options.memos ?? new MemoStore(undefined, options.shared);

  const chain = bot.errorBoundary(reportError).use(onceEach(options.seenUpdates, log)).filter(isAddressed);
  chain.use(accessGate(config.TELEGRAM_ALLOWED_CHATS, log));
  chain.on(['message', 'callback_query'], floodLimit(config.QUESTIONS_PER_MINUTE));
  const ask = asking(core, options.answerLog);
  if (options.answerLog) chain.use(feedback(options.answerLog, options.shared?.memos));
  if (options.reports) chain.use(reportUploads(options.reports, config.TELEGRAM_OPERATORS, { apiRoot, token }));
  chain.use(commands(core, ask, memos, options.digest));
  chain.use(callbacks(core, ask, memos));
  chain.use(inline(core, config.TELEGRAM_ALLOWED_CHATS.length > 0));
  chain.use(questions(core, ask, memos));
  return bot;
}

/**
 * Signs in, registers the command menu and starts receiving updates: long polling by default,
 * a webhook on config.PORT when TELEGRAM_WEBHOOK_URL is set. The caller stops it (SIGTERM).
 */
export async function startTelegram(
  core: Core,
  config: Config,
  log: Logger,
  options: TelegramOptions = {},
): Promise<TelegramHandle> {
  const memos = options.memos ?? new MemoStore(undefined, options.shared);
  const bot = createTelegramBot(core, config, log, { ...options, memos });
  const send = (chatId: number | string, answer: Answer) => sendAnswer(bot.api, chatId, answer, memos);
  const withinMs = options.startupMs ?? 30_000;
  const startup = AbortSignal.timeout(withinMs);
  /** A start-up step, bounded by the start-up deadline; a failure names the setting at fault. */
  const step = async <T>(call: (signal: GrammySignal) => Promise<T>): Promise<T> => {
    try {
      return await call(startup as unknown as GrammySignal);
    } catch (error) {
      throw startupError(config, { error, timedOut: startup.aborted, withinMs });
    }
  };
  // Not bot.init(): it retries getMe without end.
  bot.botInfo = await step((signal) => bot.api.getMe(signal));
  await step((signal) => bot.api.setMyCommands([...COMMANDS], undefined, signal));

  if (config.TELEGRAM_WEBHOOK_URL) {
    const secretToken = config.TELEGRAM_WEBHOOK_SECRET;
    if (!secretToken) throw new Error('TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_WEBHOOK_URL is set');
    const server = await step(() => serveWebhook(bot, { secretToken, port: config.PORT, host: options.host, log }));
    try {
      await step((signal) =>
        bot.api.setWebhook(config.TELEGRAM_WEBHOOK_URL!, { secret_token: secretToken, allowed_updates: [...ALLOWED_UPDATES] }, signal),
      );
    } catch (err) {
      await closeServer(server);
      throw err;
    }
    const port = (server.address() as AddressInfo).port;
    log.info({ bot: bot.botInfo.username, port }, 'telegram: webhook server listening');
    return { bot, send, port, stop: () => closeServer(server) };
  }

  await step((signal) => bot.api.deleteWebhook(undefined, signal));
  // Failed polls are retried and logged by retryCalls; the runner only sees what cannot pass.
  const runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] }, silent: true } });
  runner.task()?.catch((err: unknown) => {
    log.fatal({ err }, 'telegram: long polling stopped');
    options.onFatal?.(err);
  });
  log.info({ bot: bot.botInfo.username }, 'telegram: long polling');
  return {
    bot,
    send,
    stop: async () => {
      if (runner.isRunning()) await runner.stop();
      // stop() ends fetching; updates already fetched are still being answered.
      const deadline = Date.now() + (options.drainMs ?? 5_000);
      while (runner.size() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    },
  };
}
