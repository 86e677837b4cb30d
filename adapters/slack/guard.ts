/**
 * In front of Bolt's HTTP receiver, for POST /slack/events: the requests Bolt mishandles.
 * - A timestamp more than 5 minutes in the future: Bolt refuses old ones only, so a request
 *   signed for tomorrow could be replayed all day. 401, as for a stale one.
 * - A correctly signed body that is not an object (`null`, a number, an array): Bolt reads
 *   body.ssl_check from it, and the TypeError ends the process. 400.
 * Everything else goes on to Bolt, its body already read (Bolt takes `rawBody` as it is).
 */
import type { IncomingMessage, RequestListener } from 'node:http';
import { HTTPModuleFunctions, isValidSlackRequest, type BufferedIncomingMessage, type HTTPReceiver } from '@slack/bolt';
import type { Logger } from '../../src/log.js';

/** Slack's window for a request's timestamp, either way. */
const WINDOW_S = 5 * 60;

export interface GuardOptions {
  signingSecret: string;
  path: string;
  log: Logger;
  now?: () => number;
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/** Whether a signed body parses (as Bolt parses it) to anything but an object. */
function notAnObject(req: BufferedIncomingMessage): boolean {
  let body: unknown;
  try {
    body = HTTPModuleFunctions.parseHTTPRequestBody(req);
  } catch {
    return false; // unparsable: Bolt answers that with 400 itself
  }
  return typeof body !== 'object' || body === null || Array.isArray(body);
}

export function guardRequests(receiver: HTTPReceiver, options: GuardOptions): void {
  const now = options.now ?? Date.now;
  const bolt: RequestListener = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'POST' || path !== options.path) return bolt(req, res);
    void (async () => {
      const timestamp = Number(header(req, 'x-slack-request-timestamp'));
      if (timestamp > now() / 1000 + WINDOW_S) {
        options.log.warn({ timestamp }, 'slack: request timestamp in the future, refused');
        res.writeHead(401).end();
        return;
      }
      const buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit);
      const signed = isValidSlackRequest({
        signingSecret: options.signingSecret,
        body: buffered.rawBody.toString(),
        headers: { 'x-slack-signature': header(req, 'x-slack-signature') ?? '', 'x-slack-request-timestamp': timestamp },
        nowMilliseconds: now(),
      });
      if (signed && notAnObject(buffered)) {
        options.log.warn('slack: signed request whose body is not an object, refused');
        res.writeHead(400).end();
        return;
      }
      bolt(buffered, res);
    })().catch((err: unknown) => {
      options.log.warn({ err }, 'slack: request could not be read');
      const tooLarge = HTTPModuleFunctions.isRawBodyError(err) && err.statusCode === 413;
      if (!res.headersSent) res.writeHead(tooLarge ? 413 : 400).end();
    });
  };
}
