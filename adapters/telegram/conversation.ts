/**
 * Which conversation an update belongs to, for follow-up questions: a private chat is one
 * conversation; in a group each user has their own, so two people asking at once never mix.
 */
import type { Context } from 'grammy';

export function conversationOf(ctx: Context): string | undefined {
  const chat = ctx.chat;
  if (!chat) return undefined;
  if (chat.type === 'private' || !ctx.from) return `telegram:${chat.id}`;
  return `telegram:${chat.id}:${ctx.from.id}`;
}
