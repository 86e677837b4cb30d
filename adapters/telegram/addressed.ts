/**
 * Who a message is for. In a private chat everything is for the bot; in a group only
 * commands (bare or @this_bot), mentions of @this_bot and replies to the bot's messages.
 */
import type { Context } from 'grammy';
import type { Message, MessageEntity } from 'grammy/types';
import { safeText } from '../../src/safe-text.js';

function textAndEntities(msg: Message): { text: string; entities: MessageEntity[] } {
  return { text: msg.text ?? msg.caption ?? '', entities: msg.entities ?? msg.caption_entities ?? [] };
}

function entityText(text: string, e: MessageEntity): string {
  return text.slice(e.offset, e.offset + e.length);
}

function isOwnMention(text: string, e: MessageEntity, username: string): boolean {
  return e.type === 'mention' && entityText(text, e).toLowerCase() === `@${username.toLowerCase()}`;
}

/** True for a command at the start of the message that is bare or addressed to this bot. */
function isOwnCommand(text: string, e: MessageEntity, username: string): boolean {
  if (e.type !== 'bot_command' || e.offset !== 0) return false;
  const command = entityText(text, e);
  const at = command.indexOf('@');
  return at === -1 || command.slice(at + 1).toLowerCase() === username.toLowerCase();
}

/** Whether the bot should react to this update (non-message updates always pass). */
export function isAddressed(ctx: Context): boolean {
  const msg = ctx.message;
  if (!msg) return true;
  if (msg.chat.type === 'private') return true;
  const reply = msg.reply_to_message;
  if (reply && !reply.forum_topic_created && reply.from?.id === ctx.me.id) return true;
  const { text, entities } = textAndEntities(msg);
  const username = ctx.me.username;
  return entities.some((e) => isOwnCommand(text, e, username) || isOwnMention(text, e, username));
}

/** The message text with mentions of the bot taken out, escape sequences and controls too, trimmed. */
export function questionOf(ctx: Context): string {
  const msg = ctx.message;
  if (!msg) return '';
  const { text, entities } = textAndEntities(msg);
  let question = text;
  const own = entities.filter((e) => isOwnMention(text, e, ctx.me.username)).sort((a, b) => b.offset - a.offset);
  for (const e of own) question = question.slice(0, e.offset) + ' ' + question.slice(e.offset + e.length);
  return safeText(question).replace(/[^\S\n]+/g, ' ').trim();
}
