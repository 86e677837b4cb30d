/**
 * Buttons under an answer: 原文 (the sentence, to the clicking user only), 更多 (the next page,
 * posted under the button's message) and the follow-up questions (asked in the conversation the
 * answer left, which rides in the button's value: any instance can answer it).
 */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { slackErrorCode, type SlackContext } from './context.js';
import {
  ACTION_FOLLOW_UP,
  ACTION_MORE,
  ACTION_QUOTE,
  decodeFollowUp,
  decodeMore,
  renderAnswer,
  renderNotice,
  renderQuote,
  type SlackMessage,
} from './render.js';
import { TEXT } from './texts.js';

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

export const channelOf = (body: BlockAction): string | undefined =>
  body.channel?.id ?? (typeof body.container?.channel_id === 'string' ? body.container.channel_id : undefined);

export const buttonValue = (args: ButtonArgs): string | undefined => (args.action.type === 'button' ? args.action.value : undefined);

/** Shows a message to the clicking user only. */
export const ephemeral = async (args: ButtonArgs, message: SlackMessage): Promise<void> => {
  const channel = channelOf(args.body);
  if (args.respond !== undefined && args.body.response_url) {
    await args.respond({ response_type: 'ephemeral', replace_original: false, ...message });
  } else if (channel) {
    await args.client.chat.postEphemeral({ channel, user: args.body.user.id, ...message });
  }
};

export function slackActions(ctx: SlackContext): void {
  const { app, allowed, limiter, ask } = ctx;
  const slackLog = ctx.log;

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
}
