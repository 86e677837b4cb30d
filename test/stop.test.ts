/**
 * Stopping as an operator does: a signal to the whole process group of a real `npm start`
 * (Ctrl-C in a terminal, systemd's stop), which reaches node twice — once directly, once
 * forwarded by npm. The first starts a drain; the repeat must not cut it short; a dead reader
 * of standard error must not keep the process from exiting.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handleStops } from '../adapters/shutdown.js';
import { DigestStore } from '../src/digest/store.js';
import { silent, tempDir } from './digest-fakes.js';
import { FakeTelegram, TOKEN, textUpdate } from './fakes/telegram.js';
import { exitWithin, startBot, type Bot } from './npm-start.js';

const api = new FakeTelegram();
const dirs: string[] = [];
beforeAll(() => api.start());
afterAll(async () => {
  await api.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function telegramBot(dir: string, env: Record<string, string> = {}): Bot {
  return startBot(
    { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.root, DATA_DIR: dir, LOG_LEVEL: 'info', ...env },
  );
}

const started = () => vi.waitFor(() => expect(api.of('setMyCommands').length).toBeGreaterThan(0), { timeout: 30_000, interval: 100 });
const arrived = (chat: number) => api.arrived.some((r) => r.method === 'sendMessage' && r.target === String(chat));

describe('stopping npm start', () => {
  it('drains on SIGTERM to the process group: the answer and the digest on the wire are delivered, exit 0', async () => {
    api.reset();
    const dir = tempDir('stop-');
    dirs.push(dir);
    const store = DigestStore.open(dir);
    store.subscribe('telegram', '5151');
    store.close();
    // Both requests take longer than a second: a repeated signal would have cut them off.
    api.delay.set('sendMessage:4242', 2_500);
    api.delay.set('sendMessage:5151', 2_500);
    const bot = telegramBot(dir, { DIGEST_CRON: '*/1 * * * * *', LOG_LEVEL: 'debug' });
    try {
      await started();
      api.push(textUpdate('6月全市用电量是多少？', 4242));
      await vi.waitFor(() => expect(arrived(4242) && arrived(5151)).toBe(true), { timeout: 15_000, interval: 50 });
      bot.signalGroup('SIGTERM');
      expect(await exitWithin(bot, 30_000), bot.stderr()).toBe(0);
    } finally {
      bot.signalGroup('SIGKILL');
    }
    // npm usually forwards the signal too, so node gets it twice: the repeat must not cut the drain
    // short. (Whether npm forwards it before exiting itself is npm's timing, not asserted.)
    expect(bot.stderr()).not.toContain('second signal: exiting now');
    expect(api.sentTo(4242).length).toBeGreaterThan(0);
    expect(api.sentTo(5151).length).toBeGreaterThan(0);
    const after = DigestStore.open(dir, { readonly: true });
    const statuses = after.db.prepare('SELECT status FROM deliveries').all() as { status: string }[];
    after.close();
    expect(statuses.map((s) => s.status)).toContain('sent');
    expect(statuses.map((s) => s.status)).not.toContain('sending');
  }, 90_000);

  it('exits on SIGTERM when nobody reads its standard error any more', async () => {
    api.reset();
    const dir = tempDir('stop-');
    dirs.push(dir);
    const bot = telegramBot(dir);
    try {
      await started();
      bot.child.stderr!.destroy(); // the reader is gone: every write gets EPIPE
      api.push(textUpdate('6月全市用电量是多少？', 4242)); // something to log
      await vi.waitFor(() => expect(api.sentTo(4242).length).toBeGreaterThan(0), { timeout: 15_000, interval: 50 });
      bot.signalGroup('SIGTERM');
      expect(await exitWithin(bot, 30_000)).toBe(0);
    } finally {
      bot.signalGroup('SIGKILL');
    }
  }, 90_000);

  it('ends the console chat on Ctrl-C (SIGINT to the group) with exit 0 and no log lines', async () => {
    const dir = tempDir('stop-');
    dirs.push(dir);
    const bot = startBot({ DATA_DIR: dir, LOG_LEVEL: 'info' }, { stdio: ['pipe', 'pipe', 'pipe'] });
    try {
      bot.child.stdin!.write('6月全市用电量是多少？\n');
      await vi.waitFor(() => expect(bot.stdout()).toContain('亿千瓦时'), { timeout: 30_000, interval: 100 });
      bot.signalGroup('SIGINT');
      expect(await exitWithin(bot, 30_000)).toBe(0);
    } finally {
      bot.signalGroup('SIGKILL');
    }
    expect(bot.stdout() + bot.stderr()).not.toMatch(/^\{/m);
  }, 90_000);
});

describe('the stop path', () => {
  const never = () => new Promise<void>(() => {});

  it('drains once, ignores the echo of the signal, and takes a later one as "now"', async () => {
    const exits: number[] = [];
    let drains = 0;
    const shutdown = handleStops(() => (drains++, never()), silent, { echoMs: 50, graceMs: 60_000, exit: (code) => exits.push(code) });
    try {
      process.emit('SIGTERM', 'SIGTERM');
      process.emit('SIGTERM', 'SIGTERM'); // npm's copy
      expect(drains).toBe(1);
      expect(exits).toEqual([]);
      await new Promise((r) => setTimeout(r, 80));
      process.emit('SIGINT', 'SIGINT');
      expect(exits).toEqual([1]);
    } finally {
      shutdown.dispose();
    }
  });

  it('exits 0 after the drain, and 1 when the drain fails or outlasts the grace time', async () => {
    const exits: number[] = [];
    const exit = (code: number) => exits.push(code);
    const stops = [
      handleStops(async () => {}, silent, { exit }),
      handleStops(async () => Promise.reject(new Error('boom')), silent, { exit }),
      handleStops(never, silent, { graceMs: 20, exit }),
    ];
    try {
      await stops[0].stop('test');
      await stops[1].stop('test');
      void stops[2].stop('test');
      await vi.waitFor(() => expect(exits).toEqual([0, 1, 1]));
    } finally {
      for (const s of stops) s.dispose();
    }
  });
});
