/**
 * A fake WeCom on 127.0.0.1 (see ./http.ts): the server API the application calls —
 * /cgi-bin/gettoken (refusing another CorpID or Secret, as WeCom does, with errcode 40013 or
 * 40001), /cgi-bin/agent/get (refusing another AgentId), /cgi-bin/message/send (target
 * `user:<userid>`) and /cgi-bin/appchat/send (`chat:<chatid>`), each refusing a token it did not
 * issue — and the callbacks WeCom would POST, signed and encrypted with @wecom/crypto.
 */
import type { IncomingMessage } from 'node:http';
import { randomBytes } from 'node:crypto';
import { encrypt, getSignature } from '@wecom/crypto';
import { FakeApi } from './http.js';

export const CORP_ID = 'wwfakecorp0123456';
export const AGENT_ID = '1000002';
export const SECRET = 'fake-wecom-secret-0123456789abcdef';
export const TOKEN = 'FakeToken123';
export const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

const METHODS: Record<string, string> = {
  '/cgi-bin/gettoken': 'gettoken',
  '/cgi-bin/agent/get': 'agent',
  '/cgi-bin/message/send': 'send',
  '/cgi-bin/appchat/send': 'appchat',
  '/cgi-bin/media/get': 'media',
};

export interface MessageSpec {
  text?: string;
  user?: string;
  msgId?: string;
  msgType?: string;
  /** A file message: the file's name and bytes (served by media/get under its MediaId). */
  file?: { name: string; bytes: Buffer };
}

export class FakeWeCom extends FakeApi {
  private counter = 0;
  private tokens = new Set<string>();

  /** Media files members sent, by media_id. */
  media = new Map<string, Buffer>();

  /** media/get: the file's bytes for a token it issued; otherwise WeCom's JSON refusal (as an API call). */
  protected override raw(req: IncomingMessage): Buffer | undefined {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== '/cgi-bin/media/get' || !this.tokens.has(url.searchParams.get('access_token') ?? '')) return undefined;
    return this.media.get(url.searchParams.get('media_id') ?? '');
  }

  protected parse(req: IncomingMessage, body: any) {
    const url = new URL(req.url ?? '/', 'http://x');
    const method = METHODS[url.pathname];
    if (!method) return undefined;
    const q = url.searchParams;
    const refuse = (errcode: number, errmsg: string) =>
      this.overrides.unshift((r) => (r.body === body ? { json: { errcode, errmsg } } : undefined));
    if (method === 'gettoken') {
      if (q.get('corpid') !== CORP_ID) refuse(40013, 'invalid corpid');
      else if (q.get('corpsecret') !== SECRET) refuse(40001, 'invalid credential');
    } else if (!this.tokens.has(q.get('access_token') ?? '')) refuse(40014, 'invalid access_token');
    else if (method === 'agent' && q.get('agentid') !== AGENT_ID) refuse(40056, 'invalid agentid');
    const target = method === 'send' ? `user:${body.touser}` : method === 'appchat' ? `chat:${body.chatid}` : undefined;
    return { method, target };
  }

  protected reply(method: string): unknown {
    const n = ++this.counter;
    if (method === 'gettoken') {
      const token = `fake-wecom-token-${n}`;
      this.tokens.add(token);
      return { errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 };
    }
    if (method === 'agent') return { errcode: 0, errmsg: 'ok', agentid: Number(AGENT_ID), name: '报告问答' };
    if (method === 'send') return { errcode: 0, errmsg: 'ok', invaliduser: '', msgid: `msg-${n}` };
    return { errcode: 0, errmsg: 'ok' };
  }

  /** The decrypted XML WeCom would deliver for a member's message. */
  messageXml(spec: MessageSpec): string {
    const type = spec.file ? 'file' : (spec.msgType ?? 'text');
    let file = '';
    if (spec.file) {
      const mediaId = `media-${++this.counter}`;
      this.media.set(mediaId, spec.file.bytes);
      file = `<FileName><![CDATA[${spec.file.name}]]></FileName><MediaId><![CDATA[${mediaId}]]></MediaId>`;
    }
    return `<xml><ToUserName><![CDATA[${CORP_ID}]]></ToUserName><FromUserName><![CDATA[${spec.user ?? 'li'}]]></FromUserName>` +
      `<CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[${type}]]></MsgType>` +
      (type === 'text' ? `<Content><![CDATA[${spec.text ?? ''}]]></Content>` : '') + file +
      `<MsgId>${spec.msgId ?? `${Date.now()}${++this.counter}`}</MsgId><AgentID>${AGENT_ID}</AgentID></xml>`;
  }

  /** The markdown contents sent to a target (user:<id> or chat:<id>), in order. */
  sent(target: string): string[] {
    return this.calls.filter((c) => c.target === target && c.status === 200 && c.reply.errcode === 0).map((c) => c.body.markdown.content);
  }
}

export interface SealOptions {
  token?: string;
  aesKey?: string;
  corpId?: string;
  timestamp?: string;
}

/** An XML (or echostr) as WeCom sends it: the query string and the encrypted body. */
export function seal(plain: string, options: SealOptions = {}): { query: string; encrypted: string; body: string } {
  const timestamp = options.timestamp ?? String(Math.floor(Date.now() / 1000));
  const nonce = String(randomBytes(4).readUInt32BE());
  const encrypted = encrypt(options.aesKey ?? AES_KEY, plain, options.corpId ?? CORP_ID);
  const signature = getSignature(options.token ?? TOKEN, timestamp, nonce, encrypted);
  const query = new URLSearchParams({ msg_signature: signature, timestamp, nonce }).toString();
  const body = `<xml><ToUserName><![CDATA[${CORP_ID}]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt><AgentID><![CDATA[${AGENT_ID}]]></AgentID></xml>`;
  return { query, encrypted, body };
}
