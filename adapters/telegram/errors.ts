/** Logs a failed update with pino and tells the user when it was our fault; never rethrows. */
import { GrammyError, HttpError, type BotError, type Context } from 'grammy';
import type { Logger } from '../../src/log.js';
import { TEXT } from './texts.js';

export function errorReporter(log: Logger): (error: BotError<Context>) => Promise<void> {
  return async ({ error, ctx }) => {
    log.error({ err: error, update_id: ctx.update.update_id, chat: ctx.chat?.id }, 'telegram: update failed');
    // When the Bot API itself failed, another call would most likely fail too.
    if (error instanceof GrammyError || error instanceof HttpError) return;
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: TEXT.failed });
      else if (ctx.chat) await ctx.reply(TEXT.failed);
    } catch (again) {
      log.warn({ err: again }, 'telegram: could not report the failure to the user');
    }
  };
}
