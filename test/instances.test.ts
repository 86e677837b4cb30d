/**
 * Two bot processes on one PostgreSQL, behind the fake Telegram API in webhook mode, as a city
 * runs them behind a load balancer: both come up on an empty database; a follow-up asked of
 * the other process continues the conversation; with both running each subscriber gets a slot's
 * digest once; one killed with -9 in the middle of a run leaves every subscriber sent once or
 * marked unknown; and a button of its answer, pressed after it died, works on the other.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Update } from 'grammy/types';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PostgresStore } from '../src/store/postgres.js';
import { callbackUpdate, FakeTelegram, inlineButtons, textUpdate, TOKEN } from './fakes/telegram.js';
import { exitWithin, startBot, type Bot } from './npm-start.js';
import { startPostgres, type PostgresServer } from './postgres-server.js';

const SECRET = 'instances-secret';
const SUBSCRIBERS = Array.from({ length: 24 }, (_, i) => String(5000 + i));
const ASKER = 4242;

const api = new FakeTelegram();
let server: PostgresServer;
let url: string;
const dirs: string[] = [];
const bots: { bot: Bot; port: number }[] = [];

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function startInstance(): Promise<{ bot: Bot; port: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'jx-instance-'));
  dirs.push(dir);
  const port = await freePort();
  const bot = startBot(
    {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: api.root,
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/telegram',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      PORT: String(port),
      DATABASE_URL: url,
      ANSWER_LOG_KEY: 'instances-shared-key-0123456789',
      DATA_DIR: join(dir, 'data'),
      DIGEST_CRON: '*/15 * * * * *',
      DIGEST_TZ: 'Asia/Shanghai',
      QUESTIONS_PER_MINUTE: '1000',
      JX_RECOVER_EVERY_MS: '300',
    },
    { npm: false, cwd: dir },
  );
  const entry = { bot, port };
  bots.push(entry);
  return entry;
}

async function healthy(port: number, bot: Bot): Promise<void> {
  await vi.waitFor(
    async () => {
      if (bot.child.exitCode !== null) throw new Error(`bot exited: ${bot.stderr()}`);
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(res.status).toBe(200);
    },
    { timeout: 60_000, interval: 200 },
  );
}

async function post(port: number, update: Update): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${port}/telegram`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRET },
    body: JSON.stringify(update),
  });
  expect(res.status).toBe(200);
}

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Digest requests that reached the API for each subscriber, from arrival `from` on. */
const digestsArrived = (from: number) => {
  const counts = new Map<string, number>();
  for (const r of api.arrived.slice(from)) {
    if (r.method === 'sendMessage' && SUBSCRIBERS.includes(String(r.target))) counts.set(String(r.target), (counts.get(String(r.target)) ?? 0) + 1);
  }
  return counts;
};

beforeAll(async () => {
  await api.start();
  server = await startPostgres();
  url = await server.database('instances');
  // The subscribers, as earlier /subscribe commands left them.
  const store = await PostgresStore.open(url);
  for (const target of SUBSCRIBERS) await store.subscribe('telegram', target);
  await store.close();
}, 60_000);

afterAll(async () => {
  for (const { bot } of bots) {
    bot.signalGroup('SIGTERM');
    await exitWithin(bot, 10_000);
  }
  await server?.stop();
  await api.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('two instances on one PostgreSQL', () => {
  it('both come up, share conversations, digests and buttons, and lose nothing when one is killed mid-run', async () => {
    const [a, b] = await Promise.all([startInstance(), startInstance()]);
    await Promise.all([healthy(a.port, a.bot), healthy(b.port, b.bot)]);

    // A question on A, its follow-up on B: the conversation goes on there.
    await post(a.port, textUpdate('6月全市用电量是多少？', ASKER));
    await vi.waitFor(() => expect(api.sentTo(ASKER)).toHaveLength(1), { timeout: 20_000 });
    const first = api.sentTo(ASKER)[0];
    const buttons = inlineButtons(first).filter(([, data]) => data.startsWith('ask:'));
    expect(buttons.length).toBeGreaterThan(0);
    await post(b.port, textUpdate('那1-6月呢', ASKER));
    await vi.waitFor(() => expect(api.sentTo(ASKER)).toHaveLength(2), { timeout: 20_000 });
    expect(api.sentTo(ASKER)[1].body.text).toContain('按上文');

    // Slots with both running: every subscriber once per slot. Checked between runs: each
    // digest request that reached the API is one 'sent' row, and there is one row per slot.
    const quiet = async (runs: number) => {
      await vi.waitFor(
        async () => {
          const done = await query("SELECT 1 FROM runs WHERE finished_at IS NOT NULL");
          const open = await query("SELECT 1 FROM deliveries WHERE status IN ('pending', 'sending')");
          expect(done.length).toBeGreaterThanOrEqual(runs);
          expect(open).toHaveLength(0);
        },
        { timeout: 45_000, interval: 100 },
      );
    };
    await quiet(1);
    const sentRows = await query<{ target: string; n: string }>("SELECT target, COUNT(*) AS n FROM deliveries WHERE status = 'sent' GROUP BY target");
    const arrivedAll = digestsArrived(0);
    expect(sentRows).toHaveLength(SUBSCRIBERS.length);
    for (const row of sentRows) expect(arrivedAll.get(row.target)).toBe(Number(row.n));
    const owners = await query<{ owner: string }>('SELECT DISTINCT owner FROM deliveries');
    expect(owners.length).toBeGreaterThanOrEqual(1);

    // The next slot: sends are slow, and A is killed once they are on the wire.
    const beforeKill = api.arrived.length;
    api.delay.set('sendMessage', 1500);
    await vi.waitFor(() => expect(digestsArrived(beforeKill).size).toBeGreaterThan(0), { timeout: 40_000, interval: 50 });
    await new Promise((r) => setTimeout(r, 200));
    a.bot.signalGroup('SIGKILL');
    await a.bot.exited;
    api.delay.delete('sendMessage');
    const [run] = await query<{ run_key: string }>('SELECT run_key FROM runs ORDER BY created_at DESC LIMIT 1');
    await vi.waitFor(
      async () => {
        const open = await query("SELECT 1 FROM deliveries WHERE run_key = $1 AND status IN ('pending', 'sending')", [run.run_key]);
        expect(open).toHaveLength(0);
      },
      { timeout: 30_000, interval: 200 },
    );
    const rows = await query<{ target: string; status: string }>('SELECT target, status FROM deliveries WHERE run_key = $1', [run.run_key]);
    expect(rows).toHaveLength(SUBSCRIBERS.length);
    const arrived = digestsArrived(beforeKill);
    for (const row of rows) {
      expect(['sent', 'unknown']).toContain(row.status); // sent once, or said to be in doubt
      expect(arrived.get(row.target) ?? 0).toBeLessThanOrEqual(1);
      if (row.status === 'sent') expect(arrived.get(row.target)).toBe(1);
    }

    // A's button, pressed after A died, on B.
    const answered = api.sentTo(ASKER).length;
    await post(b.port, callbackUpdate(buttons[0][1], { id: ASKER, type: 'private', first_name: '李' } as never, { id: ASKER, is_bot: false, first_name: '李' } as never));
    await vi.waitFor(() => expect(api.sentTo(ASKER).length).toBe(answered + 1), { timeout: 20_000 });
    const expired = api.of('answerCallbackQuery').filter((c) => String(c.body.text ?? '').includes('过期'));
    expect(expired).toEqual([]);
  }, 180_000);
});
