/**
 * A fake DingTalk on 127.0.0.1 (see ./http.ts): the OpenAPI the robot calls —
 * /v1.0/oauth2/accessToken (refusing any other AppKey or AppSecret, as DingTalk does),
 * /v1.0/gateway/connections/open (answering with its own WebSocket endpoint and a ticket),
 * /v1.0/robot/oToMessages/batchSend and /v1.0/robot/groupMessages/send (targets `user:<id>`,
 * `group:<cid>`), /v1.0/robot/messageFiles/download (a file message's downloadCode for a
 * downloadUrl here, /files/<code>, which serves the file's bytes) — and the sessionWebhook
 * replies go to (/robot/sendBySession, target the session). The Stream gateway is a WebSocket server of its own: push() delivers a robot message
 * as DingTalk's CALLBACK frame, and the client's acks are kept.
 */
import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { signOf } from '../../adapters/dingtalk/sign.js';
import { FakeApi } from './http.js';

export type { Call } from './http.js';

export const CLIENT_ID = 'dingfaketestrobot';
export const CLIENT_SECRET = 'fake-app-secret-for-tests-0123456789';
export const TOPIC_ROBOT = '/v1.0/im/bot/messages/get';

const METHODS: Record<string, string> = {
  '/v1.0/oauth2/accessToken': 'accessToken',
  '/v1.0/gateway/connections/open': 'gateway',
  '/v1.0/robot/oToMessages/batchSend': 'batchSend',
  '/v1.0/robot/groupMessages/send': 'groupSend',
  '/robot/sendBySession': 'reply',
  '/v1.0/robot/messageFiles/download': 'fileDownload',
};

export interface MessageSpec {
  text?: string;
  /** A private chat unless a group is named. */
  group?: string;
  /** The sender's staff userId. */
  staffId?: string;
  conversationId?: string;
  msgId?: string;
  msgtype?: string;
  /** A file message: the file's name and bytes (served by its downloadCode). */
  file?: { name: string; bytes: Buffer };
}

export class FakeDingTalk extends FakeApi {
  private gateway!: WebSocketServer;
  wsRoot = '';
  /** What the client sent back over the socket (acks). */
  acks: any[] = [];
  private counter = 0;

  override async start(): Promise<void> {
    await super.start();
    this.gateway = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((resolve) => this.gateway.once('listening', resolve));
    this.wsRoot = `ws://127.0.0.1:${(this.gateway.address() as { port: number }).port}`;
    this.gateway.on('connection', (socket: WebSocket) => {
      socket.on('message', (data: unknown) => this.acks.push(JSON.parse(String(data))));
    });
  }

  override async close(): Promise<void> {
    for (const socket of this.gateway.clients) socket.terminate();
    await new Promise((resolve) => this.gateway.close(() => resolve(undefined)));
    await super.close();
  }

  override reset(): void {
    super.reset();
    this.acks = [];
  }

  /** Cuts every Stream connection, as a network drop does. */
  dropConnections(): void {
    for (const socket of this.gateway.clients) socket.terminate();
  }

  /** Connected Stream clients. */
  connections(): number {
    return this.gateway.clients.size;
  }

  protected parse(req: IncomingMessage, body: any) {
    const url = new URL(req.url ?? '/', 'http://x');
    const method = METHODS[url.pathname];
    if (!method) return undefined;
    if ((method === 'accessToken' && (body.appKey !== CLIENT_ID || body.appSecret !== CLIENT_SECRET)) ||
      (method === 'gateway' && (body.clientId !== CLIENT_ID || body.clientSecret !== CLIENT_SECRET))) {
      // Claimed before any script: DingTalk refuses credentials it does not know.
      this.overrides.unshift((r) => (r.body === body ? { status: 400, json: { code: 'invalidClientSecret', message: '无效的appKey或appSecret', requestid: 'r1' } } : undefined));
    }
    const target =
      method === 'batchSend' ? `user:${body.userIds?.[0]}`
      : method === 'groupSend' ? `group:${body.openConversationId}`
      : method === 'reply' ? (url.searchParams.get('session') ?? undefined)
      : undefined;
    return { method, target };
  }

  protected reply(method: string, body: any): unknown {
    const n = ++this.counter;
    if (method === 'fileDownload') return { downloadUrl: `${this.root}/files/${body.downloadCode}` };
    if (method === 'accessToken') return { accessToken: `fake-token-${n}`, expireIn: 7200 };
    if (method === 'gateway') return { endpoint: `${this.wsRoot}/connect`, ticket: `ticket-${n}` };
    if (method === 'batchSend') return { processQueryKey: `pq-${n}`, invalidStaffIdList: [], flowControlledStaffIdList: [] };
    if (method === 'groupSend') return { processQueryKey: `pq-${n}` };
    return { errcode: 0, errmsg: 'ok' };
  }

  /** Files sent in messages, by downloadCode. */
  files = new Map<string, Buffer>();

  protected override raw(req: IncomingMessage): Buffer | undefined {
    const match = /^\/files\/([\w-]+)$/.exec(req.url ?? '');
    return match ? this.files.get(match[1]) : undefined;
  }

  /** A robot message as DingTalk delivers it, its sessionWebhook pointing here. */
  message(spec: MessageSpec): Record<string, unknown> {
    const staffId = spec.staffId ?? 'staff-li';
    const conversationId = spec.conversationId ?? (spec.group ?? `cid-private-${staffId}`);
    return {
      conversationId,
      chatbotCorpId: 'ding-corp',
      chatbotUserId: '$:LWCP_v1:$robot',
      msgId: spec.msgId ?? `msg-${++this.counter}`,
      senderNick: '李',
      isAdmin: false,
      senderStaffId: staffId,
      sessionWebhookExpiredTime: Date.now() + 90 * 60_000,
      createAt: Date.now(),
      senderCorpId: 'ding-corp',
      conversationType: spec.group ? '2' : '1',
      senderId: `$:LWCP_v1:$${staffId}`,
      sessionWebhook: `${this.root}/robot/sendBySession?session=${encodeURIComponent(conversationId)}`,
      robotCode: CLIENT_ID,
      msgtype: spec.file ? 'file' : (spec.msgtype ?? 'text'),
      ...(spec.file ? { content: { downloadCode: this.fileCode(spec.file.bytes), fileName: spec.file.name } }
        : spec.msgtype && spec.msgtype !== 'text' ? {} : { text: { content: ` ${spec.text ?? ''}` } }),
      ...(spec.group ? { conversationTitle: '经济运行工作群', isInAtList: true } : {}),
    };
  }

  private fileCode(bytes: Buffer): string {
    const code = `dlcode-${++this.counter}`;
    this.files.set(code, bytes);
    return code;
  }

  /** Delivers a message over every Stream connection, as a CALLBACK frame; returns its messageId. */
  push(body: Record<string, unknown>): string {
    const messageId = `stream-${++this.counter}`;
    const frame = {
      specVersion: '1.0',
      type: 'CALLBACK',
      headers: { appId: 'app', connectionId: 'conn', contentType: 'application/json', messageId, time: String(Date.now()), topic: TOPIC_ROBOT },
      data: JSON.stringify(body),
    };
    for (const socket of this.gateway.clients) socket.send(JSON.stringify(frame));
    return messageId;
  }

  /** The markdown messages replied into a conversation, in order. */
  replies(conversationId: string): { title: string; text: string }[] {
    return this.calls.filter((c) => c.method === 'reply' && c.target === conversationId).map((c) => c.body.markdown);
  }
}

/** The headers DingTalk signs an HTTP-mode callback with. */
export function signedHeaders(secret = CLIENT_SECRET, timestamp = String(Date.now())): Record<string, string> {
  return { timestamp, sign: signOf(timestamp, secret) };
}
