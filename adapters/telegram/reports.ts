/**
 * Reports sent to the bot (src/reports/desk.ts): a document in a private chat is downloaded
 * (getFile, then the file from TELEGRAM_API_ROOT's file path) and handed to the desk; its
 * buttons come back as `rep:` callbacks, a reply 地区=… / 年份=… as a correction, /reports as
 * the list. The desk decides; this only translates. TELEGRAM_OPERATORS names the operators.
 */
import { Composer, InlineKeyboard, type Context } from 'grammy';
import type { DeskReply, ReportDesk, Sender } from '../../src/reports/desk.js';
import { REPORT_TEXT } from '../../src/reports/texts.js';

export interface TelegramFiles {
  /** http(s)://…, without a trailing slash. */
  apiRoot: string;
  token: string;
}

const keyboardOf = (reply: DeskReply) =>
  reply.buttons?.length ? new InlineKeyboard(reply.buttons.map((b) => [InlineKeyboard.text(b.label, `rep:${b.action}`)])) : undefined;

async function send(ctx: Context, reply: DeskReply): Promise<void> {
  // Plain text: file names and the report's own words are shown as they are, never as markup.
  await ctx.reply(reply.text.slice(0, 4000), { reply_markup: keyboardOf(reply) });
}

export function reportUploads(desk: ReportDesk, operators: readonly string[], files: TelegramFiles): Composer<Context> {
  const ids = new Set(operators.map((s) => s.trim()));
  const senderOf = (ctx: Context): Sender => ({ user: `telegram:${ctx.from?.id}`, operator: ctx.from !== undefined && ids.has(String(ctx.from.id)) });
  const c = new Composer<Context>();

  c.on('message:document', async (ctx, next) => {
    // In a group a file is talk between people, not for the bot.
    if (ctx.chat.type !== 'private') return next();
    const doc = ctx.message.document;
    const download = async () => {
      const file = await ctx.api.getFile(doc.file_id);
      if (!file.file_path) throw new Error('getFile gave no file_path');
      const response = await fetch(`${files.apiRoot}/file/bot${files.token}/${file.file_path}`, { signal: AbortSignal.timeout(60_000) });
      if (!response.ok) throw new Error(`file download: HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    };
    await ctx.replyWithChatAction('typing').catch(() => undefined);
    await send(ctx, await desk.receive(senderOf(ctx), { name: doc.file_name, size: doc.file_size, download }));
  });

  c.callbackQuery(/^rep:(.+)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    // Drops the buttons of the message pressed: 确认 twice must not add twice.
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await send(ctx, await desk.act(senderOf(ctx), ctx.match[1]));
  });

  c.command('reports', async (ctx) => {
    // The list names files and offers removal: for the operator's eyes, not a group's.
    if (ctx.chat.type !== 'private') return send(ctx, { text: REPORT_TEXT.privateOnly });
    await send(ctx, desk.list(senderOf(ctx)));
  });

  c.on('message:text', async (ctx, next) => {
    if (ctx.chat.type !== 'private') return next();
    const reply = await desk.correct(senderOf(ctx), ctx.message.text);
    return reply ? send(ctx, reply) : next();
  });
  return c;
}
