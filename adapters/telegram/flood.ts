/** A per-user limit of QUESTIONS_PER_MINUTE, with a friendly note the first time it is hit. */
import { limit } from '@grammyjs/ratelimiter';
import type { Context, MiddlewareFn } from 'grammy';
import { replyText } from './reply.js';
import { TEXT } from './texts.js';

export function floodLimit(perMinute: number): MiddlewareFn<Context> {
  return limit({
    timeFrame: 60_000,
    limit: perMinute,
    keyGenerator: (ctx: Context) => ctx.from?.id.toString(),
    onLimitExceeded: async (ctx: Context) => {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: TEXT.tooFast });
      else await replyText(ctx, TEXT.tooFast);
    },
  });
}
