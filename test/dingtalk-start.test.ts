/**
 * `npm start` (the node command behind it, in a folder without a .env) with only DingTalk's
 * credentials, against the fake DingTalk on 127.0.0.1: it starts the DingTalk robot and nothing
 * else, answers, and drains on SIGTERM; a refused secret or an OpenAPI out of reach stops it
 * with one `config:` line and exit 1, the secret never shown.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLIENT_ID, CLIENT_SECRET, FakeDingTalk } from './fakes/dingtalk.js';
import { exitWithin, startBot } from './npm-start.js';

const fake = new FakeDingTalk();
const cwd = mkdtempSync(join(tmpdir(), 'dingtalk-start-')); // no .env here
beforeAll(() => fake.start());
afterAll(async () => {
  await fake.close();
  rmSync(cwd, { recursive: true, force: true });
});

const env = (extra: Record<string, string> = {}) => ({
  DINGTALK_CLIENT_ID: CLIENT_ID,
  DINGTALK_CLIENT_SECRET: CLIENT_SECRET,
  DINGTALK_API_ROOT: fake.root,
  DATA_DIR: join(cwd, 'data'),
  LOG_LEVEL: 'info',
  ...extra,
});

/** The config: lines on standard error (the rest is JSON log lines). */
const configLines = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('config:'));

describe('npm start with only DingTalk credentials', () => {
  it('starts the DingTalk robot and nothing else, answers over Stream, drains on SIGTERM', async () => {
    const bot = startBot(env(), { npm: false, cwd });
    try {
      await vi.waitFor(() => expect(fake.connections()).toBe(1), { timeout: 30_000, interval: 100 });
      const message = fake.message({ text: '6月全市用电量是多少？', staffId: 'npm-start' });
      fake.push(message);
      await vi.waitFor(() => expect(fake.replies(String(message.conversationId)).length).toBe(1), { timeout: 10_000, interval: 50 });
      expect(fake.replies(String(message.conversationId))[0].text).toContain('52.91亿千瓦时');
    } finally {
      bot.signalGroup('SIGTERM');
      expect(await exitWithin(bot, 20_000)).toBe(0);
    }
    const logged = bot.stderr().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    expect(logged.map((l) => l.msg)).toContain('dingtalk: connected');
    expect(logged.map((l) => l.msg)).toContain('stopped');
    expect(logged.some((l) => /telegram|slack/i.test(l.msg))).toBe(false);
    expect(configLines(bot.stderr())).toEqual([]);
    // No console chat: standard output holds only the SDK's own two notices (console.info).
    for (const line of bot.stdout().split('\n').filter(Boolean)) expect(line).toMatch(/connect success$|^Disconnecting\.$/);
    expect(bot.stderr()).not.toContain(CLIENT_SECRET);
  }, 60_000);

  it('a wrong secret stops it with one config line naming DINGTALK_CLIENT_SECRET, exit 1', async () => {
    const bot = startBot(env({ DINGTALK_CLIENT_SECRET: 'a-wrong-secret-0123456789' }), { npm: false, cwd });
    expect(await exitWithin(bot, 30_000)).toBe(1);
    expect(bot.stderr().trimEnd().split('\n')).toEqual([
      `config: DINGTALK_CLIENT_SECRET: refused by DingTalk's token endpoint at ${fake.root} (400 invalidClientSecret: 无效的appKey或appSecret)`,
    ]);
    expect(bot.stderr()).not.toContain('a-wrong-secret');
  }, 60_000);

  it('an OpenAPI out of reach stops it with one config line naming DINGTALK_API_ROOT, each attempt logged', async () => {
    const server = createNetServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const bot = startBot(env({ DINGTALK_API_ROOT: `http://127.0.0.1:${port}`, LOG_LEVEL: 'warn' }), { npm: false, cwd });
    expect(await exitWithin(bot, 60_000)).toBe(1);
    const lines = bot.stderr().trimEnd().split('\n');
    expect(lines.at(-1)).toBe(`config: DINGTALK_API_ROOT: cannot reach http://127.0.0.1:${port} (ECONNREFUSED)`);
    expect(configLines(bot.stderr())).toHaveLength(1);
    expect(lines.slice(0, -1).map((l) => JSON.parse(l)).map((r) => [r.level, r.step, r.attempt])).toEqual([
      [40, 'token', 1],
      [40, 'token', 2],
    ]);
  }, 90_000);
});
