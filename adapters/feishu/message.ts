/**
 * What Feishu delivers, as the SDK's EventDispatcher hands it over (header and event merged),
 * read defensively: a message (im.message.receive_v1) or a tap on a card button
 * (card.action.trigger), both made one FeishuMessage for the core. In a p2p chat the chat is
 * the conversation; in a group each member is their own (the app receives only messages that
 * @mention it, unless it was granted every group message — then the others are ignored here).
 */
import type { Asker } from '../../src/asking.js';

export interface FeishuMessage {
  /** The message id (replies go under it); none for a button tap. */
  messageId?: string;
  chatId: string;
  group: boolean;
  /** The sender's open_id. */
  user: string;
  text?: string;
  /** A file sent (message_type file): its name and the key its message's resource is fetched by. */
  file?: { name: string; key: string };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

export function readMessage(e: Record<string, any>): FeishuMessage | undefined {
  const m = e.message;
  const chatId = str(m?.chat_id);
  const user = str(e.sender?.sender_id?.open_id);
  if (!chatId || !user || e.sender?.sender_type === 'app') return undefined;
  const group = m.chat_type !== 'p2p';
  const mentions: { key?: string }[] = Array.isArray(m.mentions) ? m.mentions : [];
  if (group && mentions.length === 0) return undefined; // not addressed to the app
  let text: string | undefined;
  if (m.message_type === 'text') {
    try {
      text = String(JSON.parse(m.content).text ?? '');
    } catch {
      text = '';
    }
    for (const { key } of mentions) if (key) text = text.split(key).join('');
    text = text.trim();
  }
  return { messageId: str(m.message_id), chatId, group, user, text, file: m.message_type === 'file' ? fileOf(m.content) : undefined };
}

/** A file message's content: {"file_key": "file_v2_…", "file_name": "…"}. */
function fileOf(content: unknown): FeishuMessage['file'] {
  try {
    const c = JSON.parse(String(content));
    const key = str(c.file_key);
    return key ? { name: str(c.file_name) ?? '', key } : undefined;
  } catch {
    return undefined;
  }
}

/** A button of an answer's card: its value carries the question and whether the chat is a group. */
export function readCardAction(e: Record<string, any>): FeishuMessage | undefined {
  const ask = str(e.action?.value?.ask);
  const chatId = str(e.context?.open_chat_id);
  const user = str(e.operator?.open_id);
  if (!ask || !chatId || !user) return undefined;
  return { chatId, group: e.action.value.group === true, user, text: ask };
}

export function askerOf(m: FeishuMessage): Asker {
  return { platform: 'feishu', conversation: m.group ? `feishu:${m.chatId}:${m.user}` : `feishu:${m.chatId}`, user: m.user };
}

export function digestTargetOf(m: FeishuMessage): string {
  return `chat:${m.chatId}`;
}
