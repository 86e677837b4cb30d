/**
 * End to end: the real Telegram bot (webhook mode, updates POSTed like Telegram would) against a
 * fake Bot API on 127.0.0.1, the digest store in a temporary DATA_DIR and DIGEST_CRON firing
 * every second: /subscribe is confirmed, digests arrive at each tick, the subscription survives
 * a restart, a subscriber's own HH:MM takes them off the per-second schedule, and after
 * /unsubscribe nothing more comes.
 */
import { rmSync } from 'node:fs';
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApp, type App } from '../adapters/app.js';
import { loadConfig, type Config } from '../src/config.js';
import type { LocalCore } from '../src/core.js';
import type { Answer } from '../src/types.js';
import { sampleKnowledge, silent, tempDir } from './digest-fakes.js';
import { commandUpdate, FakeTelegram, TOKEN } from './fakes/telegram.js';

const SECRET = 'digest_e2e-secret';
const knowledge = sampleKnowledge();

function plain(question: string, text: string): Answer {
  return { question, kind: 'none', text, lines: [[{ text }]], records: [], sources: [] };
}
const core = {
  knowledge,
  ask: (q: string) => plain(q, `答：${q}`),
  help: () => plain('/help', '帮助'),
  sources: () => plain('/sources', '资料'),
  lagging: () => plain('/lagging', '滞后'),
  lookup: () => [],
} as unknown as LocalCore;

const command = commandUpdate;

const api = new FakeTelegram();
let dir: string;
let config: Config;

beforeAll(async () => {
  await api.start();
  dir = tempDir();
  config = {
    ...loadConfig({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: api.root,
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/telegram',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      QUESTIONS_PER_MINUTE: '1000',
      DATA_DIR: dir,
      DIGEST_CRON: '*/1 * * * * *',
      DIGEST_TZ: 'Asia/Shanghai',
    }),
    PORT: 0,
  };
});
afterAll(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

async function post(app: App, update: Update): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${app.telegram!.port}/telegram`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRET },
    body: JSON.stringify(update),
  });
  expect(res.status).toBe(200);
}

const CHAT = 4242;
const EARLY = 5555;
const digestsTo = (chat: number) => api.sentTo(chat).filter((c) => String(c.body.text).startsWith('每日简报'));
const repliesTo = (chat: number) => api.sentTo(chat).filter((c) => !String(c.body.text).startsWith('每日简报'));

describe('digest end to end on Telegram', () => {
  it('subscribes, delivers each tick, survives a restart, and stops after /unsubscribe', async () => {
    const start = () => startApp(config, silent, { core, knowledge, host: '127.0.0.1' });
    let app = await start();
    try {
      expect(app.platforms).toEqual(['telegram']);
      await post(app, command('/subscribe', CHAT));
      expect(repliesTo(CHAT).at(-1)!.body.text).toMatch(/^已订阅每日简报，按默认时间发送到这里。下次发送：\d{4}-\d\d-\d\d \d\d:\d\d（Asia\/Shanghai）。/);

      await vi.waitFor(() => expect(digestsTo(CHAT).length).toBeGreaterThanOrEqual(1), { timeout: 2500, interval: 50 });
      const digest = digestsTo(CHAT)[0].body;
      expect(digest.parse_mode).toBe('HTML');
      expect(digest.text).toContain('<b>86.87亿元</b>');
      expect(digest.text).toContain('第3项【进度滞后】');

      await post(app, command('/digest', CHAT));
      expect(repliesTo(CHAT).length).toBe(1); // /digest answers with the digest itself
      await app.stop();

      // Restart with the same DATA_DIR: the subscription is still there and digests resume.
      const before = digestsTo(CHAT).length;
      app = await start();
      expect(app.store!.subscription('telegram', String(CHAT))).toMatchObject({ time: null });
      await vi.waitFor(() => expect(digestsTo(CHAT).length).toBeGreaterThan(before), { timeout: 2500, interval: 50 });

      // A subscriber's own time takes it off the per-second schedule.
      await post(app, command('/subscribe 07:30', EARLY));
      expect(repliesTo(EARLY).at(-1)!.body.text).toContain('每个发送日 07:30 发送到这里');
      expect(app.scheduler!.active().sort()).toEqual(['07:30', 'default']);

      await post(app, command('/unsubscribe', CHAT));
      const confirmation = repliesTo(CHAT).at(-1)!;
      expect(confirmation.body.text).toMatch(/^已退订每日简报/);
      await new Promise((r) => setTimeout(r, 2200));
      expect(digestsTo(CHAT).filter((c) => c.at > confirmation.at + 200)).toEqual([]);
      expect(digestsTo(EARLY)).toEqual([]);

      // Each slot went to the chat at most once.
      const runs = app.store!.db.prepare("SELECT run_key, COUNT(*) AS n FROM deliveries WHERE target = ? AND status = 'sent' GROUP BY run_key").all(String(CHAT)) as { n: number }[];
      expect(runs.every((r) => r.n === 1)).toBe(true);
    } finally {
      await app.stop();
    }
  }, 15_000);
});
