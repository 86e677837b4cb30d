/**
 * HTTP mode: DingTalk POSTs each robot message to the callback address set in the developer
 * console — here, DINGTALK_PORT at /dingtalk (behind a TLS reverse proxy). Each request's
 * `timestamp` and `sign` headers are checked (sign.ts): a forged or stale request gets 401 and
 * is never read further. A signed body that is not a robot message gets 400, a message that
 * arrives while the bot stops 503 (DingTalk delivers it again). DingTalk is
 * answered at once with an empty JSON object; the reply goes through the message's
 * sessionWebhook. `GET /healthz` answers ok.
 */
import { createServer, type Server } from 'node:http';
import { listen, readBody } from '../callback-server.js';
import type { Logger } from '../../src/log.js';
import { checkSign } from './sign.js';

export const CALLBACK_PATH = '/dingtalk';

/** No robot message comes near this; a larger body is refused unread. */
const MAX_BODY = 1024 * 1024;

export interface CallbackOptions {
  secret: string;
  port: number;
  host?: string;
  log: Logger;
  /** A signed request's body, parsed. */
  onMessage(body: unknown): Received;
}

/** What became of a delivered message: 200, 400 (not a robot message), 503 (stopping: deliver again later). */
export type Received = 'taken' | 'not a message' | 'stopping';
const STATUS: Record<Received, number> = { taken: 200, 'not a message': 400, stopping: 503 };


export async function serveCallback(options: CallbackOptions): Promise<Server> {
  const { log } = options;
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'GET' && path === '/healthz') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    if (path !== CALLBACK_PATH) return void res.writeHead(404).end();
    if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
    const signed = checkSign(req.headers, options.secret);
    if (!signed.ok) {
      log.warn({ why: signed.why }, 'dingtalk: callback refused (401)');
      req.resume();
      return void res.writeHead(401).end();
    }
    readBody(req, MAX_BODY)
      .then((raw) => {
        if (raw === undefined) return void res.writeHead(413).end();
        let body: unknown;
        try {
          body = JSON.parse(raw);
        } catch {
          body = undefined;
        }
        const status = STATUS[options.onMessage(body)];
        if (status !== 200) return void res.writeHead(status).end();
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      })
      .catch((err: unknown) => {
        log.warn({ err }, 'dingtalk: callback request failed');
        if (!res.headersSent) res.writeHead(400);
        res.end();
      });
  });
  return listen(server, options.port, options.host);
}

