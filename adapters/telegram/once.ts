/**
 * Each update answered once, and only people answered. Telegram delivers a webhook update
 * again when the response was slow or lost, with the same update_id; the ids handled are kept
 * for Telegram's redelivery window (it keeps an update at most 24 hours), in the store when the
 * app gives one. Messages from bots (another bot in a group, a bot forwarding) are ignored:
 * two bots answering each other would never stop. An anonymous group admin, whom Telegram
 * shows as a bot speaking for the group, is a person.
 */
import type { Context, MiddlewareFn } from 'grammy';
import type { Logger } from '../../src/log.js';
import { ExpiringSet, type SeenEvents } from '../slack.js';

export const UPDATE_MEMORY_MS = 24 * 60 * 60_000;

export function onceEach(seen: SeenEvents = new ExpiringSet(UPDATE_MEMORY_MS, 100_000), log?: Logger): MiddlewareFn<Context> {
  return async (ctx, next) => {
    if (!(await seen.add(String(ctx.update.update_id)))) {
      log?.info({ updateId: ctx.update.update_id }, 'telegram: update delivered again, ignored');
      return;
    }
    // A group's anonymous admin writes as @GroupAnonymousBot, with the group as sender_chat: a person.
    if (ctx.from?.is_bot && !ctx.msg?.sender_chat) return;
    await next();
  };
}
