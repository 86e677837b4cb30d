/**
 * 👍 and 👎 under an answer, recorded against its entry in the answer log. A 👎 is answered with
 * a message offering the reasons (数字不对, 不是我问的, 没有回答, 太长) as buttons; a reply to that
 * message is taken as the user's own words. Each user has one vote per answer and may change it.
 * The allowlist and flood limit apply as to any button (they run before this).
 */
import { Composer, InlineKeyboard, type Context } from 'grammy';
import { REASONS, type AnswerLog } from '../../src/answer-log/log.js';
import type { Memos } from '../../src/store/sealed-memos.js';
import { safeText } from '../../src/safe-text.js';
import { replyText } from './reply.js';
import { TEXT } from './texts.js';

/**
 * The reasons messages sent, by chat and message id → the entry they are about. Bounded; lost
 * at a restart, unless shared (DATABASE_URL): then in the store's memos too, for any instance.
 */
class Prompts {
  private readonly entries = new Map<string, string>();
  constructor(
    private readonly shared?: Memos,
    private readonly capacity = 1000,
  ) {}

  async put(chat: number, message: number, entry: string): Promise<void> {
    this.entries.set(`${chat}:${message}`, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    await this.shared?.put(`tgp:${chat}:${message}`, entry);
  }

  async get(chat: number, message: number): Promise<string | undefined> {
    return this.entries.get(`${chat}:${message}`) ?? (await this.shared?.get(`tgp:${chat}:${message}`));
  }
}

export function feedback(log: AnswerLog, shared?: Memos): Composer<Context> {
  const c = new Composer<Context>();
  const prompts = new Prompts(shared);
  const reasons = (entry: string) => new InlineKeyboard([REASONS.map((reason, i) => InlineKeyboard.text(reason, `fr:${entry}:${i}`))]);

  c.callbackQuery(/^fb:([a-z0-9]{10}):([ud])$/, async (ctx) => {
    const entry = ctx.match[1];
    const vote = ctx.match[2] === 'u' ? 'up' : 'down';
    const result = await log.vote(entry, 'telegram', String(ctx.from.id), vote);
    if (result === 'unknown') return ctx.answerCallbackQuery({ text: TEXT.expired });
    if (vote === 'up') return ctx.answerCallbackQuery({ text: result === 'changed' ? TEXT.changedUp : TEXT.thanksUp });
    await ctx.answerCallbackQuery({ text: result === 'changed' ? TEXT.changedDown : TEXT.thanksDown });
    // The reasons are offered once per 👎, not again for the same vote; none where there is no chat (inline mode).
    if (result === 'same' || !ctx.chat) return;
    const sent = await ctx.api.sendMessage(ctx.chat.id, TEXT.whyDown, {
      reply_parameters: ctx.msg ? { message_id: ctx.msg.message_id, allow_sending_without_reply: true } : undefined,
      reply_markup: reasons(entry),
    });
    await prompts.put(ctx.chat.id, sent.message_id, entry);
  });

  c.callbackQuery(/^fr:([a-z0-9]{10}):(\d)$/, async (ctx) => {
    const reason = REASONS[Number(ctx.match[2])];
    const result = reason ? await log.reason(ctx.match[1], 'telegram', String(ctx.from.id), reason) : 'unknown';
    await ctx.answerCallbackQuery({ text: result === 'unknown' ? TEXT.expired : TEXT.reasonNoted(reason) });
  });

  // A reply to a reasons message: the user's words about the answer, not a question.
  c.on('message:text', async (ctx, next) => {
    const to = ctx.message.reply_to_message;
    const entry = to && to.from?.id === ctx.me.id ? await prompts.get(ctx.chat.id, to.message_id) : undefined;
    if (!entry || !ctx.from) return next();
    const result = await log.words(entry, 'telegram', String(ctx.from.id), safeText(ctx.message.text));
    await replyText(ctx, result === 'unknown' ? TEXT.expired : TEXT.wordsNoted);
  });

  return c;
}
