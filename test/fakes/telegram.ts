/**
 * A fake Telegram Bot API (see ./http.ts): /bot<TOKEN>/<method>, calls recorded with the chat
 * as target, so replies can be scripted per `sendMessage:<chat_id>`. getMe, sendMessage and
 * sendPhoto (a multipart form: its photo an UploadedFile of ./http.ts) answer like Telegram; getUpdates hands out the `updates` queue and, while it is empty, holds
 * the request open like a long poll; any other method answers `true`.
 */
import type { IncomingMessage } from 'node:http';
import type { Update } from 'grammy/types';
import { FakeApi, type Call, type Reply } from './http.js';

export type { Call, Reply } from './http.js';

export const TOKEN = '123456:TEST-token_abcdefghij';
export const BOT_USER = { id: 777000, is_bot: true, first_name: '嘉兴报告助手', username: 'jx_report_bot' };

/** A Bot API error reply. */
export const telegramError = (error_code: number, description: string, parameters?: object): Reply => ({
  status: error_code,
  json: { ok: false, error_code, description, ...(parameters ? { parameters } : {}) },
});

let nextUpdate = 1;

/** A private-chat text message (a question), as Telegram delivers it. */
export function textUpdate(text: string, chatId: number): Update {
  const id = nextUpdate++;
  return {
    update_id: id,
    message: {
      message_id: id,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: 'private', first_name: '李' },
      from: { id: chatId, is_bot: false, first_name: '李' },
      text,
    },
  } as unknown as Update;
}

/** A private-chat message carrying a command (/subscribe 07:30), as Telegram delivers it. */
export function commandUpdate(text: string, chatId: number): Update {
  const update = textUpdate(text, chatId);
  Object.assign(update.message!, { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0].length }] });
  return update;
}

type Chat = { id: number; type: string };
type From = { id: number; is_bot: boolean; first_name: string };

/** A message from someone in a chat (private or group), with any further fields (entities, a reply). */
export function chatMessage(text: string, chat: Chat, from: From, extra: Record<string, unknown> = {}): Update {
  const id = nextUpdate++;
  return { update_id: id, message: { message_id: id, date: 1_700_000_000, chat, from, text, ...extra } } as unknown as Update;
}

/** A press of an inline button (callback data) under one of the bot's messages. */
export function callbackUpdate(data: string, chat: Chat, from: From): Update {
  const id = nextUpdate++;
  return {
    update_id: id,
    callback_query: { id: `cb${id}`, from, chat_instance: 'ci', data, message: { message_id: 1001, date: 0, chat, from: BOT_USER, text: '…' } },
  } as unknown as Update;
}

/** The inline buttons of a sent message, as [label, callback data]. */
export function inlineButtons(call: Call | undefined): [string, string][] {
  return (call?.body.reply_markup?.inline_keyboard ?? []).flat().map((b: { text: string; callback_data: string }) => [b.text, b.callback_data]);
}

/** A private-chat message carrying a file (a report sent to the bot), as Telegram delivers it. */
export function documentUpdate(file: { id: string; name: string; size: number }, chatId: number, fromId = chatId): Update {
  const id = nextUpdate++;
  return {
    update_id: id,
    message: {
      message_id: id,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: 'private', first_name: '李' },
      from: { id: fromId, is_bot: false, first_name: '李' },
      document: { file_id: file.id, file_unique_id: `u${file.id}`, file_name: file.name, file_size: file.size },
    },
  } as unknown as Update;
}

export class FakeTelegram extends FakeApi {
  /** Files the bot may download, by file_id: getFile names them, /file/bot<TOKEN>/documents/<id> serves them. */
  files = new Map<string, Buffer>();

  /** Updates for getUpdates; an empty queue holds the request open, like long polling. */
  updates: Update[] = [];
  private messageId = 1000;

  /** Queues an update and answers a long poll waiting for one. */
  push(...updates: Update[]): void {
    this.updates.push(...updates);
    this.wake();
  }

  override reset(): void {
    super.reset();
    this.updates = [];
  }

  /** sendMessage calls that reached a chat (answered 200), by chat id. */
  sentTo(chatId: string | number): Call[] {
    return this.of('sendMessage', 200).filter((c) => String(c.body.chat_id) === String(chatId));
  }

  protected parse(req: IncomingMessage, body: any) {
    const match = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? '');
    if (!match || match[1] !== TOKEN) return undefined;
    return { method: match[2], target: body?.chat_id !== undefined ? String(body.chat_id) : undefined };
  }

  protected override raw(req: IncomingMessage): Buffer | undefined {
    const match = /^\/file\/bot([^/]+)\/documents\/([\w-]+)$/.exec(req.url ?? '');
    return match && match[1] === TOKEN ? this.files.get(match[2]) : undefined;
  }

  protected override holds(method: string): boolean {
    return method === 'getUpdates' && this.updates.length === 0; // held open until the client aborts
  }

  protected reply(method: string, body: any): unknown {
    return { ok: true, result: this.result(method, body) };
  }

  private result(method: string, body: any): unknown {
    switch (method) {
      case 'getMe':
        return { ...BOT_USER, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: true };
      case 'sendMessage':
        return {
          message_id: ++this.messageId,
          date: 1_700_000_000,
          chat: { id: Number(body.chat_id), type: Number(body.chat_id) < 0 ? 'supergroup' : 'private' },
          from: BOT_USER,
          text: body.text,
        };
      case 'sendPhoto':
        return {
          message_id: ++this.messageId,
          date: 1_700_000_000,
          chat: { id: Number(body.chat_id), type: Number(body.chat_id) < 0 ? 'supergroup' : 'private' },
          from: BOT_USER,
          photo: [{ file_id: `photo${this.messageId}`, file_unique_id: `p${this.messageId}`, width: 1000, height: 600 }],
          ...(body.caption ? { caption: body.caption } : {}),
        };
      case 'getFile': {
        const bytes = this.files.get(body.file_id);
        return { file_id: body.file_id, file_unique_id: `u${body.file_id}`, file_size: bytes?.length, file_path: `documents/${body.file_id}` };
      }
      case 'getUpdates':
        return this.updates.splice(0);
      default:
        return true;
    }
  }
}
