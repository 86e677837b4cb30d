/**
 * The callback WeCom calls (接收消息 → 设置API接收): WECOM_PORT at /wecom, behind a TLS reverse
 * proxy. GET is the URL check when the address is saved in the admin console: the echostr,
 * signed and encrypted, is answered decrypted. POST carries a message: the <Encrypt> of its XML,
 * signed and encrypted (crypto.ts). A forged, stale or foreign request gets 401 and is not read
 * further. WeCom is answered at once with an empty body (it tries again after 5 s without an
 * answer); the reply goes through the message API. While stopping, 503: WeCom delivers again.
 * `GET /healthz` answers ok.
 */
import { createServer, type Server } from 'node:http';
import { listen, readBody } from '../callback-server.js';
import type { Logger } from '../../src/log.js';
import { openSigned, type CallbackKeys, type Signed } from './crypto.js';
import { xmlField } from './message.js';

export const CALLBACK_PATH = '/wecom';
const MAX_BODY = 256 * 1024;
/** A request signed more than this far from our clock is a replay. */
export const MAX_SKEW_MS = 60 * 60 * 1000;

export type Received = 'taken' | 'not a message' | 'stopping';
const STATUS: Record<Received, number> = { taken: 200, 'not a message': 200, stopping: 503 };

export interface CallbackOptions {
  keys: CallbackKeys;
  port: number;
  host?: string;
  log: Logger;
  /** A verified message's decrypted XML. */
  onMessage(xml: string): Received;
  now?: () => number;
}


function fresh(signed: Signed, now: number): boolean {
  const seconds = Number(signed.timestamp);
  return Number.isFinite(seconds) && Math.abs(now - seconds * 1000) <= MAX_SKEW_MS;
}

export async function serveCallback(options: CallbackOptions): Promise<Server> {
  const { log, keys } = options;
  const now = options.now ?? Date.now;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://callback');
    if (req.method === 'GET' && url.pathname === '/healthz') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    if (url.pathname !== CALLBACK_PATH) return void res.writeHead(404).end();
    const signed: Signed = Object.fromEntries(['msg_signature', 'timestamp', 'nonce'].map((k) => [k, url.searchParams.get(k) ?? undefined]));
    const refuse = (why: string) => {
      log.warn({ why, method: req.method }, 'wecom: callback refused (401)');
      req.resume();
      res.writeHead(401).end();
    };
    if (!fresh(signed, now())) return refuse('timestamp missing or more than an hour off');
    if (req.method === 'GET') {
      // Base64 has no spaces: a + that arrived unescaped and was read as a space is put back.
      const opened = openSigned(keys, signed, url.searchParams.get('echostr')?.replace(/ /g, '+') ?? undefined);
      if (!opened.ok) return refuse(opened.why);
      return void res.writeHead(200, { 'content-type': 'text/plain' }).end(opened.message);
    }
    if (req.method !== 'POST') return void res.writeHead(405, { allow: 'GET, POST' }).end();
    readBody(req, MAX_BODY)
      .then((raw) => {
        if (raw === undefined) return void res.writeHead(413).end();
        const opened = openSigned(keys, signed, xmlField(raw, 'Encrypt'));
        if (!opened.ok) return refuse(opened.why);
        res.writeHead(STATUS[options.onMessage(opened.message)]).end();
      })
      .catch((err: unknown) => {
        log.warn({ err }, 'wecom: callback request failed');
        if (!res.headersSent) res.writeHead(400);
        res.end();
      });
  });
  return listen(server, options.port, options.host);
}
