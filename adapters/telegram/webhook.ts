/**
 * The webhook server: node:http and grammY's webhookCallback. Requests without the right
 * X-Telegram-Bot-Api-Secret-Token get 401 from grammY before the body is read.
 */
import { createServer, type Server } from 'node:http';
import { webhookCallback, type Bot } from 'grammy';
import type { Logger } from '../../src/log.js';

export interface WebhookServerOptions {
  secretToken: string;
  port: number;
  /** Interface to listen on; all by default. */
  host?: string;
  log: Logger;
}

export async function serveWebhook(bot: Bot, options: WebhookServerOptions): Promise<Server> {
  const callback = webhookCallback(bot, 'http', {
    secretToken: options.secretToken,
    // Answer Telegram in time even if an update is slow, so it does not deliver it again.
    onTimeout: 'return',
    timeoutMilliseconds: 9_000,
  });
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { Allow: 'POST' }).end();
      return;
    }
    callback(req, res).catch((err: unknown) => {
      options.log.warn({ err }, 'telegram: webhook request failed');
      if (!res.headersSent) res.writeHead(400).end();
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

/** Stops accepting requests, lets the ones in hand finish (up to `graceMs`), then closes. */
export function closeServer(server: Server, graceMs = 5_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs).unref();
    server.close((err) => {
      clearTimeout(timer);
      if (err) reject(err);
      else resolve();
    });
    server.closeIdleConnections();
  });
}
