/** The commands: each one is a call to the core, nothing more. */
import { Composer, type Context } from 'grammy';
import type { Core } from '../../src/core.js';
import type { Ask } from '../../src/asking.js';
import { taskQuestion } from '../../src/commands.js';
import { safeText } from '../../src/safe-text.js';
import { askerOf, conversationOf } from './conversation.js';
import { digestCommands, type TelegramDigest } from './digest.js';
import type { MemoStore } from './memo.js';
import { replyAnswer, replyText } from './reply.js';
import { TEXT } from './texts.js';

export function commands(core: Core, ask: Ask, memos: MemoStore, digest?: TelegramDigest): Composer<Context> {
  const c = new Composer<Context>();

  c.command(['start', 'help'], async (ctx) => replyAnswer(ctx, await core.help(), memos));

  c.command('kpi', async (ctx) => {
    const question = safeText(ctx.match).trim();
    if (!question) return replyText(ctx, TEXT.kpiUsage);
    const conversation = conversationOf(ctx);
    const { answer, entry } = await ask(question, askerOf(ctx, conversation), { brief: true });
    await replyAnswer(ctx, answer, memos, { followUp: { kind: 'ask', question, brief: true }, conversation, entry });
  });

  c.command('task', async (ctx) => {
    const text = safeText(ctx.match);
    if (!text.trim()) return replyText(ctx, TEXT.taskUsage);
    const question = taskQuestion(text);
    const conversation = conversationOf(ctx);
    const { answer, entry } = await ask(question, askerOf(ctx, conversation));
    await replyAnswer(ctx, answer, memos, { followUp: { kind: 'ask', question }, conversation, entry });
  });

  c.command('lagging', async (ctx) => replyAnswer(ctx, await core.lagging(), memos, { followUp: { kind: 'lagging' } }));
  c.command('sources', async (ctx) => replyAnswer(ctx, await core.sources(), memos));

  c.use(digestCommands(memos, digest));
  return c;
}
