/** The commands: each one is a call to the core, nothing more. */
import { Composer, type Context } from 'grammy';
import type { Core } from '../../src/core.js';
import { taskQuestion } from '../../src/commands.js';
import { safeText } from '../../src/safe-text.js';
import { digestCommands, type TelegramDigest } from './digest.js';
import type { MemoStore } from './memo.js';
import { replyAnswer, replyText } from './reply.js';
import { TEXT } from './texts.js';

export function commands(core: Core, memos: MemoStore, digest?: TelegramDigest): Composer<Context> {
  const c = new Composer<Context>();

  c.command(['start', 'help'], async (ctx) => replyAnswer(ctx, await core.help(), memos));

  c.command('kpi', async (ctx) => {
    const question = safeText(ctx.match).trim();
    if (!question) return replyText(ctx, TEXT.kpiUsage);
    await replyAnswer(ctx, await core.ask(question, { brief: true }), memos, { kind: 'ask', question, brief: true });
  });

  c.command('task', async (ctx) => {
    const text = safeText(ctx.match);
    if (!text.trim()) return replyText(ctx, TEXT.taskUsage);
    const question = taskQuestion(text);
    await replyAnswer(ctx, await core.ask(question), memos, { kind: 'ask', question });
  });

  c.command('lagging', async (ctx) => replyAnswer(ctx, await core.lagging(), memos, { kind: 'lagging' }));
  c.command('sources', async (ctx) => replyAnswer(ctx, await core.sources(), memos));

  c.use(digestCommands(memos, digest));
  return c;
}
