/**
 * The request URL Feishu posts events and card actions to (事件与回调 → 请求地址): FEISHU_PORT at
 * /feishu, behind a TLS reverse proxy. The URL check (url_verification) is answered with its
 * challenge; a forged request gets 401 and is not read further (verify.ts); an event is
 * answered at once with {} (Feishu tries again when it waits more than a few seconds) and
 * handled in the background. While stopping, 503: Feishu delivers again. `GET /healthz` answers ok.
 */
import { createServer, type Server } from 'node:http';
import { listen, readBody } from '../callback-server.js';
import type { Logger } from '../../src/log.js';
import { checkCallback, type CallbackKeys } from './verify.js';

export const CALLBACK_PATH = '/feishu';
const MAX_BODY = 1024 * 1024;

export type Received = 'taken' | 'stopping';

export interface CallbackOptions {
  keys: CallbackKeys;
  port: number;
  host?: string;
  log: Logger;
  /** A verified event, decrypted (schema 2.0: header and event). */
  onEvent(event: Record<string, any>): Received;
}


export async function serveCallback(options: CallbackOptions): Promise<Server> {
  const { log } = options;
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'GET' && path === '/healthz') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    if (path !== CALLBACK_PATH) return void res.writeHead(404).end();
    if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
    readBody(req, MAX_BODY)
      .then((raw) => {
        if (raw === undefined) return void res.writeHead(413).end();
        const checked = checkCallback(options.keys, req.headers, raw);
        if (!checked.ok) {
          log.warn({ why: checked.why }, 'feishu: callback refused (401)');
          return void res.writeHead(401).end();
        }
        const json = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        if ('challenge' in checked) return void json({ challenge: checked.challenge });
        if (options.onEvent(checked.event) === 'stopping') return void res.writeHead(503).end();
        json({});
      })
      .catch((err: unknown) => {
        log.warn({ err }, 'feishu: callback request failed');
        if (!res.headersSent) res.writeHead(400);
        res.end();
      });
  });
  return listen(server, options.port, options.host);
}
