/**
 * Fan-out benchmark: one scheduled digest to n Telegram subscribers through the real delivery
 * path (DigestService.runSlot → deliveries log → throttler → grammY Api → HTTP), against a fake
 * Bot API on 127.0.0.1 that answers sendMessage at once, with a temporary DATA_DIR.
 *
 * The fake has no rate limits, so the overall rate defaults to 1000 messages/s (per chat stays
 * 1/s). Against real Telegram the limit is about 30 messages/s per bot: 10,000 subscribers take
 * 10,000 / 30 ≈ 333 s, about 5.5 minutes. `benchFanOut(n, { perSecond: 30 })` measures that.
 */
import { SqliteStore } from '../../src/store/sqlite.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { telegramChannel } from './telegram.js';
import { loadConfig } from '../../src/config.js';
import { loadKnowledge, type Knowledge } from '../../src/knowledge/load.js';
import { Deliverer } from '../../src/digest/deliver.js';
import { DEFAULT_SCHEDULE } from '../../src/digest/schedule.js';
import { DigestService } from '../../src/digest/service.js';
import { DigestStore } from '../../src/digest/store.js';

export interface BenchOptions {
  /** Overall messages per second (default 1000: the fake server has no limit; Telegram's is ~30). */
  perSecond?: number;
  /** Milliseconds between two messages to one chat (default 1000, Telegram's). */
  perTargetMs?: number;
  /** Sends in flight (default 64). */
  concurrency?: number;
  knowledge?: Knowledge;
}

export interface BenchResult {
  seconds: number;
  peakRssMb: number;
  sent: number;
  /** sendMessage calls the fake Bot API received. */
  received: number;
  perSecond: number;
  /** Messages per second achieved. */
  rate: number;
}

const TOKEN = '123456:BENCH-token_abcdefghij';

/** A Bot API that answers every call at once and counts sendMessage. */
async function fakeBotApi(): Promise<{ root: string; count: () => number; close: () => Promise<void> }> {
  let received = 0;
  let messageId = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const method = /^\/bot[^/]+\/(\w+)/.exec(req.url ?? '')?.[1];
      let result: unknown = true;
      if (method === 'sendMessage') {
        received++;
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { chat_id?: unknown; text?: string };
        result = { message_id: ++messageId, date: Math.floor(Date.now() / 1000), chat: { id: Number(body.chat_id), type: 'private' }, text: body.text };
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, result }));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    root,
    count: () => received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function benchFanOut(n: number, options: BenchOptions = {}): Promise<BenchResult> {
  const perSecond = options.perSecond ?? 1000;
  const api = await fakeBotApi();
  const dir = mkdtempSync(join(tmpdir(), 'digest-bench-'));
  const store = DigestStore.open(dir);
  const log = pino({ level: 'silent' });
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 25);
  try {
    store.db.transaction(() => {
      for (let i = 1; i <= n; i++) store.subscribe('telegram', String(100_000 + i));
    })();
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.root, DATA_DIR: dir });
    const channel = telegramChannel(config, { limits: { perSecond, perTargetMs: options.perTargetMs ?? 1000 } });
    const records = new SqliteStore(store);
    const deliverer = new Deliverer(records, [channel], { log, concurrency: options.concurrency ?? 64 });
    const service = new DigestService({
      store: records,
      knowledge: options.knowledge ?? loadKnowledge(),
      pattern: '0 8 * * *',
      timezone: 'Asia/Shanghai',
      log,
      deliverer,
    });
    const started = process.hrtime.bigint();
    const report = await service.runSlot(DEFAULT_SCHEDULE, new Date());
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    peak = Math.max(peak, process.memoryUsage().rss);
    const sent = report?.sent ?? 0;
    return {
      seconds: Math.round(seconds * 100) / 100,
      peakRssMb: Math.round((peak / 1024 / 1024) * 10) / 10,
      sent,
      received: api.count(),
      perSecond,
      rate: Math.round(sent / seconds),
    };
  } finally {
    clearInterval(sampler);
    store.close();
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
