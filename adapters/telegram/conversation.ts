/**
 * Which conversation an update belongs to, for follow-up questions: a private chat is one
 * conversation; in a group each user has their own, so two people asking at once never mix.
 */
import type { Context } from 'grammy';
import type { Asker } from '../../src/asking.js';

export function conversationOf(ctx: Context): string | undefined {
  const chat = ctx.chat;
  if (!chat) return undefined;
  if (chat.type === 'private' || !ctx.from) return `telegram:${chat.id}`;
  return `telegram:${chat.id}:${ctx.from.id}`;
}

/** Who asks in this update, for the core and the answer log. */
export function askerOf(ctx: Context, conversation: string | undefined = conversationOf(ctx)): Asker {
  return { platform: 'telegram', conversation, user: ctx.from && String(ctx.from.id) };
}
