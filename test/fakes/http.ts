/**
 * The base of the fake platform APIs: an HTTP server on 127.0.0.1 that records every call it
 * answers, replies to each API method with a plausible default, and can be told otherwise —
 * replies scripted per method (or per `method:target`, the target being the chat or channel),
 * one-off overrides chosen by looking at the request, requests held open forever, answered
 * late, or cut without an answer.
 * No network. Subclasses say how a URL names a method and what a default reply looks like.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the fake understood it. */
export interface Request {
  /** The API method; for a request outside the API, the URL's path. */
  method: string;
  /** The chat or channel the request is for, where it names one. */
  target?: string;
  body: any;
  headers: IncomingHttpHeaders;
}

/** A request the fake answered, with the HTTP status and the JSON it answered with, and when. */
export interface Call extends Request {
  status: number;
  reply: any;
  at: number;
}

/** A reply to send instead of the default one; status 200 unless told. */
export interface Reply {
  status?: number;
  json: unknown;
  headers?: Record<string, string>;
}

/** Looks at a request and either claims it, with a reply, or lets it pass. Used once. */
export type Override = (request: Request) => Reply | undefined;

export async function readBytes(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function readRaw(req: IncomingMessage): Promise<string> {
  return (await readBytes(req)).toString('utf8');
}

/** A file of a multipart form, as uploaded. */
export interface UploadedFile {
  name: string;
  type: string;
  bytes: Buffer;
}

/** A multipart form (a photo sent with its caption) as an object: text fields as strings, files as UploadedFile. */
export function multipartFields(bytes: Buffer, type: string): Record<string, string | UploadedFile> {
  const boundary = /boundary="?([^";]+)"?/.exec(type)?.[1];
  if (!boundary) return {};
  const fields: Record<string, string | UploadedFile> = {};
  const marker = Buffer.from(`--${boundary}`);
  let at = bytes.indexOf(marker);
  while (at >= 0) {
    const start = at + marker.length + 2; // past the boundary and its CRLF
    const end = bytes.indexOf(marker, start);
    if (end < 0) break;
    const part = bytes.subarray(start, end - 2); // without the CRLF before the next boundary
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const body = part.subarray(split + 4);
    const name = /(?:^|[;\s])name="([^"]*)"/.exec(head)?.[1];
    const filename = /filename="?([^";\r\n]*)"?/.exec(head)?.[1];
    const contentType = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? '';
    if (name !== undefined) fields[name] = filename !== undefined ? { name: filename, type: contentType, bytes: Buffer.from(body) } : body.toString('utf8');
    at = end;
  }
  return fields;
}

/** A JSON body parsed, a form as an object of strings (a multipart one with its files), anything else as the raw text. */
export async function readBody(req: IncomingMessage): Promise<any> {
  const type = req.headers['content-type'] ?? '';
  if (type.includes('multipart/form-data')) return multipartFields(await readBytes(req), type);
  const raw = await readRaw(req);
  if (type.includes('json')) return JSON.parse(raw || '{}');
  if (type.includes('urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  return raw;
}

export abstract class FakeApi {
  /** Every answered request, in order (held requests are not answered, so not here). */
  calls: Call[] = [];
  /** http://127.0.0.1:port, once started. */
  root = '';
  /** Replies consumed one by one, keyed by method, or method:target (tried first). */
  scripted = new Map<string, Reply[]>();
  /** Checked before `scripted`, in order; the first that claims a request is removed. */
  overrides: Override[] = [];
  /** Requests to hold open forever (a process that dies mid-send), keyed like `scripted`. */
  hang = new Set<string>();
  /** Requests answered only after this many milliseconds (a slow API), keyed like `scripted`. */
  delay = new Map<string, number>();
  /** Requests whose connection is cut without an answer (a connection reset), keyed like `scripted`. */
  cut = new Set<string>();
  /** Every request as it arrives, answered or not. */
  arrived: Request[] = [];
  private server!: Server;

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.route(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.root = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Forgets the calls and everything scripted, overridden, held, delayed or cut. */
  reset(): void {
    this.calls = [];
    this.scripted.clear();
    this.overrides = [];
    this.hang.clear();
    this.delay.clear();
    this.cut.clear();
    this.arrived = [];
  }

  script(key: string, ...replies: Reply[]): void {
    this.scripted.set(key, [...(this.scripted.get(key) ?? []), ...replies]);
  }

  /** The calls of a method; with a status, only those answered with it. */
  of(method: string, status?: number): Call[] {
    return this.calls.filter((c) => c.method === method && (status === undefined || c.status === status));
  }

  /** The method (and target) a request is for, or undefined to answer 404. */
  protected abstract parse(req: IncomingMessage, body: any): { method: string; target?: string } | undefined;
  /** The default reply's JSON for a method. */
  protected abstract reply(method: string, body: any): unknown;

  protected readBody(req: IncomingMessage): Promise<any> {
    return readBody(req);
  }

  /** Whether to hold a request open (beyond `hang`), as a long poll with nothing to say. */
  protected holds(_method: string): boolean {
    return false;
  }

  /** Bytes to serve as they are (a file download), or undefined to treat the request as an API call. */
  protected raw(_req: IncomingMessage): Buffer | undefined {
    return undefined;
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = this.raw(req);
    if (raw) {
      this.arrived.push({ method: req.url ?? '', body: undefined, headers: req.headers });
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(raw.length) });
      res.end(raw);
      return;
    }
    const body = await this.readBody(req);
    const parsed = this.parse(req, body);
    if (!parsed) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error_code: 404, description: 'Not Found' }));
      return;
    }
    const { method, target } = parsed;
    const keys = target !== undefined ? [`${method}:${target}`, method] : [method];
    this.arrived.push({ method, target, body, headers: req.headers });
    if (keys.some((k) => this.hang.has(k))) return; // never answered
    if (keys.some((k) => this.cut.has(k))) {
      req.socket.destroy(); // the client sees a connection reset
      return;
    }
    const delay = keys.map((k) => this.delay.get(k)).find((ms) => ms !== undefined);
    if (delay !== undefined) await new Promise((resolve) => setTimeout(resolve, delay));
    if (this.holds(method)) {
      // Held like a long poll: answered when wake() says there is news, or never.
      this.held.push(() => this.answer(res, method, target, keys, body, req));
      return;
    }
    this.answer(res, method, target, keys, body, req);
  }

  private held: (() => void)[] = [];

  /** Answers the requests held open, as a long poll does when news arrives. */
  protected wake(): void {
    const held = this.held.splice(0);
    for (const answer of held) answer();
  }

  private answer(res: ServerResponse, method: string, target: string | undefined, keys: string[], body: any, req: IncomingMessage): void {
    if (res.writableEnded || res.destroyed) return;
    const request: Request = { method, target, body, headers: req.headers };
    const reply = this.overridden(request) ?? this.nextScripted(keys) ?? { json: this.reply(method, body) };
    const status = reply.status ?? 200;
    this.calls.push({ ...request, status, reply: reply.json, at: Date.now() });
    res.writeHead(status, { 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.json));
  }

  private overridden(request: Request): Reply | undefined {
    for (const override of this.overrides) {
      const reply = override(request);
      if (reply) {
        this.overrides.splice(this.overrides.indexOf(override), 1);
        return reply;
      }
    }
    return undefined;
  }

  private nextScripted(keys: string[]): Reply | undefined {
    const key = keys.find((k) => this.scripted.get(k)?.length);
    return key ? this.scripted.get(key)!.shift() : undefined;
  }
}
