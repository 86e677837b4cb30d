/**
 * The buttons under an answer: a follow-up asks its question in the answer's conversation,
 * 原文 shows the source sentence, 更多 asks for the next page.
 */
import { Composer, type Context } from 'grammy';
import type { Ask } from '../../src/asking.js';
import type { Core } from '../../src/core.js';
import { safeText } from '../../src/safe-text.js';
import { askerOf } from './conversation.js';
import type { MemoStore } from './memo.js';
import { renderLines } from './render.js';
import { replyAnswer, sendHtml } from './reply.js';
import { TEXT } from './texts.js';

/** Telegram shows at most 200 characters in a callback alert. */
const ALERT_MAX = 200;

function clip(text: string, max: number): string {
  const chars = [...safeText(text)];
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

export function callbacks(core: Core, ask: Ask, memos: MemoStore): Composer<Context> {
  const c = new Composer<Context>();

  c.callbackQuery(/^quote:([\w-]+)$/, async (ctx) => {
    const quote = (await memos.get(ctx.match[1]))?.quote;
    if (quote === undefined) return ctx.answerCallbackQuery({ text: TEXT.expired });
    if (!ctx.chat) {
      // A message sent through inline mode: no chat to write to, so an alert.
      return ctx.answerCallbackQuery({ text: clip(quote, ALERT_MAX), show_alert: true });
    }
    await ctx.answerCallbackQuery();
    const lines = [[{ text: TEXT.quoteTitle, strong: true }], ...quote.split('\n').map((text) => [{ text }])];
    await sendHtml(ctx.api, ctx.chat.id, renderLines(lines), { replyTo: ctx.msg?.message_id });
  });

  c.callbackQuery(/^ask:([\w-]+):(\d{1,2})$/, async (ctx) => {
    const memo = await memos.get(ctx.match[1]);
    const next = memo?.followUps?.[Number(ctx.match[2])];
    if (!next || !ctx.chat) return ctx.answerCallbackQuery({ text: TEXT.expired });
    const { conversation } = memo!;
    // Asked where the answer it sits under left the conversation, not where it has gone since.
    const { answer, entry } = await ask(next.question, askerOf(ctx, conversation), next.after ? { after: next.after } : {});
    await ctx.answerCallbackQuery();
    await replyAnswer(ctx, answer, memos, { followUp: { kind: 'ask', question: next.question }, conversation, entry });
  });

  c.callbackQuery(/^more:([\w-]+)$/, async (ctx) => {
    const memo = await memos.get(ctx.match[1]);
    if (!memo?.followUp || memo.next === undefined || !ctx.chat) {
      return ctx.answerCallbackQuery({ text: TEXT.expired });
    }
    const { followUp, next, conversation } = memo;
    // In its conversation, so that a follow-up's list (部分滞后的呢) pages what it was read as.
    if (conversation) await core.prepare?.(conversation);
    const answer =
      followUp.kind === 'ask'
        ? await core.ask(followUp.question, { offset: next, brief: followUp.brief, conversation })
        : await core.lagging({ offset: next });
    if (conversation) await core.settle?.(conversation);
    // A page past the end: the reports changed since the button was made.
    if (answer.records.length === 0) return ctx.answerCallbackQuery({ text: TEXT.noMore });
    await ctx.answerCallbackQuery();
    await replyAnswer(ctx, answer, memos, { followUp, conversation });
  });

  // Buttons from another version of the bot, or data we no longer understand.
  c.on('callback_query', (ctx) => ctx.answerCallbackQuery({ text: TEXT.expired }));
  return c;
}
