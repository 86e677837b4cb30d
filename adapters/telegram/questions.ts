/**
 * Messages that are not commands: text is a question for the core (mentions of the bot taken
 * out); stickers, photos, voice and other media get a hint to ask in words.
 */
import { Composer, type Context, type FilterQuery } from 'grammy';
import type { Ask } from '../../src/asking.js';
import type { Core } from '../../src/core.js';
import { askerOf, conversationOf } from './conversation.js';
import { questionOf } from './addressed.js';
import type { MemoStore } from './memo.js';
import { replyAnswer, replyText } from './reply.js';
import { TEXT } from './texts.js';

const MEDIA: FilterQuery[] = [
  'message:sticker',
  'message:photo',
  'message:voice',
  'message:audio',
  'message:document',
  'message:video',
  'message:video_note',
  'message:animation',
  'message:location',
  'message:venue',
  'message:contact',
  'message:poll',
  'message:dice',
];

/** A command none of the handlers took: "/foo" or "/foo@bot". */
function unknownCommand(ctx: Context): 'ours' | 'maybe-others' | undefined {
  const e = ctx.message?.entities?.[0];
  if (!e || e.type !== 'bot_command' || e.offset !== 0) return undefined;
  const command = ctx.message!.text!.slice(0, e.length);
  return command.includes('@') || ctx.chat?.type === 'private' ? 'ours' : 'maybe-others';
}

export function questions(core: Core, ask: Ask, memos: MemoStore): Composer<Context> {
  const c = new Composer<Context>();

  c.on('message:text', async (ctx) => {
    const command = unknownCommand(ctx);
    if (command === 'ours') return replyText(ctx, TEXT.unknownCommand);
    if (command === 'maybe-others') return; // a bare /command in a group may be for another bot
    const question = questionOf(ctx);
    if (!question) return replyAnswer(ctx, await core.help(), memos);
    const conversation = conversationOf(ctx);
    const { answer, entry } = await ask(question, askerOf(ctx, conversation));
    await replyAnswer(ctx, answer, memos, { followUp: { kind: 'ask', question }, conversation, entry });
  });

  c.on(MEDIA, (ctx) => replyText(ctx, TEXT.mediaHint));
  return c;
}
