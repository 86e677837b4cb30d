/**
 * Sends Answers and short notes: HTML messages (with a chart, a photo: photo.ts), the buttons
 * under the last one — the likely next questions (follow-ups), then 原文 and 更多.
 */
import { InlineKeyboard, type Api, type Context } from 'grammy';
import type { Answer } from '../../src/types.js';
import type { FollowUp, MemoStore } from './memo.js';
import { renderAnswer } from './render.js';
import { fitsCaption, pictureOf, sendPhoto } from './photo.js';
import { TEXT } from './texts.js';

export interface AnswerContext {
  /** How to ask for the next page, when the answer has one. */
  followUp?: FollowUp;
  /** The conversation the answer belongs to: its buttons ask there. */
  conversation?: string;
  /** The answer's entry in the answer log: 👍 and 👎 are offered for it. */
  entry?: string;
}

/**
 * Buttons for an answer: its follow-up questions; 原文 when it has a quote, 更多 when there is a
 * next page, 👍 👎 when it is in the answer log (their data is the entry id: no memo needed).
 */
export function keyboardFor(answer: Answer, memos: MemoStore, context: AnswerContext = {}): InlineKeyboard | undefined {
  const { followUp, conversation, entry } = context;
  const more = followUp && answer.more && answer.more.next < answer.more.total ? answer.more : undefined;
  const followUps = answer.followUps?.length ? answer.followUps : undefined;
  if (!answer.quote && !more && !followUps && !entry) return undefined;
  const id = answer.quote || more || followUps ? memos.put({ followUp: more && followUp, next: more?.next, quote: answer.quote, followUps, conversation }) : '';
  const rows = [
    (followUps ?? []).map((f, i) => InlineKeyboard.text(f.label, `ask:${id}:${i}`)),
    [
      ...(answer.quote ? [InlineKeyboard.text(TEXT.quoteButton, `quote:${id}`)] : []),
      ...(more ? [InlineKeyboard.text(TEXT.moreButton, `more:${id}`)] : []),
      ...(entry ? [InlineKeyboard.text(TEXT.upButton, `fb:${entry}:u`), InlineKeyboard.text(TEXT.downButton, `fb:${entry}:d`)] : []),
    ],
  ];
  return new InlineKeyboard(rows.filter((row) => row.length > 0));
}

export interface HtmlOptions {
  /** Message to reply to, so the answer sits under the question. */
  replyTo?: number;
  /** Put under the last message. */
  keyboard?: InlineKeyboard;
}

/** Sends already rendered HTML messages in order. */
export async function sendHtml(
  api: Api,
  chatId: number | string,
  messages: string[],
  options: HtmlOptions = {},
): Promise<void> {
  for (const [i, html] of messages.entries()) {
    await api.sendMessage(chatId, html, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      reply_parameters:
        i === 0 && options.replyTo !== undefined
          ? { message_id: options.replyTo, allow_sending_without_reply: true }
          : undefined,
      reply_markup: i === messages.length - 1 ? options.keyboard : undefined,
    });
  }
}

export interface SendOptions extends AnswerContext {
  replyTo?: number;
}

export async function sendAnswer(
  api: Api,
  chatId: number | string,
  answer: Answer,
  memos: MemoStore,
  options: SendOptions = {},
): Promise<void> {
  const keyboard = keyboardFor(answer, memos, options);
  await memos.written();
  const html = renderAnswer(answer);
  // A comparison goes with its chart: the photo with the answer as caption, or the text then the photo.
  // The picture is extra: when Telegram refuses it (past the retries, which log), the text still goes.
  const png = pictureOf(answer);
  if (png && fitsCaption(answer, html)) {
    const sent = await sendPhoto(api, chatId, png, { caption: html[0], replyTo: options.replyTo, keyboard }).then(() => true, () => false);
    if (sent) return;
    return sendHtml(api, chatId, html, { replyTo: options.replyTo, keyboard });
  }
  await sendHtml(api, chatId, html, { replyTo: options.replyTo, keyboard: png ? undefined : keyboard });
  if (png) await sendPhoto(api, chatId, png, { keyboard }).catch(() => undefined);
}

/** In groups, the id of the message to reply to; in private chats none. */
function replyTarget(ctx: Context): number | undefined {
  return ctx.chat?.type === 'private' ? undefined : ctx.msg?.message_id;
}

/** Answers the current update in its chat. */
export async function replyAnswer(ctx: Context, answer: Answer, memos: MemoStore, context: AnswerContext = {}): Promise<void> {
  if (!ctx.chat) return;
  await sendAnswer(ctx.api, ctx.chat.id, answer, memos, { ...context, replyTo: replyTarget(ctx) });
}

/** A short fixed note, as plain text. */
export async function replyText(ctx: Context, text: string): Promise<void> {
  const replyTo = replyTarget(ctx);
  await ctx.reply(text, {
    reply_parameters: replyTo === undefined ? undefined : { message_id: replyTo, allow_sending_without_reply: true },
  });
}
