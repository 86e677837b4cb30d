/**
 * A fake Feishu on 127.0.0.1 (see ./http.ts): the OpenAPI the bot calls through the SDK —
 * /open-apis/auth/v3/tenant_access_token/internal (refusing another App ID or Secret, as Feishu
 * does), /open-apis/im/v1/messages (create; target `chat:<chat_id>`) and
 * /open-apis/im/v1/messages/<id>/reply (target the chat of the message replied to), each
 * refusing a token it did not issue — and the events Feishu would POST: messages and card
 * button taps, encrypted and signed with an Encrypt Key when one is given. For FEISHU_MODE=ws,
 * /callback/ws/endpoint and a WebSocket gateway of its own: push() sends an event as the SDK's
 * protobuf frame (pbbp2.Frame), and the client's answers are kept.
 */
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import protobuf from 'protobufjs';
import { WebSocketServer, type WebSocket } from 'ws';
import { signatureOf } from '../../adapters/feishu/verify.js';
import { FakeApi } from './http.js';

/** The SDK's WSClient takes only cli_ and 16 hex digits. */
export const APP_ID = 'cli_a1b2c3d4e5f60718';
export const APP_SECRET = 'fake-feishu-secret-0123456789';
export const VERIFICATION_TOKEN = 'fake-verification-token-0123';
export const ENCRYPT_KEY = 'fake-encrypt-key-0123456789';

export interface MessageSpec {
  text?: string;
  /** A file message: the file's name and bytes (served as the message's resource by its file_key). */
  file?: { name: string; bytes: Buffer };
  /** A p2p chat unless a group chat_id is given. */
  group?: string;
  user?: string;
  /** With an @mention of the bot (default in a group). */
  mention?: boolean;
  eventId?: string;
}

/** The SDK's frame (pbbp2.Frame, its field numbers). */
const Frame = protobuf.Root.fromJSON({
  nested: {
    Header: { fields: { key: { type: 'string', id: 1 }, value: { type: 'string', id: 2 } } },
    Frame: {
      fields: {
        SeqID: { type: 'uint64', id: 1 }, LogID: { type: 'uint64', id: 2 }, service: { type: 'int32', id: 3 }, method: { type: 'int32', id: 4 },
        headers: { rule: 'repeated', type: 'Header', id: 5 }, payloadEncoding: { type: 'string', id: 6 }, payloadType: { type: 'string', id: 7 },
        payload: { type: 'bytes', id: 8 }, LogIDNew: { type: 'string', id: 9 },
      },
    },
  },
}).lookupType('Frame');

export class FakeFeishu extends FakeApi {
  private counter = 0;
  private gateway?: WebSocketServer;
  wsRoot = '';
  /** Data frames the client answered (their payloads, parsed). */
  answered: any[] = [];

  override async start(): Promise<void> {
    await super.start();
    this.gateway = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((resolve) => this.gateway!.once('listening', resolve));
    this.wsRoot = `ws://127.0.0.1:${(this.gateway.address() as { port: number }).port}`;
    this.gateway.on('connection', (socket: WebSocket) => {
      socket.on('message', (data: Buffer) => {
        const frame = Frame.toObject(Frame.decode(data), { longs: Number }) as any;
        if (frame.method === 1) this.answered.push(JSON.parse(Buffer.from(frame.payload).toString('utf8')));
      });
    });
  }

  override async close(): Promise<void> {
    for (const socket of this.gateway?.clients ?? []) socket.terminate();
    await new Promise((resolve) => this.gateway?.close(() => resolve(undefined)));
    await super.close();
  }

  connections(): number {
    return this.gateway?.clients.size ?? 0;
  }

  /** Sends an event to every connected WSClient as one data frame. */
  push(event: unknown): void {
    const n = ++this.counter;
    const headers = [['type', 'event'], ['message_id', `wsmsg_${n}`], ['sum', '1'], ['seq', '0'], ['trace_id', `trace_${n}`]].map(([key, value]) => ({ key, value }));
    const frame = Frame.encode(Frame.fromObject({ SeqID: n, LogID: n, service: 7, method: 1, headers, payload: Buffer.from(JSON.stringify(event)) })).finish();
    for (const socket of this.gateway?.clients ?? []) socket.send(frame as unknown as string); // ws sends bytes too; its local typings say string
  }
  private tokens = new Set<string>();
  /** Files sent in messages, by `message_id/file_key`. */
  files = new Map<string, Buffer>();

  /** im/v1/messages/<id>/resources/<file_key>?type=file: the file's bytes, for a token it issued. */
  protected override raw(req: IncomingMessage): Buffer | undefined {
    const url = new URL(req.url ?? '/', 'http://x');
    const match = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/resources\/([^/]+)$/.exec(url.pathname);
    if (!match || url.searchParams.get('type') !== 'file' || !this.tokens.has(String(req.headers.authorization ?? '').replace(/^Bearer /, ''))) return undefined;
    return this.files.get(`${match[1]}/${match[2]}`);
  }
  /** message_id → chat_id, for replies. */
  private chats = new Map<string, string>();

  protected parse(req: IncomingMessage, body: any) {
    const url = new URL(req.url ?? '/', 'http://x');
    const reply = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/reply$/.exec(url.pathname);
    const method = url.pathname === '/open-apis/auth/v3/tenant_access_token/internal' ? 'token'
      : url.pathname === '/callback/ws/endpoint' ? 'endpoint'
      : url.pathname === '/open-apis/im/v1/messages' ? 'create'
      : reply ? 'reply' : undefined;
    if (!method) return undefined;
    const refuse = (status: number, code: number, msg: string) =>
      this.overrides.unshift((r) => (r.body === body ? { status, json: { code, msg } } : undefined));
    if (method === 'endpoint') {
      if (body.AppID !== APP_ID || body.AppSecret !== APP_SECRET) refuse(200, 514, 'auth failed');
    } else if (method === 'token') {
      if (body.app_id !== APP_ID) refuse(400, 10003, 'invalid param: app_id not found');
      else if (body.app_secret !== APP_SECRET) refuse(400, 10014, 'app secret invalid');
    } else if (!this.tokens.has(String(req.headers.authorization ?? '').replace(/^Bearer /, ''))) {
      refuse(400, 99991663, 'Invalid access token for authorization');
    }
    const target = method === 'create' ? `chat:${body.receive_id}` : method === 'reply' ? `chat:${this.chats.get(reply![1])}` : undefined;
    return { method, target };
  }

  protected reply(method: string): unknown {
    const n = ++this.counter;
    if (method === 'token') {
      const token = `t-fake-${n}`;
      this.tokens.add(token);
      return { code: 0, msg: 'ok', tenant_access_token: token, expire: 7200 };
    }
    if (method === 'endpoint') {
      const URL = `${this.wsRoot}/ws?device_id=fake-device&service_id=7`;
      return { code: 0, msg: 'ok', data: { URL, ClientConfig: { PingInterval: 120, ReconnectCount: -1, ReconnectInterval: 1, ReconnectNonce: 0 } } };
    }
    return { code: 0, msg: 'success', data: { message_id: `om_sent_${n}` } };
  }

  /** A message event (schema 2.0) as Feishu posts it. */
  message(spec: MessageSpec): Record<string, unknown> {
    const n = ++this.counter;
    const user = spec.user ?? 'ou_li';
    const chatId = spec.group ?? `oc_p2p_${user}`;
    const messageId = `om_${n}`;
    this.chats.set(messageId, chatId);
    const mention = spec.mention ?? Boolean(spec.group);
    const text = `${mention ? '@_user_1 ' : ''}${spec.text ?? ''}`;
    const fileKey = `file_v2_${n}`;
    if (spec.file) this.files.set(`${messageId}/${fileKey}`, spec.file.bytes);
    return {
      schema: '2.0',
      header: { event_id: spec.eventId ?? `ev_${n}`, event_type: 'im.message.receive_v1', create_time: String(Date.now()), token: VERIFICATION_TOKEN, app_id: APP_ID, tenant_key: 'tk' },
      event: {
        sender: { sender_id: { open_id: user, user_id: user.replace('ou_', 'u_') }, sender_type: 'user', tenant_key: 'tk' },
        message: {
          message_id: messageId, chat_id: chatId, chat_type: spec.group ? 'group' : 'p2p', message_type: spec.file ? 'file' : 'text',
          content: JSON.stringify(spec.file ? { file_key: fileKey, file_name: spec.file.name } : { text }), create_time: String(Date.now()),
          mentions: mention ? [{ key: '@_user_1', id: { open_id: 'ou_bot' }, name: '报告问答', tenant_key: 'tk' }] : [],
        },
      },
    };
  }

  /** A tap on a card button (card.action.trigger) whose value is `value`. */
  cardAction(value: Record<string, unknown>, chatId: string, user = 'ou_li'): Record<string, unknown> {
    const n = ++this.counter;
    return {
      schema: '2.0',
      header: { event_id: `ev_card_${n}`, event_type: 'card.action.trigger', create_time: String(Date.now()), token: VERIFICATION_TOKEN, app_id: APP_ID, tenant_key: 'tk' },
      event: { operator: { open_id: user, tenant_key: 'tk' }, action: { tag: 'button', value }, context: { open_message_id: `om_card_${n}`, open_chat_id: chatId } },
    };
  }

  /** The cards sent into a chat (created or replied), in order. */
  cards(chatId: string): any[] {
    return this.calls.filter((c) => c.target === `chat:${chatId}` && c.status === 200).map((c) => JSON.parse(c.body.content));
  }
}

/** The body and headers Feishu would post: encrypted and signed when an Encrypt Key is given. */
export function sealEvent(event: unknown, encryptKey?: string, timestamp = String(Math.floor(Date.now() / 1000))): { body: string; headers: Record<string, string> } {
  if (!encryptKey) return { body: JSON.stringify(event), headers: { 'content-type': 'application/json' } };
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', createHash('sha256').update(encryptKey).digest(), iv);
  const encrypt = Buffer.concat([iv, cipher.update(JSON.stringify(event), 'utf8'), cipher.final()]).toString('base64');
  const body = JSON.stringify({ encrypt });
  const nonce = randomBytes(6).toString('hex');
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-lark-request-timestamp': timestamp,
      'x-lark-request-nonce': nonce,
      'x-lark-signature': signatureOf(timestamp, nonce, encryptKey, body),
    },
  };
}
