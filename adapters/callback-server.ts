/**
 * What every platform's HTTP callback server shares (DingTalk, WeCom, Feishu): a body read
 * with a size limit, listening on a port, and closing while the requests in hand finish.
 */
import type { IncomingMessage, Server } from 'node:http';

/** The request body as text, or undefined when it is larger than `max` bytes (answered 413). */
export async function readBody(req: IncomingMessage, max: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Listens on the port, or rejects with the error (a port in use). */
export async function listen(server: Server, port: number, host?: string): Promise<Server> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

/** Stops accepting requests, lets the ones in hand finish (up to `graceMs`), then closes. */
export function closeCallback(server: Server, graceMs = 5_000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs).unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
