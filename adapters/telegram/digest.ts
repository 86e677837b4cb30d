/**
 * /subscribe, /unsubscribe, /digest. The daily digest is a later module: it plugs in as a
 * TelegramDigest; until then these commands say it is coming soon.
 */
import { Composer, type Context } from 'grammy';
import type { Answer } from '../../src/types.js';
import type { MemoStore } from './memo.js';
import { replyAnswer, replyText } from './reply.js';
import { TEXT } from './texts.js';

type Awaitable<T> = T | Promise<T>;

export interface TelegramDigest {
  /** Subscribes a chat to the daily digest (at `time`, the HH:MM after /subscribe); returns the confirmation to show. */
  subscribe(chatId: string, time?: string): Awaitable<string>;
  /** Ends a chat's subscription; returns the confirmation to show. */
  unsubscribe(chatId: string): Awaitable<string>;
  /** Today's digest for a chat, sent at once (/digest). */
  sendNow(chatId: string): Awaitable<Answer>;
}

export function digestCommands(memos: MemoStore, digest?: TelegramDigest): Composer<Context> {
  const commands = new Composer<Context>();
  if (!digest) {
    commands.command(['subscribe', 'unsubscribe', 'digest'], (ctx) => replyText(ctx, TEXT.digestSoon));
    return commands;
  }
  commands.command('subscribe', async (ctx) =>
    replyText(ctx, await digest.subscribe(String(ctx.chat.id), ctx.match.trim() || undefined)),
  );
  commands.command('unsubscribe', async (ctx) => replyText(ctx, await digest.unsubscribe(String(ctx.chat.id))));
  commands.command('digest', async (ctx) => replyAnswer(ctx, await digest.sendNow(String(ctx.chat.id)), memos));
  return commands;
}
