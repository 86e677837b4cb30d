/**
 * Inline mode (@bot 用电量 in any chat): up to 10 brief answers from core.lookup, each an
 * article titled with the answer's first line, described by its source line.
 */
import { Composer, InlineQueryResultBuilder, type Context } from 'grammy';
import type { InlineQueryResultArticle } from 'grammy/types';
import type { Core } from '../../src/core.js';
import { safeText } from '../../src/safe-text.js';
import type { Answer } from '../../src/types.js';
import { linesOf, plainLine, renderAnswer } from './render.js';
import { TEXT } from './texts.js';

const MAX_RESULTS = 10;
const CACHE_SECONDS = 30;

export function inlineResult(answer: Answer, id: string): InlineQueryResultArticle {
  const lines = linesOf(answer);
  const title = plainLine(lines[0]).trim() || answer.text.trim() || answer.question;
  const source = answer.sources[0];
  const description =
    lines.length > 1 ? plainLine(lines[lines.length - 1]).trim() : source ? `${source.title} ${source.date}` : '';
  return InlineQueryResultBuilder.article(id, title || '…', description ? { description } : {}).text(
    renderAnswer(answer)[0],
    { parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
  );
}

/** `personal`: results depend on who asks (an allow-list is set), so Telegram must not share its cache. */
export function inline(core: Core, personal: boolean): Composer<Context> {
  const c = new Composer<Context>();
  c.on('inline_query', async (ctx) => {
    const query = safeText(ctx.inlineQuery.query).trim();
    if (!query) {
      return ctx.answerInlineQuery([], {
        cache_time: CACHE_SECONDS,
        is_personal: personal,
        button: { text: TEXT.inlineHint, start_parameter: 'help' },
      });
    }
    const answers = (await core.lookup(query, MAX_RESULTS)).slice(0, MAX_RESULTS);
    const results = answers.map((answer, i) => inlineResult(answer, String(i)));
    await ctx.answerInlineQuery(results, { cache_time: CACHE_SECONDS, is_personal: personal });
  });
  return c;
}
