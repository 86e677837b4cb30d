/**
 * `npm start` as an operator runs it: a Telegram token, a DATA_DIR and a digest every two
 * seconds, long polling a fake Bot API on 127.0.0.1. /subscribe is confirmed, the digest comes
 * with the next tick, the subscription survives a restart, and /unsubscribe stops it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commandUpdate, FakeTelegram, TOKEN } from './fakes/telegram.js';

const CHAT = 4242;
const api = new FakeTelegram();
let dir: string;
const command = (text: string) => commandUpdate(text, CHAT);

const sent = () => api.sentTo(CHAT).map((c) => ({ text: String(c.body.text), at: c.at }));
const digests = () => sent().filter((m) => m.text.startsWith('每日简报'));

function start(): ChildProcess {
  const child = spawn('npm', ['start', '--silent'], {
    env: {
      ...process.env,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: api.root,
      DATA_DIR: dir,
      DIGEST_CRON: '*/2 * * * * *',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

beforeAll(async () => {
  await api.start();
  dir = mkdtempSync(join(tmpdir(), 'start-'));
});
afterAll(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start with Telegram and a digest schedule', () => {
  it('confirms /subscribe, delivers on the next tick, keeps the subscription over a restart, stops after /unsubscribe', async () => {
    let bot = start();
    try {
      await vi.waitFor(() => expect(api.calls.some((c) => c.method === 'setMyCommands')).toBe(true), { timeout: 20_000, interval: 100 });
      api.push(command('/subscribe'));
      await vi.waitFor(() => expect(sent().some((m) => m.text.startsWith('已订阅每日简报'))).toBe(true), { timeout: 10_000, interval: 100 });
      await vi.waitFor(() => expect(digests().length).toBeGreaterThan(0), { timeout: 5_000, interval: 100 });
      expect(digests()[0].text).toContain('86.87亿元');

      expect(await stop(bot)).toBe(0);
      const before = digests().length;
      bot = start();
      await vi.waitFor(() => expect(digests().length).toBeGreaterThan(before), { timeout: 20_000, interval: 100 });

      api.push(command('/unsubscribe'));
      await vi.waitFor(() => expect(sent().some((m) => m.text.startsWith('已退订每日简报'))).toBe(true), { timeout: 10_000, interval: 100 });
      const confirmed = sent().find((m) => m.text.startsWith('已退订每日简报'))!.at;
      await new Promise((r) => setTimeout(r, 4_500));
      expect(digests().filter((m) => m.at > confirmed + 500)).toEqual([]);
    } finally {
      expect(await stop(bot)).toBe(0);
    }
  }, 90_000);
});
