/**
 * Fakes for the digest tests, after test/telegram.test.ts: a Bot API on 127.0.0.1 that records
 * every call and can script replies per method (and per chat), a Slack Web API likewise, a
 * small Knowledge, and a silent logger.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { Knowledge } from '../src/knowledge/load.js';
import type { Indicator, Source, Task } from '../src/types.js';

export const TOKEN = '123456:TEST-token_abcdefghij';
export const BOT_USER = { id: 777000, is_bot: true, first_name: '嘉兴报告助手', username: 'jx_report_bot' };
export const silent = pino({ level: 'silent' });

export interface Call {
  method: string;
  body: any;
  status: number;
  at: number;
}
export type Reply = { status: number; json: unknown; headers?: Record<string, string> };

async function readBody(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  const type = req.headers['content-type'] ?? '';
  if (type.includes('json')) return JSON.parse(raw || '{}');
  if (type.includes('urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  return raw;
}

abstract class FakeServer {
  calls: Call[] = [];
  root = '';
  private server!: Server;
  /** Replies consumed one by one, keyed by method, or method:target. */
  scripted = new Map<string, Reply[]>();
  /** Requests to hold open forever (a process that dies mid-send), keyed like `scripted`. */
  hang = new Set<string>();

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.route(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.root = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  script(key: string, ...replies: Reply[]): void {
    this.scripted.set(key, [...(this.scripted.get(key) ?? []), ...replies]);
  }

  of(method: string): Call[] {
    return this.calls.filter((c) => c.method === method && c.status === 200);
  }

  protected abstract parse(req: IncomingMessage, body: any): { method: string; target?: string } | undefined;
  protected abstract result(method: string, body: any): unknown;

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const parsed = this.parse(req, body);
    if (!parsed) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error_code: 404, description: 'Not Found' }));
      return;
    }
    const { method, target } = parsed;
    const keys = target !== undefined ? [`${method}:${target}`, method] : [method];
    if (keys.some((k) => this.hang.has(k))) return; // never answered
    if (method === 'getUpdates') return; // long polling not used here: held open
    const key = keys.find((k) => this.scripted.get(k)?.length);
    const reply = (key && this.scripted.get(key)!.shift()) || { status: 200, json: this.ok(this.result(method, body)) };
    this.calls.push({ method, body, status: reply.status, at: Date.now() });
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.json));
  }

  protected abstract ok(result: unknown): unknown;
}

export class FakeTelegram extends FakeServer {
  private messageId = 1000;

  protected parse(req: IncomingMessage, body: any) {
    const match = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? '');
    if (!match || match[1] !== TOKEN) return undefined;
    return { method: match[2], target: body?.chat_id !== undefined ? String(body.chat_id) : undefined };
  }

  protected ok(result: unknown) {
    return { ok: true, result };
  }

  protected result(method: string, body: any): unknown {
    switch (method) {
      case 'getMe':
        return { ...BOT_USER, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: true };
      case 'sendMessage':
        return {
          message_id: ++this.messageId,
          date: 1_700_000_000,
          chat: { id: Number(body.chat_id), type: Number(body.chat_id) < 0 ? 'supergroup' : 'private' },
          from: BOT_USER,
          text: body.text,
        };
      default:
        return true;
    }
  }

  /** sendMessage calls that reached a chat, by chat id. */
  sentTo(chatId: string | number): Call[] {
    return this.of('sendMessage').filter((c) => String(c.body.chat_id) === String(chatId));
  }
}

export const telegramError = (error_code: number, description: string, parameters?: object): Reply => ({
  status: error_code,
  json: { ok: false, error_code, description, ...(parameters ? { parameters } : {}) },
});

export class FakeSlack extends FakeServer {
  protected parse(req: IncomingMessage, body: any) {
    const match = /^\/api\/([\w.]+)/.exec(req.url ?? '');
    if (!match) return undefined;
    return { method: match[1], target: body?.channel !== undefined ? String(body.channel) : undefined };
  }

  protected ok(result: unknown) {
    return { ok: true, ...(result as object) };
  }

  protected result(method: string, body: any): unknown {
    if (method === 'chat.postMessage') return { channel: body.channel, ts: `${Date.now() / 1000}` };
    return {};
  }
}

export function tempDir(prefix = 'digest-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/* ---------------------------------------------------------------- a small Knowledge */

export function source(id: string, kind: Source['kind'], date: string, title = `资料${id}`): Source {
  return { id, type: 'source', kind, title, issuer: '嘉兴市', date, file: `${id}.txt`, line: 1, region: '嘉兴市' };
}

export function indicator(id: string, src: string, name: string, figure: string, headline = true): Indicator {
  return {
    id,
    type: 'indicator',
    name,
    aliases: [],
    subject: '',
    region: '嘉兴市',
    period: { kind: 'month', year: 2021, to: 6, label: '2021年6月' },
    value: Number.parseFloat(figure),
    unit: '亿元',
    figure,
    isChange: false,
    growth: [{ basis: '同比', value: 5, unit: '%', text: '同比增长5%' }],
    nature: 'actual',
    sentence: `${name}${figure}。`,
    section: '数据透视',
    source: src,
    line: 1,
    headline,
  };
}

export function task(id: string, src: string, number: number, status: string | null, text = `任务${number}的内容`): Task {
  return { id, type: 'task', source: src, number, text, progress: [], lead: ['市发展改革委'], others: [], status, section: '', region: '嘉兴市', line: number };
}

/** A Knowledge with just what the digest reads (sources, indicators, tasks; no search index). */
export function smallKnowledge(parts: { sources: Source[]; indicators?: Indicator[]; tasks?: Task[] }): Knowledge {
  const indicators = parts.indicators ?? [];
  const tasks = parts.tasks ?? [];
  const all = [...indicators, ...tasks];
  const k: Partial<Knowledge> = {
    sources: parts.sources,
    indicators,
    tasks,
    passages: [],
    byId: new Map(all.map((r) => [r.id, r])),
    sourceById: new Map(parts.sources.map((s) => [s.id, s])),
  };
  return k as Knowledge;
}

export function sampleKnowledge(): Knowledge {
  const sources = [source('b1', 'bulletin', '2021-06-10', '信息交流第4期'), source('b2', 'bulletin', '2021-07-19', '信息交流第5期'), source('t1', 'tasks', '2021-09-08', '重点工作执行情况（上半年）'), source('r1', 'report', '2020-04-28', '政府工作报告')];
  return smallKnowledge({
    sources,
    indicators: [indicator('i1', 'b2', '一般公共预算收入', '86.87亿元'), indicator('i2', 'b2', '全社会用电量', '52.91亿千瓦时'), indicator('i3', 'b2', '不是标题', '1亿元', false), indicator('i4', 'b1', '旧数据', '2亿元')],
    tasks: [task('k1', 't1', 1, '按时推进'), task('k2', 't1', 2, '部分滞后'), task('k3', 't1', 3, '进度滞后'), task('k4', 't1', 4, '进度较快'), task('k5', 't1', 5, null)],
  });
}
