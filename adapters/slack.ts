/**
 * The Slack adapter: translates Slack events into Core calls and Answers into Slack messages.
 *
 * - @mention in a channel → answer in the question's thread; direct message → answer in the DM.
 * - /kpi 指标 (brief), /task 编号或关键词, /digest [subscribe|unsubscribe|now].
 * - Each thread, or DM, is a conversation: a follow-up (那1-6月呢, 谁牵头) takes what it leaves
 *   out from the last question there. A slash command's conversation is its user in the channel.
 * - Buttons: follow-up questions (asked in the answer's conversation), 原文 (the source sentence,
 *   ephemeral) and 更多 (the next page of a list); with the answer log on, Slack's 👍/👎 feedback
 *   buttons: a 👎 offers reasons and a modal for a few words, to the user only.
 * - App Home: how to ask, what the bot knows (core.help()) and the latest digest.
 *
 * Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP on SLACK_PORT at /slack/events with the
 * signing secret checked (signature and 5-minute timestamp window) by Bolt's HTTPReceiver.
 * Retried deliveries are answered once (event_id), SLACK_ALLOWED_CHANNELS restricts where the bot
 * answers, and QUESTIONS_PER_MINUTE caps questions per user.
 */
import {
  App,
  HTTPReceiver,
  LogLevel,
  SocketModeReceiver,
  type AllMiddlewareArgs,
  type AnyMiddlewareArgs,
  type BlockAction,
  type Logger as BoltLogger,
  type Middleware,
  type RespondFn,
  type SlackActionMiddlewareArgs,
  type webApi,
} from '@slack/bolt';
import { settingError, shownUrl, type Config } from '../src/config.js';
import type { AnswerLog } from '../src/answer-log/log.js';
import { asking, type Asked, type Asker } from '../src/asking.js';
import type { Core } from '../src/core.js';
import { taskQuestion } from '../src/commands.js';
import type { Logger } from '../src/log.js';
import { safeText } from '../src/safe-text.js';
import type { Answer, AskOptions } from '../src/types.js';
import { guardRequests } from './slack-guard.js';
import { slackReports } from './slack-reports.js';
import type { ReportDesk } from '../src/reports/desk.js';
import { DeadlineError, loggedRetries, startupError, within, type RetryPolicy } from './slack-outage.js';
import {
  ACTION_FEEDBACK,
  ACTION_FOLLOW_UP,
  ACTION_MORE,
  ACTION_QUOTE,
  ACTION_REASON,
  ACTION_WORDS,
  DIGEST_PLACEHOLDER,
  VIEW_WORDS,
  decodeFeedback,
  decodeFollowUp,
  decodeMore,
  decodeReason,
  feedbackModal,
  renderAnswer,
  renderHome,
  renderHomeNotice,
  renderNotice,
  renderQuote,
  renderWhyDown,
  type SlackMessage,
} from './slack-render.js';

export type { RetryPolicy } from './slack-outage.js';

export const TEXT = {
  notEnabled: '本应用未在此频道启用。',
  expired: '已过期，请重新提问。',
  noMore: '没有更多了。',
  digestSoon: DIGEST_PLACEHOLDER,
  tooMany: '提问太频繁，请稍后再试。',
  failed: '抱歉，处理这个问题时出错了，请稍后再试。',
  kpiUsage: '用法：/kpi 指标名称，例如 /kpi 地区生产总值',
  taskUsage: '用法：/task 任务编号或关键词，例如 /task 5 或 /task 数字经济',
  digestUsage: '用法：/digest subscribe [HH:MM]（订阅）| unsubscribe（退订）| now（立即发送）',
  subscribed: '已订阅每日简报，将发送到这里。',
  unsubscribed: '已退订每日简报。',
  reasonNoted: (reason: string) => `已记录：${reason}。谢谢反馈。`,
} as const;

/** Where a digest goes: the conversation the command came from, and who asked. */
export interface DigestTarget {
  platform: 'slack';
  channel: string;
  user: string;
}

/**
 * The daily digest, when the digest module lands. Without it, /digest answers that the digest is
 * coming soon and App Home shows a placeholder.
 */
export interface SlackDigest {
  /** `time`: the HH:MM after /digest subscribe. A returned string is shown as the confirmation. */
  subscribe(target: DigestTarget, time?: string): void | string | Promise<void | string>;
  unsubscribe(target: DigestTarget): void | string | Promise<void | string>;
  /** Today's digest, which the adapter posts where /digest now was typed. */
  sendNow(target: DigestTarget): Answer | Promise<Answer>;
  /** The latest digest for App Home, if there is one. */
  latest?(): Answer | undefined | Promise<Answer | undefined>;
}


export interface SlackOptions {
  digest?: SlackDigest;
  /** HTTP mode: the address to listen on (default: all interfaces). */
  host?: string;
  /** Web API retries on network errors, 5xx and rate limits (Retry-After is honoured). */
  retryConfig?: RetryPolicy;
  /** Web API request timeout in milliseconds (default 10 s). */
  timeout?: number;
  /** How long stop() waits for handlers still running (default 5 s). */
  drainMs?: number;
  /** Start-up (auth.test, connecting or listening) must be done within this (default 30 s). */
  startupMs?: number;
  /**
   * Where event ids already handled are kept: add() is false for one seen within the retry
   * window. Default: in memory (a retry after a restart is then answered again).
   */
  seenEvents?: SeenEvents;
  /** Where questions and the 👍/👎 given to answers are logged; without it, no 👍/👎 buttons. */
  answerLog?: AnswerLog;
  /** Reports sent in a DM by SLACK_OPERATORS; without it a shared file gets no answer. */
  reports?: ReportDesk;
}

/** Event ids already handled, for 15 minutes (Slack's retries come within 5). */
export interface SeenEvents {
  /** False for one seen already; a store across instances answers asynchronously. */
  add(eventId: string): boolean | Promise<boolean>;
}

export const EVENT_MEMORY_MS = 15 * 60_000;

export interface SlackApp {
  app: App;
  receiver: HTTPReceiver | SocketModeReceiver;
  mode: 'http' | 'socket';
  /** Handlers still running; stop() waits for them. */
  inFlight(): number;
}

export interface RunningSlack {
  mode: 'http' | 'socket';
  /** HTTP mode: the port listened on (useful when SLACK_PORT is 0 in tests). */
  port?: number;
  stop(): Promise<void>;
}

/** A few retries over about half a minute; Slack's default (ten over thirty minutes) is too patient for a chat. */
const DEFAULT_RETRY: RetryPolicy = { retries: 3, factor: 3, minTimeout: 1000, maxTimeout: 15_000, randomize: true };

/* ---------------------------------------------------------------- helpers */

/**
 * The question in a message: mentions removed, links and channel names as their labels, and
 * Slack's escapes (&amp; &lt; &gt;) undone.
 */
export function questionFrom(text: string | undefined): string {
  return safeText(text ?? '')
    .replace(/<@[UWB][A-Z0-9]+(?:\|[^>]*)?>/g, ' ')
    .replace(/<#[CG][A-Z0-9]+(?:\|([^>]*))?>/g, (_m, name?: string) => name ?? '')
    .replace(/<!(?:subteam\^)?[^>|]+(?:\|([^>]*))?>/g, (_m, label?: string) => label ?? '')
    .replace(/<([a-z]+:[^>|]+)(?:\|([^>]*))?>/gi, (_m, url: string, label?: string) => label ?? url)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The conversation a message belongs to: its thread; a DM's top level is one conversation too.
 * A slash command has no thread: in a DM the DM, in a channel its user there.
 */
export function conversationIn(where: { channel: string; thread_ts?: string; user?: string; command?: boolean }): string {
  if (where.thread_ts) return `slack:${where.channel}:${where.thread_ts}`;
  if (where.command && !where.channel.startsWith('D') && where.user) return `slack:${where.channel}:${where.user}`;
  return `slack:${where.channel}`;
}

type DigestCommand = 'subscribe' | 'unsubscribe' | 'now';

/** /digest text → the subcommand; undefined for anything else. */
export function digestCommand(text: string): DigestCommand | undefined {
  const word = text.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  if (['subscribe', 'sub', '订阅'].includes(word)) return 'subscribe';
  if (['unsubscribe', 'unsub', '退订', '取消订阅'].includes(word)) return 'unsubscribe';
  if (['now', '现在', '立即'].includes(word)) return 'now';
  return undefined;
}

/** A set of ids that forgets each id after `ttlMs` and never holds more than `max`. */
export class ExpiringSet {
  private readonly seen = new Map<string, number>();
  constructor(
    private readonly ttlMs: number,
    private readonly max: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Adds the id; false when it was already there (a duplicate). */
  add(id: string): boolean {
    const now = this.now();
    for (const [key, expires] of this.seen) {
      if (expires > now && this.seen.size < this.max) break;
      this.seen.delete(key);
    }
    if (this.seen.has(id)) return false;
    this.seen.set(id, now + this.ttlMs);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }
}

/** Per-user limit of questions in a rolling minute. */
export class QuestionLimiter {
  private readonly asked = new Map<string, number[]>();
  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a question by `user`; false when over the limit. */
  take(user: string | undefined): boolean {
    const key = user ?? '';
    const now = this.now();
    if (this.asked.size > 10_000) {
      for (const [k, times] of this.asked) if (times[times.length - 1] <= now - 60_000) this.asked.delete(k);
    }
    const times = (this.asked.get(key) ?? []).filter((t) => t > now - 60_000);
    if (times.length >= this.perMinute) {
      this.asked.set(key, times);
      return false;
    }
    times.push(now);
    this.asked.set(key, times);
    return true;
  }
}

/** Bolt's logger interface on top of pino; pino's level governs, so Bolt's setLevel is ignored. */
function boltLogger(log: Logger): BoltLogger {
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...msgs: unknown[]) => {
      const err = msgs.find((m): m is Error => m instanceof Error);
      const text = msgs
        .filter((m) => m !== err)
        .map((m) => (typeof m === 'string' ? m : safeJson(m)))
        .join(' ');
      if (err) log[level]({ err }, text || err.message);
      else log[level](text);
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: () => {},
    getLevel: () => {
      const level = log.level;
      if (level === 'trace' || level === 'debug') return LogLevel.DEBUG;
      if (level === 'info') return LogLevel.INFO;
      if (level === 'warn') return LogLevel.WARN;
      return LogLevel.ERROR;
    },
    setName: () => {},
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

function failed(question: string): Answer {
  return { question, kind: 'none', text: TEXT.failed, lines: [[{ text: TEXT.failed }]], records: [], sources: [] };
}

function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/* ---------------------------------------------------------------- the app */

/**
 * Builds the Bolt app with every listener registered; it is not started (startSlack starts it).
 * The app is created with deferred initialization: call `await app.init()` before `app.start()`.
 */
export function createSlackApp(core: Core, config: Config, log: Logger, options: SlackOptions = {}): SlackApp {
  const token = config.SLACK_BOT_TOKEN;
  if (!token) throw new Error('SLACK_BOT_TOKEN: required for the Slack adapter');
  const slackLog = log.child({ adapter: 'slack' });
  const logger = boltLogger(slackLog);
  const slackApiUrl = config.SLACK_API_URL ?? 'https://slack.com/api/';
  const retryConfig = loggedRetries(options.retryConfig ?? DEFAULT_RETRY, slackLog);
  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl,
    retryConfig,
    rejectRateLimitedCalls: false,
    timeout: options.timeout ?? 10_000,
  };

  let receiver: HTTPReceiver | SocketModeReceiver;
  let mode: 'http' | 'socket';
  if (config.SLACK_APP_TOKEN) {
    mode = 'socket';
    receiver = new SocketModeReceiver({
      appToken: config.SLACK_APP_TOKEN,
      logger,
      // apps.connections.open goes to the same API (GovSlack, gateways), retried the same way.
      installerOptions: { clientOptions: { slackApiUrl, retryConfig } },
    });
  } else {
    if (!config.SLACK_SIGNING_SECRET) {
      throw new Error('SLACK_SIGNING_SECRET: required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
    }
    mode = 'http';
    const http = new HTTPReceiver({
      signingSecret: config.SLACK_SIGNING_SECRET,
      endpoints: '/slack/events',
      port: config.SLACK_PORT,
      logger,
      // Events are acknowledged at once and handled after; commands and actions ack() first.
      processBeforeResponse: false,
      customRoutes: [
        {
          path: '/healthz',
          method: ['GET'],
          handler: (_req, res) => {
            res.writeHead(200, { 'content-type': 'text/plain' });
            res.end('ok');
          },
        },
      ],
    });
    guardRequests(http, { signingSecret: config.SLACK_SIGNING_SECRET, path: '/slack/events', log: slackLog });
    receiver = http;
  }

  const app = new App({
    token,
    receiver,
    logger,
    clientOptions,
    ignoreSelf: true,
    convoStore: false,
    deferInitialization: true,
  });

  const allowed = (channel: string | undefined): boolean =>
    config.SLACK_ALLOWED_CHANNELS.length === 0 ||
    (channel !== undefined && config.SLACK_ALLOWED_CHANNELS.includes(channel));
  const limiter = new QuestionLimiter(config.QUESTIONS_PER_MINUTE);
  const events = options.seenEvents ?? new ExpiringSet(EVENT_MEMORY_MS, 10_000);
  let running = 0;

  const askCore = asking(core, options.answerLog);
  /** The core's answer; an empty question gets the help. The core should not throw, but if it does the user hears so. */
  const ask = async (question: string, who: Asker, askOptions: Omit<AskOptions, 'conversation'> = {}): Promise<Asked> => {
    try {
      return question === '' ? { answer: core.help() } : await askCore(question, who, askOptions);
    } catch (err) {
      slackLog.error({ err, question }, 'core failed');
      return { answer: failed(question) };
    }
  };

  /* Global middleware: count running handlers, then drop deliveries already handled. */
  const track: Middleware<AnyMiddlewareArgs> = async ({ next }) => {
    running += 1;
    try {
      await next();
    } finally {
      running -= 1;
    }
  };
  const dedupe: Middleware<AnyMiddlewareArgs> = async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !(await events.add(eventId))) {
      slackLog.info({ eventId, retryNum: context.retryNum, retryReason: context.retryReason }, 'duplicate delivery ignored');
      return;
    }
    await next();
  };
  app.use(track);
  app.use(dedupe);

  /** Answers a question in a conversation (thread_ts: reply in that thread). */
  const answerIn = async (
    client: AllMiddlewareArgs['client'],
    where: { channel: string; thread_ts?: string; user?: string },
    question: string,
  ): Promise<void> => {
    let message: SlackMessage;
    if (!allowed(where.channel)) message = renderNotice(TEXT.notEnabled);
    else if (question !== '' && !limiter.take(where.user)) message = renderNotice(TEXT.tooMany);
    else {
      const conversation = conversationIn(where);
      const { answer, entry } = await ask(question, { platform: 'slack', conversation, user: where.user });
      message = renderAnswer(answer, { conversation, entry });
    }
    await client.chat.postMessage({
      channel: where.channel,
      ...(where.thread_ts ? { thread_ts: where.thread_ts } : {}),
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
  };

  /* @mention in a channel: answer in the question's thread. */
  app.event('app_mention', async ({ event, client }) => {
    if (event.bot_id || event.subtype) return;
    await answerIn(
      client,
      { channel: event.channel, thread_ts: event.thread_ts ?? event.ts, user: event.user },
      questionFrom(event.text),
    );
  });

  /* Direct message: answer in the DM (in its thread when the question was in one). */
  const reports = options.reports ? slackReports(app, options.reports, config, slackLog) : undefined;
  app.message(async ({ message, client }) => {
    if (message.subtype !== undefined || message.bot_id || message.channel_type !== 'im') return;
    // 地区=… / 年份=… after a report was sent: a correction of it, not a question.
    if (reports && (await reports.correction(client, message.channel, message.user, message.text ?? ''))) return;
    await answerIn(
      client,
      { channel: message.channel, thread_ts: message.thread_ts, user: message.user },
      questionFrom(message.text),
    );
  });

  /* Slash commands: ack() at once, then the answer through response_url. */
  const answerCommand = async (
    args: { ack: (r?: { response_type: 'ephemeral'; text: string }) => Promise<void>; respond: RespondFn },
    command: { channel_id: string; user_id: string },
    question: string,
    usage: string,
    askOptions: Omit<AskOptions, 'conversation'>,
  ): Promise<void> => {
    if (!allowed(command.channel_id)) return args.ack({ response_type: 'ephemeral', text: TEXT.notEnabled });
    if (question === '') return args.ack({ response_type: 'ephemeral', text: usage });
    if (!limiter.take(command.user_id)) return args.ack({ response_type: 'ephemeral', text: TEXT.tooMany });
    await args.ack();
    const conversation = conversationIn({ channel: command.channel_id, user: command.user_id, command: true });
    const { answer, entry } = await ask(question, { platform: 'slack', conversation, user: command.user_id }, askOptions);
    const message = renderAnswer(answer, { brief: askOptions.brief, conversation, entry });
    await args.respond({ response_type: 'in_channel', text: message.text, blocks: message.blocks });
  };

  app.command('/kpi', async ({ command, ack, respond }) => {
    await answerCommand({ ack, respond }, command, questionFrom(command.text), TEXT.kpiUsage, { brief: true });
  });

  app.command('/task', async ({ command, ack, respond }) => {
    await answerCommand({ ack, respond }, command, taskQuestion(questionFrom(command.text)), TEXT.taskUsage, {});
  });

  app.command('/digest', async ({ command, ack, respond }) => {
    if (!allowed(command.channel_id)) return ack({ response_type: 'ephemeral', text: TEXT.notEnabled });
    const digest = options.digest;
    if (!digest) return ack({ response_type: 'ephemeral', text: TEXT.digestSoon });
    const sub = digestCommand(questionFrom(command.text));
    if (!sub) return ack({ response_type: 'ephemeral', text: TEXT.digestUsage });
    await ack();
    const target: DigestTarget = { platform: 'slack', channel: command.channel_id, user: command.user_id };
    if (sub === 'subscribe') {
      const time = questionFrom(command.text).split(/\s+/)[1];
      const confirmation = await digest.subscribe(target, time);
      await respond({ response_type: 'ephemeral', text: confirmation || TEXT.subscribed });
    } else if (sub === 'unsubscribe') {
      const confirmation = await digest.unsubscribe(target);
      await respond({ response_type: 'ephemeral', text: confirmation || TEXT.unsubscribed });
    } else {
      const message = renderAnswer(await digest.sendNow(target), { buttons: false });
      await respond({ response_type: 'in_channel', text: message.text, blocks: message.blocks });
    }
  });

  /* Buttons. */
  type ButtonArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
  const channelOf = (body: BlockAction): string | undefined =>
    body.channel?.id ?? (typeof body.container?.channel_id === 'string' ? body.container.channel_id : undefined);
  const buttonValue = (args: ButtonArgs): string | undefined =>
    args.action.type === 'button' ? args.action.value : undefined;
  /** Shows a message to the clicking user only. */
  const ephemeral = async (args: ButtonArgs, message: SlackMessage): Promise<void> => {
    const channel = channelOf(args.body);
    if (args.respond !== undefined && args.body.response_url) {
      await args.respond({ response_type: 'ephemeral', replace_original: false, ...message });
    } else if (channel) {
      await args.client.chat.postEphemeral({ channel, user: args.body.user.id, ...message });
    }
  };

  app.action<BlockAction>(ACTION_QUOTE, async (args) => {
    await args.ack();
    if (!allowed(channelOf(args.body))) return ephemeral(args, renderNotice(TEXT.notEnabled));
    const quote = buttonValue(args);
    if (quote) await ephemeral(args, renderQuote(quote));
  });

  /** Posts an answer a button asked for under the button's message: in its thread, if it is in one. */
  const postUnder = async (args: ButtonArgs, channel: string, message: SlackMessage): Promise<void> => {
    const { body, client } = args;
    const thread_ts = typeof body.message?.thread_ts === 'string' ? body.message.thread_ts : undefined;
    try {
      await client.chat.postMessage({
        channel,
        ...(thread_ts ? { thread_ts } : {}),
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
    } catch (err) {
      // Slash-command answers may sit in channels the bot has not joined: post through response_url.
      const code = slackErrorCode(err);
      if (!args.body.response_url || (code !== 'not_in_channel' && code !== 'channel_not_found')) throw err;
      await args.respond({
        response_type: 'in_channel',
        replace_original: false,
        ...(thread_ts ? { thread_ts } : {}),
        ...message,
      });
    }
  };

  app.action<BlockAction>(ACTION_MORE, async (args) => {
    await args.ack();
    const { body } = args;
    const channel = channelOf(body);
    if (!channel || !allowed(channel)) return ephemeral(args, renderNotice(TEXT.notEnabled));
    const page = decodeMore(buttonValue(args));
    if (!page) {
      slackLog.warn({ value: buttonValue(args)?.slice(0, 100) }, 'more button without a page');
      return ephemeral(args, renderNotice(TEXT.expired));
    }
    if (!limiter.take(body.user.id)) return ephemeral(args, renderNotice(TEXT.tooMany));
    // In its conversation, so that a follow-up's list (部分滞后的呢) pages what it was read as.
    const { conversation } = page;
    const { answer } = await ask(page.question, { platform: 'slack', conversation, user: body.user.id }, { offset: page.offset, brief: page.brief });
    // A page past the end (an old button, a list that has since shrunk, a forged offset).
    if (answer.records.length === 0) return ephemeral(args, renderNotice(TEXT.noMore));
    await postUnder(args, channel, renderAnswer(answer, { brief: page.brief, conversation }));
  });

  /* A follow-up button: its question, asked in the conversation of the answer it is under. */
  app.action<BlockAction>({ action_id: ACTION_FOLLOW_UP }, async (args) => {
    await args.ack();
    const { body } = args;
    const channel = channelOf(body);
    if (!channel || !allowed(channel)) return ephemeral(args, renderNotice(TEXT.notEnabled));
    const next = decodeFollowUp(buttonValue(args));
    if (!next) return ephemeral(args, renderNotice(TEXT.expired));
    if (!limiter.take(body.user.id)) return ephemeral(args, renderNotice(TEXT.tooMany));
    const { conversation } = next;
    // Asked where the answer it sits under left the conversation (its context rides in the value).
    const { answer, entry } = await ask(next.question, { platform: 'slack', conversation, user: body.user.id }, next.after ? { after: next.after } : {});
    await postUnder(args, channel, renderAnswer(answer, { conversation, entry }));
  });

  /* 👍/👎 (Slack's feedback buttons), the reasons after a 👎, and the modal for a few words. */
  const answerLog = options.answerLog;
  if (answerLog) {
    app.action<BlockAction>(ACTION_FEEDBACK, async (args) => {
      await args.ack();
      if (!allowed(channelOf(args.body))) return ephemeral(args, renderNotice(TEXT.notEnabled));
      const given = args.action.type === 'feedback_buttons' ? decodeFeedback(args.action.value) : undefined;
      const result = given ? await answerLog.vote(given.entry, 'slack', args.body.user.id, given.vote) : 'unknown';
      if (result === 'unknown') return ephemeral(args, renderNotice(TEXT.expired));
      // Slack shows the button pressed; a 👎 (a new one, not the same again) asks what was wrong.
      if (given!.vote === 'down' && result !== 'same') await ephemeral(args, renderWhyDown(given!.entry));
    });

    app.action<BlockAction>({ action_id: ACTION_REASON }, async (args) => {
      await args.ack();
      if (!allowed(channelOf(args.body))) return ephemeral(args, renderNotice(TEXT.notEnabled));
      const given = decodeReason(buttonValue(args));
      const result = given ? await answerLog.reason(given.entry, 'slack', args.body.user.id, given.reason) : 'unknown';
      await ephemeral(args, renderNotice(result === 'unknown' ? TEXT.expired : TEXT.reasonNoted(given!.reason)));
    });

    app.action<BlockAction>(ACTION_WORDS, async (args) => {
      await args.ack();
      const channel = channelOf(args.body);
      if (!channel || !allowed(channel)) return ephemeral(args, renderNotice(TEXT.notEnabled));
      const entry = buttonValue(args);
      if (!entry || !/^[a-z0-9]{10}$/.test(entry)) return ephemeral(args, renderNotice(TEXT.expired));
      await args.client.views.open({ trigger_id: args.body.trigger_id, view: feedbackModal(entry, channel) });
    });

    app.view(VIEW_WORDS, async ({ ack, body, view }) => {
      await ack();
      let meta: { e?: unknown; c?: unknown } = {};
      try {
        meta = JSON.parse(view.private_metadata) as typeof meta;
      } catch {
        // not ours: nothing to record
      }
      const words = view.state.values.words?.text?.value;
      if (typeof meta.e !== 'string' || typeof meta.c !== 'string' || !allowed(meta.c) || typeof words !== 'string') return;
      await answerLog.words(meta.e, 'slack', body.user.id, safeText(words));
    });
  }

  /* App Home. */
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== undefined && event.tab !== 'home') return;
    let view;
    if (!allowed(event.channel)) {
      view = renderHomeNotice(TEXT.notEnabled);
    } else {
      let latest: Answer | undefined;
      try {
        latest = await options.digest?.latest?.();
      } catch (err) {
        slackLog.error({ err }, 'digest latest failed');
      }
      view = renderHome((await ask('', { platform: 'slack' })).answer, latest);
    }
    await client.views.publish({ user_id: event.user, view });
  });

  /* Errors: log, never stop. */
  app.error(async (error) => {
    slackLog.error({ err: error, code: error.code, slackError: slackErrorCode(error) }, 'Slack handler failed');
  });

  return { app, receiver, mode, inFlight: () => running };
}

/**
 * Creates and starts the Slack app (checks the token with auth.test, then connects over Socket
 * Mode or listens on SLACK_PORT). stop() stops receiving and waits briefly for running handlers.
 */
export async function startSlack(core: Core, config: Config, log: Logger, options: SlackOptions = {}): Promise<RunningSlack> {
  const slack = createSlackApp(core, config, log, options);
  const withinMs = options.startupMs ?? 30_000;
  const deadline = Date.now() + withinMs;
  /** A start-up step, bounded by the start-up deadline; a failure names the setting at fault. */
  const step = async <T>(stage: 'sign-in' | 'connect' | 'listen', run: () => Promise<T>): Promise<T> => {
    try {
      return await within(run(), Math.max(0, deadline - Date.now()));
    } catch (error) {
      if (error instanceof DeadlineError) {
        await slack.app.stop().catch(() => {}); // Socket Mode would go on trying to connect
        throw settingError('SLACK_API_URL', `no answer from ${shownUrl(config.SLACK_API_URL ?? 'https://slack.com/api/')} within ${withinMs / 1000} s`);
      }
      throw startupError(config, error, stage);
    }
  };
  await step('sign-in', () => slack.app.init());
  let port: number | undefined;
  if (slack.mode === 'http') {
    const server = await step('listen', () =>
      slack.app.start(options.host !== undefined ? { port: config.SLACK_PORT, host: options.host } : config.SLACK_PORT),
    );
    const address = server.address();
    port = typeof address === 'object' && address !== null ? address.port : config.SLACK_PORT;
    log.info({ adapter: 'slack', mode: 'http', port, path: '/slack/events' }, 'Slack adapter listening');
  } else {
    await step('connect', () => slack.app.start());
    log.info({ adapter: 'slack', mode: 'socket' }, 'Slack adapter connected (Socket Mode)');
  }
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      try {
        await slack.app.stop();
      } catch (err) {
        log.warn({ err, adapter: 'slack' }, 'Slack receiver did not stop cleanly');
      }
      const deadline = Date.now() + (options.drainMs ?? 5000);
      while (slack.inFlight() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      log.info({ adapter: 'slack' }, 'Slack adapter stopped');
    })();
    return stopped;
  };
  return { mode: slack.mode, port, stop };
}
