/**
 * Events: every delivery counted while it runs (stop() waits for them) and dropped when it was
 * handled already (a Slack retry, here or at another instance); an @mention answered in the
 * question's thread, a DM in the DM, 地区=/年份= after a report in a DM taken as its correction;
 * App Home with what the bot knows and the latest digest.
 */
import type { AllMiddlewareArgs, AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Answer } from '../../src/types.js';
import type { SlackContext } from './context.js';
import { ExpiringSet } from './memory.js';
import { EVENT_MEMORY_MS } from './options.js';
import { renderAnswer, renderNotice, type SlackMessage } from './render.js';
import { renderHome, renderHomeNotice } from './home.js';
import { slackReports } from './reports.js';
import { uploadChart } from './chart.js';
import { TEXT } from './texts.js';
import { conversationIn, questionFrom } from './words.js';

/** Registers the event listeners; returns how many handlers are running. */
export function slackEvents(ctx: SlackContext): { inFlight(): number } {
  const { app, config, options, allowed, limiter, ask } = ctx;
  const slackLog = ctx.log;
  const events = options.seenEvents ?? new ExpiringSet(EVENT_MEMORY_MS, 10_000);
  let running = 0;

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
    let answered: Answer | undefined;
    if (!allowed(where.channel)) message = renderNotice(TEXT.notEnabled);
    else if (question !== '' && !limiter.take(where.user)) message = renderNotice(TEXT.tooMany);
    else {
      const conversation = conversationIn(where);
      const { answer, entry } = await ask(question, { platform: 'slack', conversation, user: where.user });
      message = renderAnswer(answer, { conversation, entry });
      answered = answer;
    }
    await client.chat.postMessage({
      channel: where.channel,
      ...(where.thread_ts ? { thread_ts: where.thread_ts } : {}),
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
    // A comparison's chart follows the answer, in its thread (chart.ts).
    if (answered?.chart) await uploadChart(client, where, answered, slackLog);
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

  return { inFlight: () => running };
}
