/**
 * TELEGRAM_ALLOWED_CHATS: when the list is not empty, only those chats (ids, or @usernames)
 * get answers. Anyone else gets one polite refusal per chat and process, and never any data.
 * Inline queries are checked by the user's id; callback queries by the chat of their message.
 */
import type { Context, MiddlewareFn } from 'grammy';
import type { Logger } from '../../src/log.js';
import { TEXT } from './texts.js';

const MAX_REMEMBERED = 10_000;

export function accessGate(allowedChats: readonly string[], log?: Logger): MiddlewareFn<Context> {
  const allowed = new Set(allowedChats.map((s) => s.trim()).filter(Boolean));
  const refused = new Set<number>();
  const isAllowed = (id: number, username?: string) =>
    allowed.has(String(id)) || (username !== undefined && allowed.has(`@${username}`));

  return async (ctx, next) => {
    if (allowed.size === 0) return next();

    if (ctx.inlineQuery) {
      if (isAllowed(ctx.inlineQuery.from.id, ctx.inlineQuery.from.username)) return next();
      await ctx.answerInlineQuery([], {
        cache_time: 60,
        is_personal: true,
        button: { text: TEXT.refusedInline, start_parameter: 'denied' },
      });
      return;
    }

    const chat = ctx.chat;
    if (ctx.callbackQuery) {
      const from = ctx.callbackQuery.from;
      if (chat ? isAllowed(chat.id, chat.username) : isAllowed(from.id, from.username)) return next();
      await ctx.answerCallbackQuery({ text: TEXT.refused });
      return;
    }

    if (!chat) return; // nothing we answer without a chat
    if (isAllowed(chat.id, chat.username)) return next();
    if (refused.has(chat.id) || !ctx.message) return;
    if (refused.size >= MAX_REMEMBERED) refused.clear();
    refused.add(chat.id);
    log?.info({ chat: chat.id, type: chat.type }, 'telegram: chat not allowed (TELEGRAM_ALLOWED_CHATS)');
    await ctx.reply(TEXT.refused);
  };
}
